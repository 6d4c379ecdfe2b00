import { ErrorCode, ERROR_CODES } from '@civicgrid/contracts';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError, RateLimitedError } from './domain-errors';

interface Logger {
  error(obj: object, msg: string): void;
  warn?(obj: object, msg: string): void;
}

/** Postgres error codes that reach us as a driver error and what they mean to a client. */
const PG_CODES: Record<string, { code: ErrorCode; key: string; message: string }> = {
  '23505': { code: ErrorCode.CONFLICT, key: 'conflict.duplicate', message: 'This already exists' },
  '23514': { code: ErrorCode.CONFLICT, key: 'conflict.constraint', message: 'The change would break a rule of the data' },
  '40001': { code: ErrorCode.CONFLICT, key: 'conflict.retry', message: 'Too much contention, try again' },
  '40P01': { code: ErrorCode.CONFLICT, key: 'conflict.retry', message: 'Too much contention, try again' },
  '57014': { code: ErrorCode.INTERNAL, key: 'internal.timeout', message: 'The request took too long' },
};

/**
 * Postgres "data exception" codes: a value the database could not read (not a number, out
 * of range, an impossible date, a NUL byte). Inputs are validated before they get this
 * far, so reaching one means a check is missing; the client still sent bad input.
 */
const PG_DATA_EXCEPTIONS = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

/** The database cannot be reached or went away mid-statement (it is restarting, or down). */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; driverError?: unknown } | undefined;
  if (!e || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message)) return true;
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

/**
 * The input field a variable-coercion error points at, named as services name them:
 * `Variable "$input" got invalid value … at "input.shifts[0].startsAt"` → `shifts.0.startsAt`.
 */
export function fieldOfCoercionError(message: string): string | undefined {
  const m = /^Variable "\$(\w+)" got invalid value [\s\S]*?(?: at "([^"]+)")?; /.exec(message);
  if (!m) return undefined;
  const [, variable, at] = m;
  const path = (at ?? variable).replace(/\[(\d+)\]/g, '.$1');
  return variable === 'input' ? path.replace(/^input\.?/, '') || undefined : path;
}

/**
 * Turns anything thrown during a GraphQL request into an error with a code from the
 * fixed set. Unknown errors are logged and hidden: no stack trace or SQL leaves the server.
 */
/** Set on a request's errors (see `requestIdOnErrors`) so the lines logged about them name the request. */
export const REQUEST_ID = Symbol('requestId');

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const requestId = (error as { [REQUEST_ID]?: string } | null)?.[REQUEST_ID];
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    return {
      ...base,
      message: original.message,
      extensions: {
        code: original.code,
        key: original.key,
        ...(original.field ? { field: original.field } : {}),
        ...(original instanceof RateLimitedError ? { retryAfterSeconds: original.retryAfterSeconds } : {}),
      },
    };
  }

  if (isDatabaseUnavailable(original)) {
    // An outage, not a bug: one warning per request rather than an error with a stack each.
    logger.warn?.({ code: (original as { code?: string }).code, requestId }, 'database unavailable');
    return { ...base, message: 'The service is briefly unavailable; try again in a moment', extensions: { code: ErrorCode.INTERNAL, key: 'internal.unavailable' } };
  }
  const pgCode = (original as { code?: unknown } | undefined)?.code;
  if (typeof pgCode === 'string' && PG_DATA_EXCEPTIONS.has(pgCode)) {
    logger.warn?.({ code: pgCode, requestId }, 'database refused a value that validation let through');
    return { ...base, message: 'A value in the request is not valid', extensions: { code: ErrorCode.BAD_USER_INPUT, key: 'request.invalidValue' } };
  }
  if (typeof pgCode === 'string' && PG_CODES[pgCode]) {
    const m = PG_CODES[pgCode];
    if (m.code === ErrorCode.INTERNAL) logger.error({ err: original, requestId }, 'database error');
    return { ...base, message: m.message, extensions: { code: m.code, key: m.key } };
  }

  // Errors raised by graphql-js itself (parse, validation, variable coercion) and by the
  // abuse limits: the client sent something we will not run.
  const ext = formatted.extensions ?? {};
  const apolloCode = typeof ext.code === 'string' ? ext.code : undefined;
  if (
    apolloCode === 'GRAPHQL_PARSE_FAILED' ||
    apolloCode === 'GRAPHQL_VALIDATION_FAILED' ||
    apolloCode === 'BAD_USER_INPUT' ||
    apolloCode === 'BAD_REQUEST' ||
    apolloCode === 'PERSISTED_QUERY_NOT_SUPPORTED' ||
    apolloCode === 'OPERATION_RESOLUTION_FAILURE' ||
    (original instanceof GraphQLError && !original.originalError && !original.path)
  ) {
    // Suggestions ("Did you mean ...?") would map the schema for a prober; armor strips
    // field suggestions, this strips the rest (enum values, types).
    const field = fieldOfCoercionError(base.message);
    return {
      ...base,
      message: base.message.replace(/\s*Did you mean .*\?/g, ''),
      extensions: { code: ErrorCode.BAD_USER_INPUT, key: 'request.invalid', ...(field ? { field } : {}) },
    };
  }
  if (apolloCode && (ERROR_CODES as readonly string[]).includes(apolloCode) && apolloCode !== ErrorCode.INTERNAL) {
    return { ...base, extensions: { code: apolloCode, key: `request.${apolloCode.toLowerCase()}` } };
  }

  logger.error({ err: original, requestId }, 'unexpected error in GraphQL request');
  return { message: 'Internal error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL, key: 'internal' } };
}
