/** A code as typed or scanned at the counter: case and spaces (and dashes) do not matter. */
export function normalizeRedemptionCode(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** The 8-character code in two groups of four, easier to read out at a counter. */
export function groupRedemptionCode(code: string): string {
  const c = normalizeRedemptionCode(code);
  return c.length > 4 ? `${c.slice(0, 4)} ${c.slice(4)}` : c;
}

/** Yuan from fen, with two decimals (12345 → "123.45"). */
export function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}
