import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** Polled every few seconds by orchestrators: kept out of the request log. */
export const PROBES = new Set(['/health', '/ready', '/metrics']);

/**
 * The request id: the caller's `x-request-id` when it is sane, else a new UUID. Given to
 * Fastify as its genReqId, so logs, audit entries and the response header share it.
 */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** The path of a URL without its query string: a query string can carry anything a client typed, a password included. */
export function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0].split('#')[0];
}

/**
 * What an error may put in the log, by allow-list. A database error keeps its code and
 * the names of what it concerned, never its message or detail (Postgres quotes the
 * offending value there: `Key (phone)=(138…)`), nor the statement's parameters, which
 * TypeORM hangs on its QueryFailedError.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!err || typeof err !== 'object') return { message: String(err).slice(0, 200) };
  const e = err as Error & Record<string, unknown>;
  const driver = (e.driverError ?? e) as Record<string, unknown>;
  const pgCode = typeof driver.code === 'string' && /^[0-9A-Z]{5}$/.test(driver.code) ? driver.code : undefined;
  if (pgCode || e.name === 'QueryFailedError') {
    const pick = (k: string) => (typeof driver[k] === 'string' ? { [k]: driver[k] } : {});
    return { type: e.name, code: pgCode, ...pick('constraint'), ...pick('table'), ...pick('column'), ...pick('routine') };
  }
  return { type: e.name, message: typeof e.message === 'string' ? e.message : undefined, code: typeof e.code === 'string' ? e.code : undefined, stack: e.stack };
}
