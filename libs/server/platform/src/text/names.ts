import { InvalidInputError } from '../errors/domain-errors';

/**
 * Characters that change how text shows without showing themselves: controls, format
 * characters (zero-width spaces and joiners, bidi overrides such as U+202E, the BOM),
 * line and paragraph separators, private use, and the Hangul and Braille blanks that
 * render as nothing.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\u115F\u1160\u3164\uFFA0\u2800]/gu;
const VISIBLE = /[\p{L}\p{N}]/u;

/** Words only the installation's own staff may wear in a display name. */
const STAFF_WORDS_ZH = ['系统管理员', '管理员', '客服', '官方', '系统'];
const STAFF_WORDS_LATIN = ['administrator', 'admin', 'moderator', 'support', 'official', 'system', 'staff', 'civicgrid'];
const STAFF_WORD_LATIN = new RegExp(`(^|[^\\p{L}\\p{N}])(${STAFF_WORDS_LATIN.join('|')})($|[^\\p{L}\\p{N}])`, 'u');

/**
 * A name as it will be shown: NFC, invisible characters removed, runs of spaces made
 * one, trimmed. Refused when nothing visible is left or it is longer than `max`.
 */
export function cleanName(input: string, field: string, max: number): string {
  const name = input.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim();
  if (!VISIBLE.test(name)) throw new InvalidInputError(field, 'name.invisible', `${field} must contain letters or digits`);
  if ([...name].length > max) throw new InvalidInputError(field, 'validation.maxLength', `${field} must be at most ${max} characters`);
  return name;
}

/** Whether a name pretends to speak for the installation ("系统管理员", "Admin", "ＡＤＭＩＮ", "a.d.m.i.n"). */
export function impersonatesStaff(name: string): boolean {
  const folded = name.normalize('NFKC').toLowerCase();
  if (STAFF_WORDS_ZH.some((w) => folded.includes(w))) return true;
  if (STAFF_WORD_LATIN.test(folded)) return true;
  const squashed = folded.replace(/[^\p{L}\p{N}]/gu, '');
  return STAFF_WORDS_LATIN.includes(squashed);
}

/** A person's display name: clean, and free of staff words unless the person is staff. */
export function cleanDisplayName(input: string, field: string, max: number, opts: { mayUseStaffWords?: boolean } = {}): string {
  const name = cleanName(input, field, max);
  if (!opts.mayUseStaffWords && impersonatesStaff(name)) {
    throw new InvalidInputError(field, 'name.reserved', `${field} may not contain words reserved for staff, such as 管理员 or Admin`);
  }
  return name;
}

/**
 * A person's name as the public sees it on award lists and certificate checks: the
 * first and last characters of a Chinese name with stars between (王*明, 欧**明, 李*; one character, all stars),
 * the initial of each word of a Latin one (W. X.).
 */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  // One character says it all: nothing of it is shown.
  if (chars.length <= 1) return '*';
  if (/\p{Script=Latin}/u.test(name)) {
    return name
      .trim()
      .split(/\s+/u)
      .map((w) => `${[...w][0].toUpperCase()}.`)
      .join(' ');
  }
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
