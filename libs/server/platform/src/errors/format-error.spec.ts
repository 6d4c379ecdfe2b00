import { GraphQLError, GraphQLFormattedError, GraphQLSchema, buildSchema, parse, validate } from 'graphql';
import { ErrorCode } from '@civicgrid/contracts';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError, RateLimitedError, UnauthenticatedError } from './domain-errors';
import { fieldOfCoercionError, formatGraphQLError } from './format-error';

/** What Apollo hands formatError for an error thrown by a resolver: the located GraphQLError and its JSON. */
function fromResolver(err: unknown, path: (string | number)[] = ['someField']): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const error = new GraphQLError(err instanceof Error ? err.message : String(err), {
    path,
    originalError: err instanceof Error ? err : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
  const formatted: GraphQLFormattedError = {
    ...error.toJSON(),
    locations: [{ line: 1, column: 3 }],
    extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: (err as Error)?.stack?.split('\n') ?? [] },
  };
  return { formatted, error };
}

/** What Apollo hands formatError for a request it refused before executing (parse, validation). */
function fromRequest(error: GraphQLError, apolloCode?: string): { formatted: GraphQLFormattedError; error: GraphQLError } {
  const json = error.toJSON();
  return { formatted: { ...json, extensions: { ...(json.extensions ?? {}), ...(apolloCode ? { code: apolloCode } : {}) } }, error };
}

function logger() {
  return { error: jest.fn() };
}

/** A pg driver error as TypeORM's QueryFailedError carries it: code, detail, the SQL and its parameters. */
function pgError(code: string, message: string): Error {
  return Object.assign(new Error(message), {
    name: 'QueryFailedError',
    code,
    detail: 'Key (phone)=(13812345678) already exists.',
    query: 'INSERT INTO "user_account"("phone", "password_hash") VALUES ($1, $2) RETURNING "id"',
    parameters: ['13812345678', '$argon2id$secret'],
    table: 'user_account',
    constraint: 'user_account_phone_key',
  });
}

const SCHEMA: GraphQLSchema = buildSchema('type Query { organization(id: ID!): Organization } type Organization { id: ID! name: String! }');

