import type { ClientBase, QueryConfig } from 'pg';
import type { WireValue } from './wire-tap';

/** A statement of the API's, as captured: replayed as it was sent. */
export interface Statement {
  name?: string;
  text: string;
  values?: WireValue[];
  binaryResults?: boolean;
}

/** One board request as the API served it, for one grid and one viewer. */
export interface CapturedRequest {
  gridId: string;
  viewer: { userId: string; token: string };
  statements: Statement[];
  /** the API's response body */
  response: unknown;
}

type Prepared = string | (QueryConfig & { binary?: boolean });

/** The node-postgres query for a captured statement: a named statement stays named (prepared once per connection). */
export function prepare(s: Statement): Prepared {
  if (s.values === undefined) return s.text; // simple protocol
  const values = s.values.map((v) => (v === null || typeof v === 'string' ? v : Buffer.from(v.base64, 'base64')));
  const query: QueryConfig & { binary?: boolean } = { text: s.text, values };
  if (s.name) query.name = s.name;
  if (s.binaryResults) query.binary = true;
  return query;
}

/** Runs a request's statements in their order on one connection; the rows of each. */
export async function run(client: ClientBase, statements: Prepared[]): Promise<Record<string, unknown>[][]> {
  const out: Record<string, unknown>[][] = [];
  for (const s of statements) out.push((await client.query(s as QueryConfig)).rows);
  return out;
}
