import { ErrorCode, Limits } from '@civicgrid/contracts';
import { InvalidInputError } from '../errors/domain-errors';
import { cursorValueFits, pageSize } from './connection';
import { badCursor, CursorKey, decodeCursor, encodeCursor } from './cursor';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('cursor', () => {
  it.each<[string, CursorKey]>([
    ['a timestamp and a uuid', ['2025-03-01T08:00:00.000Z', '6f1c1a52-57a3-4a8e-9d3c-0b1e2c3d4e5f']],
    ['a name and a uuid', ['社区 Garden & Co.', '6f1c1a52-57a3-4a8e-9d3c-0b1e2c3d4e5f']],
    ['a number', [42]],
    ['a numeric string', ['9007199254740993']],
    ['mixed values', ['x', 0, -1.5, '']],
    ['quotes, slashes and emoji', ['"quoted" / \\ 🙂 +=?']],
  ])('should decode what it encoded when the key is %s', (_label, key) => {
    expect(decodeCursor(encodeCursor(key), key.length)).toEqual(key);
  });

  it('should produce URL-safe text without padding when encoding', () => {
    const cursor = encodeCursor(['???>>>~~~', '🙂🙂🙂']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('should give different cursors when the keys differ', () => {
    expect(encodeCursor(['a', 'b'])).not.toBe(encodeCursor(['a', 'c']));
  });

  it.each<[string, string, number]>([
    ['it is empty', '', 1],
    ['it is not base64 of JSON', 'garbage!!!', 1],
    ['it is plain words', 'not-a-cursor', 2],
    ['it is JSON of an object', b64('{"a":1}'), 1],
    ['it is JSON of a string', b64('"abc"'), 1],
    ['it is JSON of a number', b64('7'), 1],
    ['it is JSON null', b64('null'), 1],
    ['it is truncated JSON', b64('["2025-03-01T08:00:00.000Z",'), 2],
    ['it has fewer values than the sort key', encodeCursor(['2025-03-01T08:00:00.000Z']), 2],
    ['it has more values than the sort key', encodeCursor(['a', 'b', 'c']), 2],
    ['it holds an object', b64('[{"x":1}]'), 1],
    ['it holds null', b64('[null]'), 1],
    ['it holds a boolean', b64('[true]'), 1],
    ['it holds a nested array', b64('[["a"]]'), 1],
  ])('should refuse with BAD_USER_INPUT on field after when %s', (_label, cursor, arity) => {
    const err = thrownBy(() => decodeCursor(cursor, arity));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'after', key: 'pagination.badCursor' });
  });

  it('should throw the cursor error from badCursor when a value does not fit its column', () => {
    expect(thrownBy(badCursor)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', key: 'pagination.badCursor', message: 'The cursor is not valid' });
  });
});

describe('pageSize', () => {
  it.each<[string, number | null | undefined, number]>([
    ['first is undefined', undefined, Limits.pageSizeDefault],
    ['first is null', null, Limits.pageSizeDefault],
    ['first is 1', 1, 1],
    ['first is 20', 20, 20],
    ['first is 99', 99, 99],
    ['first is exactly the cap', 100, 100],
    ['first is 101', 101, 100],
    ['first is 1000', 1000, 100],
    ['first is huge', Number.MAX_SAFE_INTEGER, 100],
  ])('should take the right number of rows when %s', (_label, first, expected) => {
    expect(pageSize(first)).toBe(expected);
  });

  it('should default to 20 and cap at 100 when the shared limits say so', () => {
    expect(Limits.pageSizeDefault).toBe(20);
    expect(Limits.pageSizeMax).toBe(100);
  });

  it.each<[string, number]>([
    ['first is 0', 0],
    ['first is -1', -1],
    ['first is very negative', -1000],
    ['first is a fraction', 1.5],
    ['first is a tiny fraction', 0.5],
    ['first is NaN', Number.NaN],
    ['first is Infinity', Number.POSITIVE_INFINITY],
  ])('should refuse with BAD_USER_INPUT on field first when %s', (_label, first) => {
    const err = thrownBy(() => pageSize(first));
    expect(err).toBeInstanceOf(InvalidInputError);
    expect(err).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'first', key: 'pagination.badFirst' });
  });
});

describe('cursorValueFits', () => {
  it.each<[string, 'timestamp' | 'uuid' | 'text' | 'number', string | number, boolean]>([
    ['an ISO instant for a timestamp', 'timestamp', '2026-12-01T01:30:00.000Z', true],
    ['a number for a timestamp', 'timestamp', '1', false],
    ['the largest JavaScript date', 'timestamp', '+275760-09-13T00:00:00Z', false],
    ['a date without an offset', 'timestamp', '2026-12-01T01:30:00', false],
    ['a sequence number', 'number', '42', true],
    ['a 23-digit number', 'number', '99999999999999999999999', false],
    ['a fraction', 'number', 1.5, false],
    ['a safe integer', 'number', 7, true],
    ['a UUID', 'uuid', '6f1c1a52-57a3-4a8e-9d3c-0b1e2c3d4e5f', true],
    ['words for a UUID', 'uuid', 'nope', false],
    ['a name', 'text', '社区 Garden', true],
    ['a NUL in a name', 'text', 'a\u0000b', false],
  ])('should judge %s', (_label, kind, value, fits) => {
    expect(cursorValueFits(kind, value)).toBe(fits);
  });
});