/** Nothing internal may reach the client: no stack, SQL, table names or parameter values. */
function expectNothingInternal(out: GraphQLFormattedError): void {
  const text = JSON.stringify(out);
  expect(text).not.toMatch(/stacktrace|\bat \S+ \(|\.ts:\d+|node_modules/);
  expect(text).not.toMatch(/INSERT INTO|SELECT |user_account|13812345678|argon2|QueryFailedError|already exists\.|violates/i);
}

describe('formatGraphQLError', () => {
  describe('domain errors', () => {
    it.each<[string, DomainError, Record<string, unknown>, string]>([
      ['NotFoundError with a field', new NotFoundError('Organization', 'regionId'), { code: 'NOT_FOUND', key: 'organization.notFound', field: 'regionId' }, 'Organization not found'],
      ['NotFoundError without a field', new NotFoundError('Shift'), { code: 'NOT_FOUND', key: 'shift.notFound' }, 'Shift not found'],
      ['ForbiddenError by default', new ForbiddenError(), { code: 'FORBIDDEN', key: 'forbidden' }, 'You are not allowed to do this'],
      ['ForbiddenError from the policy', new ForbiddenError('forbidden.task.manage', 'You are not allowed to manage (task)'), { code: 'FORBIDDEN', key: 'forbidden.task.manage' }, 'You are not allowed to manage (task)'],
      ['UnauthenticatedError by default', new UnauthenticatedError(), { code: 'UNAUTHENTICATED', key: 'auth.required' }, 'Sign in first'],
      ['UnauthenticatedError for a bad token', new UnauthenticatedError('auth.invalidToken', 'Sign in again'), { code: 'UNAUTHENTICATED', key: 'auth.invalidToken' }, 'Sign in again'],
      ['InvalidInputError with a nested field', new InvalidInputError('shifts.0.capacity', 'validation.min', 'shifts.0.capacity must be at least 1'), { code: 'BAD_USER_INPUT', key: 'validation.min', field: 'shifts.0.capacity' }, 'shifts.0.capacity must be at least 1'],
      ['InvalidInputError without a field', new InvalidInputError(undefined, 'validation.invalid', 'The input is not valid'), { code: 'BAD_USER_INPUT', key: 'validation.invalid' }, 'The input is not valid'],
      ['ConflictError with a field', new ConflictError('shift.full', 'The shift is full', 'shiftId'), { code: 'CONFLICT', key: 'shift.full', field: 'shiftId' }, 'The shift is full'],
      ['ConflictError without a field', new ConflictError('claim.stale', 'Someone changed it first'), { code: 'CONFLICT', key: 'claim.stale' }, 'Someone changed it first'],
      ['RateLimitedError', new RateLimitedError('login.tooMany', 'Too many attempts', 60), { code: 'RATE_LIMITED', key: 'login.tooMany', retryAfterSeconds: 60 }, 'Too many attempts'],
    ])('should map a %s to its code, key and field when a resolver throws it', (_label, err, extensions, message) => {
      const log = logger();
      const { formatted, error } = fromResolver(err, ['organization']);
      const out = formatGraphQLError(formatted, error, log);
      expect(out).toEqual({ message, locations: [{ line: 1, column: 3 }], path: ['organization'], extensions });
      expect(log.error).not.toHaveBeenCalled();
      expectNothingInternal(out);
    });

    it('should map a domain error when it reaches formatError unwrapped', () => {
      const out = formatGraphQLError({ message: 'x' }, new NotFoundError('Task', 'id'), logger());
      expect(out.extensions).toEqual({ code: 'NOT_FOUND', key: 'task.notFound', field: 'id' });
      expect(out.message).toBe('Task not found');
    });

    it('should give every domain error a code from the fixed set when mapped', () => {
      const codes = [new NotFoundError('X'), new ForbiddenError(), new UnauthenticatedError(), new InvalidInputError('f', 'k', 'm'), new ConflictError('k', 'm'), new RateLimitedError('k', 'm', 1)].map(
        (e) => formatGraphQLError({ message: 'x' }, e, logger()).extensions?.code,
      );
      expect(codes.every((c) => (Object.values(ErrorCode) as unknown[]).includes(c))).toBe(true);
    });
  });

  describe('database errors', () => {
    it.each<[string, string, string]>([
      ['23505', 'CONFLICT', 'conflict.duplicate'],
      ['23514', 'CONFLICT', 'conflict.constraint'],
      ['40001', 'CONFLICT', 'conflict.retry'],
      ['40P01', 'CONFLICT', 'conflict.retry'],
    ])('should map pg error %s to %s without leaking SQL when a query fails', (pgCode, code, key) => {
      const log = logger();
      const { formatted, error } = fromResolver(pgError(pgCode, 'duplicate key value violates unique constraint "user_account_phone_key"'), ['register']);
      const out = formatGraphQLError(formatted, error, log);
      expect(out.extensions).toEqual({ code, key });
      expect(out.path).toEqual(['register']);
      expect(log.error).not.toHaveBeenCalled();
      expectNothingInternal(out);
    });

    it('should map a statement timeout to INTERNAL and log it when pg cancels the query', () => {
      const log = logger();
      const { formatted, error } = fromResolver(pgError('57014', 'canceling statement due to statement timeout'));
      const out = formatGraphQLError(formatted, error, log);
      expect(out).toMatchObject({ message: 'The request took too long', extensions: { code: 'INTERNAL', key: 'internal.timeout' } });
      expect(log.error).toHaveBeenCalledTimes(1);
      expectNothingInternal(out);
    });

    it('should hide a pg error with an unmapped code as INTERNAL when the SQL is broken', () => {
      const log = logger();
      const err = pgError('42703', 'column "description_gone" does not exist');
      const { formatted, error } = fromResolver(err, ['organization']);
      const out = formatGraphQLError(formatted, error, log);
      expect(out).toEqual({ message: 'Internal error', path: ['organization'], extensions: { code: 'INTERNAL', key: 'internal' } });
      expect(log.error).toHaveBeenCalledWith({ err }, expect.any(String));
      expect(JSON.stringify(out)).not.toContain('description_gone');
    });
  });

  describe('unexpected errors', () => {
    it('should hide an unknown Error as INTERNAL with message Internal error and log it when a resolver throws', () => {
      const log = logger();
      const err = new TypeError("Cannot read properties of undefined (reading 'id') in SELECT * FROM secret_table");
      const { formatted, error } = fromResolver(err, ['me', 'homeRegion']);
      const out = formatGraphQLError(formatted, error, log);
      expect(out).toEqual({ message: 'Internal error', path: ['me', 'homeRegion'], extensions: { code: 'INTERNAL', key: 'internal' } });
      expect(out).not.toHaveProperty('locations');
      expect(JSON.stringify(out)).not.toMatch(/secret_table|SELECT|TypeError|stack/);
      expect(log.error).toHaveBeenCalledTimes(1);
      expect(log.error).toHaveBeenCalledWith({ err }, expect.any(String));
    });

    it('should hide a thrown non-Error value as INTERNAL when a resolver throws a string', () => {
      const log = logger();
      const out = formatGraphQLError({ message: 'Unexpected error value: "SELECT 1"', path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, 'SELECT 1', log);
      expect(out).toEqual({ message: 'Internal error', path: ['x'], extensions: { code: 'INTERNAL', key: 'internal' } });
      expect(log.error).toHaveBeenCalledTimes(1);
    });

    it('should not pass on an INTERNAL code given by someone else as its own when the error is unknown', () => {
      const log = logger();
      const err = new GraphQLError('boom at /srv/app.ts:12', { path: ['a'], extensions: { code: 'INTERNAL' } });
      const out = formatGraphQLError({ message: err.message, path: ['a'], extensions: { code: 'INTERNAL' } }, err, log);
      expect(out).toEqual({ message: 'Internal error', path: ['a'], extensions: { code: 'INTERNAL', key: 'internal' } });
      expect(log.error).toHaveBeenCalledTimes(1);
    });
  });

  describe('requests refused before they run', () => {
    it('should map a syntax error to BAD_USER_INPUT when the document does not parse', () => {
      const log = logger();
      let parseError: GraphQLError | undefined;
      try {
        parse('{ organization(id: "1") { id ');
      } catch (e) {
        parseError = e as GraphQLError;
      }
      const { formatted, error } = fromRequest(parseError!, 'GRAPHQL_PARSE_FAILED');
      const out = formatGraphQLError(formatted, error, log);
      expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', key: 'request.invalid' });
      expect(out.message).toMatch(/^Syntax Error/);
      expect(out.locations).toEqual(parseError!.locations);
      expect(log.error).not.toHaveBeenCalled();
    });

    it('should map a validation error to BAD_USER_INPUT when a field does not exist', () => {
      const log = logger();
      const [validationError] = validate(SCHEMA, parse('{ organization(id: "1") { nam } }'));
      const { formatted, error } = fromRequest(validationError, 'GRAPHQL_VALIDATION_FAILED');
      const out = formatGraphQLError(formatted, error, log);
      expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', key: 'request.invalid' });
      expect(log.error).not.toHaveBeenCalled();
    });

    it('should map a graphql-js error to BAD_USER_INPUT when Apollo gave it no code', () => {
      const [validationError] = validate(SCHEMA, parse('{ nothing }'));
      const out = formatGraphQLError(validationError.toJSON(), validationError, logger());
      expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', key: 'request.invalid' });
    });

    it.each(['BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE'])('should map Apollo code %s to BAD_USER_INPUT when the request is refused', (apolloCode) => {
      const err = new GraphQLError('Variable "$input" got invalid value', { extensions: { code: apolloCode } });
      const out = formatGraphQLError({ message: err.message, extensions: { code: apolloCode } }, err, logger());
      expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', key: 'request.invalid' });
    });

    it('should keep a code from the fixed set when a GraphQL error already carries one', () => {
      const err = new GraphQLError('Sign in first', { path: ['me'], extensions: { code: 'UNAUTHENTICATED' } });
      const out = formatGraphQLError({ message: err.message, path: ['me'], extensions: { code: 'UNAUTHENTICATED', secret: 'x' } }, err, logger());
      expect(out.extensions).toEqual({ code: 'UNAUTHENTICATED', key: 'request.unauthenticated' });
    });

    it('should drop other extensions such as a stack trace when it maps a request error', () => {
      const [validationError] = validate(SCHEMA, parse('{ nothing }'));
      const out = formatGraphQLError({ ...validationError.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['GraphQLError: x', '    at validate (/srv/node_modules/graphql/validate.js:1:1)'] } }, validationError, logger());
      expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', key: 'request.invalid' });
      expectNothingInternal(out);
    });
  });
});

describe('fieldOfCoercionError', () => {
  it.each<[string, string | undefined]>([
    ['Variable "$input" got invalid value "x" at "input.shifts[0].startsAt"; Expected a date', 'shifts.0.startsAt'],
    ['Variable "$input" got invalid value { a: 1 }; Field "title" of required type "String!" was not provided.', undefined],
    ['Variable "$id" got invalid value "abc"; Expected an id (a UUID)', 'id'],
    ['Variable "$filter" got invalid value "x" at "filter.from"; Expected a date', 'filter.from'],
    ['Cannot query field "x" on type "Query".', undefined],
  ])('should name the field of %p', (message, field) => {
    expect(fieldOfCoercionError(message)).toBe(field);
  });
});

describe('database data exceptions', () => {
  it.each(['22P02', '22003', '22007', '22008', '22021'])('should answer pg %s as BAD_USER_INPUT, without the value, and not log it as an error', (code) => {
    const err = Object.assign(new Error('invalid input syntax for type uuid: "13800000001"'), { code });
    const log = { error: jest.fn(), warn: jest.fn() };
    const out = formatGraphQLError({ message: err.message, path: ['x'] }, err, log);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', key: 'request.invalidValue' });
    expect(JSON.stringify(out)).not.toContain('13800000001');
    expect(log.error).not.toHaveBeenCalled();
  });
});
