import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { isLocalDate, isLocalTime } from '../recurrence';

function refuse(message: string, node?: ValueNode): never {
  throw new GraphQLError(message, node ? { nodes: node } : undefined);
}

function scalar(name: string, description: string, valid: (v: string) => boolean, expected: string): GraphQLScalarType<string, string> {
  const read = (value: unknown, node?: ValueNode) => {
    if (typeof value !== 'string' || !valid(value)) refuse(`Expected ${expected}`, node);
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: (value) => read(value),
    parseLiteral: (node) => read(node.kind === Kind.STRING ? node.value : undefined, node),
  });
}

/** A calendar date with no time or zone: recurring shifts' dates are local to the series' zone. */
export const LocalDateScalar = scalar(
  'LocalDate',
  'A calendar date with no time or zone, YYYY-MM-DD (a real date, years 2000 to 2100); for recurring shifts, a date in the series’ time zone.',
  isLocalDate,
  'a date written YYYY-MM-DD, e.g. 2027-03-01',
);

/** A wall-clock time of day, to the minute. */
export const LocalTimeScalar = scalar('LocalTime', 'A time of day on the wall clock, HH:MM (00:00 to 23:59), in the series’ time zone.', isLocalTime, 'a time written HH:MM, e.g. 09:30');
