import { InvalidInputError } from '@civicgrid/platform';

/** The alphabet of the unified social credit code (统一社会信用代码, GB 32100-2015): no I, O, S, V, Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORM = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** Whether an 18-character code is well formed and its last character is the check character. */
export function isRegistrationNumber(code: string): boolean {
  if (!FORM.test(code)) return false;
  const sum = WEIGHTS.reduce((acc, w, i) => acc + ALPHABET.indexOf(code[i]) * w, 0);
  return ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

/**
 * A registration number as given (spaces dropped, letters upper-cased), or null when blank;
 * BAD_USER_INPUT when it is not a valid unified social credit code. The database checks the
 * form again; the check character is checked here.
 */
export function cleanRegistrationNumber(input: string | null | undefined, field = 'registrationNumber'): string | null {
  if (input == null) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (!code) return null;
  if (code.length !== 18) throw new InvalidInputError(field, 'organization.registrationNumberLength', 'A unified social credit code has 18 characters');
  if (!isRegistrationNumber(code)) throw new InvalidInputError(field, 'organization.registrationNumberInvalid', 'This is not a valid unified social credit code (check the characters and the last one)');
  return code;
}
