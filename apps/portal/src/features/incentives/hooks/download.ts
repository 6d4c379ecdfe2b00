/** Saves text as a file through the browser (a UTF-8 BOM first, so spreadsheet programs read Chinese right). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const body = text.startsWith('\ufeff') ? text : `\ufeff${text}`;
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
