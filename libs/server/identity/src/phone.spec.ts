import { ErrorCode } from '@civicgrid/contracts';
import { InvalidInputError } from '@civicgrid/platform';
import { maskPhone, normalizeMainlandMobile } from './phone';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('normalizeMainlandMobile', () => {
  it.each<[string, string]>([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    [' 13812345678 ', '13812345678'],
    ['15912345678', '15912345678'],
    ['18612345678', '18612345678'],
    ['19912345678', '19912345678'],
  ])('should normalise to 11 digits when the input is %j', (input, expected) => {
    expect(normalizeMainlandMobile(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['a Chengdu landline', '02812345678'],
    ['a Beijing landline with a dash', '010-12345678'],
    ['a Shanghai landline with +86', '+86 21 1234 5678'],
    ['a number one digit short', '1381234567'],
    ['a number one digit long', '138123456789'],
    ['a short number', '12345'],
    ['a number starting with 12', '12812345678'],
    ['a US number', '+1 415 555 2671'],
    ['a Hong Kong mobile', '+852 9123 4567'],
    ['a UK mobile', '+44 7911 123456'],
    ['letters', 'not a phone'],
    ['an empty string', ''],
  ])('should refuse with BAD_USER_INPUT on field phone when given %s', (_label, input) => {
    const err = thrownBy(() => normalizeMainlandMobile(input));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'phone', key: 'phone.invalid' });
  });

  it('should name the given field when the caller names one', () => {
    expect(thrownBy(() => normalizeMainlandMobile('12345', 'proxyPhone'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'proxyPhone' });
  });

  it('should refuse with BAD_USER_INPUT when the input is missing', () => {
    expect(thrownBy(() => normalizeMainlandMobile(undefined as unknown as string))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
  });
});

describe('maskPhone', () => {
  it('should keep the first three and last four digits when the number has 11 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('should hide the middle four digits when masking a normalised number', () => {
    const masked = maskPhone(normalizeMainlandMobile('+86 159 8765 4321'));
    expect(masked).toBe('159****4321');
    expect(masked).not.toContain('8765');
  });

  it.each(['', '1', '123456'])('should show only stars when the value %j is too short to mask', (short) => {
    expect(maskPhone(short)).toBe('****');
  });
});
