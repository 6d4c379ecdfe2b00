import { InvalidInputError } from './domain-errors';
import { refuseNulBytes } from './validation.pipe';

describe('refuseNulBytes', () => {
  it.each<[string, unknown, string | undefined]>([
    ['a top-level string', 'a\u0000', 'phone'],
    ['a nested field', { shifts: [{ note: 'x\u0000' }] }, 'shifts.0.note'],
    ['a list of strings', { skills: ['ok', '\u0000'] }, 'skills.1'],
  ])('should refuse %s naming the field', (_label, value, field) => {
    let thrown: unknown;
    try {
      refuseNulBytes(value, typeof value === 'string' ? 'phone' : '');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InvalidInputError);
    expect(thrown).toMatchObject({ code: 'BAD_USER_INPUT', field, key: 'validation.nulCharacter' });
  });

  it('should let everything else through, dates and other control characters included', () => {
    expect(() => refuseNulBytes({ a: 'tab\there', b: new Date(), c: [1, true, null], d: '汉字\n' }, '')).not.toThrow();
  });
});
