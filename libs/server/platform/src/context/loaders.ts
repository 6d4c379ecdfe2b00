import { RequestContext } from './request-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else cannot name a row (and would make Postgres raise). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

function byIdLoader<T extends { id: string }>(ctx: RequestContext, name: string, fetch: (ids: string[]) => Promise<T[]>) {
  return ctx.loader<string, T | null>(name, async (ids) => {
    const byId = new Map((await fetch([...ids])).map((r) => [r.id, r]));
    return ids.map((i) => byId.get(i) ?? null);
  });
}

/** One row by id through the request's loader: one query per batch, null when absent. */
export function loadById<T extends { id: string }>(ctx: RequestContext, name: string, id: string, fetch: (ids: string[]) => Promise<T[]>): Promise<T | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return byIdLoader(ctx, name, fetch).load(id);
}

/**
 * Hands rows a statement has already read (a page joined with its parents) to the
 * loader that would otherwise fetch them again; `fetch` is the loader's own, for the
 * ids that were not primed.
 */
export function primeById<T extends { id: string }>(ctx: RequestContext, name: string, rows: Iterable<T>, fetch: (ids: string[]) => Promise<T[]>): void {
  const loader = byIdLoader(ctx, name, fetch);
  for (const row of rows) loader.prime(row.id, row);
}

/** The rows that belong to a key (a task's shifts, a person's memberships), batched per request. */
export function loadAllBy<T>(ctx: RequestContext, name: string, key: string, fetch: (keys: string[]) => Promise<T[]>, keyOf: (row: T) => string): Promise<T[]> {
  return ctx
    .loader<string, T[]>(name, async (keys) => {
      const groups = new Map<string, T[]>();
      for (const row of await fetch([...keys])) {
        const k = keyOf(row);
        groups.set(k, [...(groups.get(k) ?? []), row]);
      }
      return keys.map((k) => groups.get(k) ?? []);
    })
    .load(key);
}
