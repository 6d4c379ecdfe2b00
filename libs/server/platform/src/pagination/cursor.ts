import { InvalidInputError } from '../errors/domain-errors';

/**
 * Opaque cursors: the sort key of a row, as base64url JSON. Clients must treat them as
 * opaque; the server checks their shape on the way back in.
 */
export type CursorKey = readonly (string | number)[];

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): CursorKey {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key;
    }
  } catch {
    /* fall through */
  }
  badCursor();
}

export function badCursor(): never {
  throw new InvalidInputError('after', 'pagination.badCursor', 'The cursor is not valid');
}
