import { rewireTypes } from '@graphql-tools/utils';
import { GraphQLError, GraphQLScalarType, GraphQLSchema, Kind, ValueNode } from 'graphql';
import { isUuid } from '../context/loaders';

/** The range of instants the API accepts: wider than any shift or report needs, narrower than what breaks a cursor. */
export const DATE_TIME_RANGE = { min: Date.UTC(2000, 0, 1), max: Date.UTC(2101, 0, 1) } as const;

// RFC 3339 `date-time`: a full date, a full time and an offset (Z or ±hh:mm), nothing else.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads an RFC 3339 date-time with an explicit offset into a Date, or says why it is
 * refused. `Date.parse` would take `2027-02-30` as 2 March, a missing offset as the
 * server's zone, and year 10000 as a date that later breaks a cursor.
 */
export function parseDateTime(text: string): Date | string {
  const m = RFC3339.exec(text);
  if (!m) return 'Expected an RFC 3339 date-time with an offset, e.g. 2026-12-01T09:30:00+08:00';
  const [, y, mo, d, h, mi, s, , , sign, oh, om] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return `${y}-${mo}-${d} is not a date on the calendar`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return `${h}:${mi}:${s} is not a time of day`;
  if (sign && (Number(oh) > 14 || Number(om) > 59)) return `${sign}${oh}:${om} is not a time zone offset`;
  const date = new Date(text);
  const t = date.getTime();
  if (Number.isNaN(t)) return 'Expected an RFC 3339 date-time with an offset';
  if (t < DATE_TIME_RANGE.min || t >= DATE_TIME_RANGE.max) return 'Dates must lie between the years 2000 and 2100';
  return date;
}

function refuse(message: string, node?: ValueNode): never {
  throw new GraphQLError(message, node ? { nodes: node } : undefined);
}

/** `DateTime`: RFC 3339 with an offset on the way in, ISO 8601 in UTC on the way out. */
export const StrictDateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant as an RFC 3339 date-time with an offset, such as 2026-12-01T09:30:00+08:00 or 2026-12-01T01:30:00Z; answered in UTC. Years 2000 to 2100.',
  serialize(value) {
    const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue(value) {
    // Already coerced: the JIT executor coerces variables with graphql-js first, then
    // graphql-jit parses them again. A client's JSON never carries a Date.
    if (value instanceof Date) return value;
    if (typeof value !== 'string') refuse('Expected an RFC 3339 date-time string');
    const r = parseDateTime(value);
    return typeof r === 'string' ? refuse(r) : r;
  },
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) refuse('Expected an RFC 3339 date-time string', node);
    const r = parseDateTime(node.value);
    return typeof r === 'string' ? refuse(r, node) : r;
  },
});

/**
 * `ID` as this API issues them: UUIDs. Anything else cannot name a row, so it is refused
 * as bad input before a resolver runs (Postgres would raise on the cast otherwise).
 */
export const UuidID = new GraphQLScalarType<string, string>({
  name: 'ID',
  description: 'An opaque identifier (this API issues UUIDs).',
  serialize(value) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
    throw new GraphQLError('ID cannot represent this value');
  },
  parseValue(value) {
    if (!isUuid(value)) refuse('Expected an id (a UUID)');
    return value.toLowerCase();
  },
  parseLiteral(node) {
    if (node.kind !== Kind.STRING || !isUuid(node.value)) refuse('Expected an id (a UUID)', node);
    return node.value.toLowerCase();
  },
});

/**
 * The schema with every use of the built-in `ID` replaced by `UuidID`. Code-first
 * resolvers name `ID` from @nestjs/graphql, which is graphql-js's own scalar; the
 * schema's types are rebuilt around ours instead (introspection never takes an ID, so
 * the two cannot meet).
 */
export function withUuidIds(schema: GraphQLSchema): GraphQLSchema {
  const types = { ...schema.getTypeMap(), ID: UuidID };
  const { typeMap, directives } = rewireTypes(types, schema.getDirectives());
  const named = (t: { name: string } | null | undefined) => (t ? (typeMap[t.name] as never) : undefined);
  return new GraphQLSchema({
    ...schema.toConfig(),
    query: named(schema.getQueryType()),
    mutation: named(schema.getMutationType()),
    subscription: named(schema.getSubscriptionType()),
    types: Object.values(typeMap),
    directives,
  });
}
