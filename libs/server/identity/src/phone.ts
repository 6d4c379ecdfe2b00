import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { InvalidInputError } from '@civicgrid/platform';

/**
 * Mainland China mobile numbers, normalised to their 11 national digits. Accepts
 * `13812345678`, `138 1234 5678`, `+86 138-1234-5678`.
 */
export function normalizeMainlandMobile(input: string, field = 'phone'): string {
  const parsed = parsePhoneNumberFromString(input ?? '', 'CN');
  if (!parsed || parsed.country !== 'CN' || !parsed.isValid() || parsed.getType() !== 'MOBILE') {
    throw new InvalidInputError(field, 'phone.invalid', 'Enter a valid mainland China mobile number (11 digits, starting with 1)');
  }
  return parsed.nationalNumber;
}

/** `13812345678` → `138****5678` */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
