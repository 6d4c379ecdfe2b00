import { InvalidInputError } from '@civicgrid/platform';
import { cleanRegistrationNumber, isRegistrationNumber } from './registration-number';

// Published examples of codes with their check characters.
const VALID = ['91350100M000100Y43', '91110000802100433B'];

describe('registration numbers', () => {
  it.each(VALID)('should accept %s when its check character matches', (code) => {
    expect(isRegistrationNumber(code)).toBe(true);
  });

  it.each([
    ['the check character is wrong', '91350100M000100Y44'],
    ['a letter outside the alphabet is used', '91350100M000100O43'],
    ['the region part has a letter', '9135A100M000100Y43'],
    ['it is too short', '91350100M000100Y4'],
  ])('should refuse a code when %s', (_label, code) => {
    expect(isRegistrationNumber(code)).toBe(false);
  });

  it('should drop spaces and dashes and upper-case the letters when cleaning', () => {
    expect(cleanRegistrationNumber(' 913501-00m000 100y43 ')).toBe('91350100M000100Y43');
  });

  it('should answer null when the number is blank', () => {
    expect(cleanRegistrationNumber('   ')).toBeNull();
    expect(cleanRegistrationNumber(undefined)).toBeNull();
  });

  it.each([
    ['the length is wrong', '9135010', 'organization.registrationNumberLength'],
    ['the check character is wrong', '91350100M000100Y44', 'organization.registrationNumberInvalid'],
  ])('should refuse with BAD_USER_INPUT on the field when %s', (_label, code, key) => {
    let thrown: unknown;
    try {
      cleanRegistrationNumber(code, 'input.registrationNumber');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect(thrown).toMatchObject({ key, field: 'input.registrationNumber' });
  });
});
