/**
 * `MatchReason.detail` is a short machine-friendly string the portal translates:
 * `key=value` pairs joined by `;`, list values joined by `,`. Characters that
 * would break that (`%`, `;`, `,`, `=`) are percent-encoded inside values.
 */
export type DetailValue = string | number | boolean | readonly string[];

function encodeValue(value: string): string {
  return value.replace(/[%;,=]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function formatDetail(entries: readonly (readonly [string, DetailValue])[]): string {
  return entries
    .map(([key, value]) => {
      const text = Array.isArray(value) ? value.map((v: string) => encodeValue(v)).join(',') : encodeValue(String(value));
      return `${key}=${text}`;
    })
    .join(';');
}

/** Reads a detail string back into keys and values; list values stay comma-joined (split them where a list is expected). */
export function parseReasonDetail(detail: string): Record<string, string> {
  const result: Record<string, string> = {};
  if (detail === '') return result;
  for (const pair of detail.split(';')) {
    const at = pair.indexOf('=');
    if (at < 0) continue;
    result[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return result;
}

/** Splits a list value from `parseReasonDetail` and decodes its items. */
export function detailList(value: string | undefined): string[] {
  if (!value) return [];
  return value.split(',').map((item) => decodeURIComponent(item));
}

/** Rounds for display in a detail string; scores themselves are never rounded. */
export function fixed(value: number, digits: number): string {
  return value.toFixed(digits);
}
