import { GraphQLError, Kind } from 'graphql';
import { parseDateTime, StrictDateTime, UuidID } from './scalars';
import { responseMediaType } from './json-status.plugin';

describe('parseDateTime', () => {
  it.each<[string, string]>([
    ['2026-12-01T09:30:00+08:00', '2026-12-01T01:30:00.000Z'],
    ['2026-12-01T01:30:00Z', '2026-12-01T01:30:00.000Z'],
    ['2026-12-01t01:30:00z', '2026-12-01T01:30:00.000Z'],
    ['2026-12-01T01:30:00.123456-05:30', '2026-12-01T07:00:00.123Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['2000-01-01T00:00:00Z', '2000-01-01T00:00:00.000Z'],
  ])('should read %s as the instant %s when it is RFC 3339 with an offset', (text, iso) => {
    expect((parseDateTime(text) as Date).toISOString()).toBe(iso);
  });

  it.each<[string, string]>([
    ['no offset', '2027-03-01T09:00:00'],
    ['a date alone', '2027-03-01'],
    ['30 February', '2027-02-30T09:00:00Z'],
    ['29 February of a common year', '2027-02-29T09:00:00Z'],
    ['month 13', '2027-13-01T09:00:00Z'],
    ['day 0', '2027-03-00T09:00:00Z'],
    ['hour 24', '2027-03-01T24:00:00Z'],
    ['second 60', '2027-03-01T23:59:60Z'],
    ['an offset of 15 hours', '2027-03-01T09:00:00+15:00'],
    ['year 10000', '+010000-01-01T00:00:00Z'],
    ['year 1999', '1999-12-31T23:59:59Z'],
    ['year 2101', '2101-01-01T00:00:00Z'],
    ['a space for T with words after', '2027-03-01 09:00:00Z trailing'],
    ['an empty string', ''],
  ])('should refuse %s with a reason', (_label, text) => {
    expect(typeof parseDateTime(text)).toBe('string');
  });

  it('should refuse a number and a literal that is not a string when parsing', () => {
    expect(() => StrictDateTime.parseValue(1_700_000_000_000)).toThrow(GraphQLError);
    expect(() => StrictDateTime.parseLiteral({ kind: Kind.INT, value: '1' }, {})).toThrow(GraphQLError);
  });

  it('should answer in UTC when serialising', () => {
    expect(StrictDateTime.serialize(new Date('2026-12-01T09:30:00+08:00'))).toBe('2026-12-01T01:30:00.000Z');
  });
});

describe('UuidID', () => {
  it('should take a UUID in any case and hand it on in lower case', () => {
    expect(UuidID.parseValue('6F1C1A52-57A3-4A8E-9D3C-0B1E2C3D4E5F')).toBe('6f1c1a52-57a3-4a8e-9d3c-0b1e2c3d4e5f');
  });

  it.each(['1', 'abc', '', "1' OR '1'='1", '6f1c1a52-57a3-4a8e-9d3c-0b1e2c3d4e5f\u0000', 7])('should refuse %p as an id', (v) => {
    expect(() => UuidID.parseValue(v)).toThrow(GraphQLError);
  });

  it('should serialise numeric ids (audit entries) as strings', () => {
    expect(UuidID.serialize(42)).toBe('42');
  });
});

describe('responseMediaType', () => {
  it.each<[string | undefined, string | undefined]>([
    [undefined, 'application/json'],
    ['application/json', 'application/json'],
    ['*/*', 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['text/html', undefined],
  ])('should negotiate %p as %p', (accept, type) => {
    expect(responseMediaType(accept)).toBe(type);
  });
});
