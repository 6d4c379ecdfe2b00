import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { serverAudits } from 'graphql-http';
import { ABUSE_LIMITS } from '@civicgrid/platform';
import { TestApi, GqlResult } from './support/test-api';
import { TestUser } from './support/factories';

/**
 * Whatever a client sends, bad input is refused as BAD_USER_INPUT (or NOT_FOUND) and
 * changes nothing: the tables are compared before and after. Every mutation and every
 * connection of the live schema is fed the inputs below, so a new operation is covered
 * the day it ships.
 */

/** Cursors a client could forge: wrong types, out-of-range dates, oversized and fractional numbers, a NUL. */
const b64 = (json: string) => Buffer.from(json).toString('base64url');
const TAMPERED_CURSORS: [string, string][] = [
  ['a number where a timestamp belongs', b64(`["1","${randomUUID()}"]`)],
  ['the largest date JavaScript knows', b64(`["+275760-09-13T00:00:00Z","${randomUUID()}"]`)],
  ['a 23-digit number', b64('["99999999999999999999999"]')],
  ['a fractional number', b64('[1.5]')],
  ['a NUL inside the key', b64(`["\\u0000","${randomUUID()}"]`)],
  ['a date in year 10000', b64(`["+010000-01-01T00:00:00.000Z","${randomUUID()}"]`)],
  ['not base64 at all', '%%%not-a-cursor%%%'],
];

/** Ids that cannot name a row. */
const BAD_IDS: [string, string][] = [
  ['a number', '1'],
  ['words', 'not-a-uuid'],
  ['SQL', "1' OR '1'='1"],
  ['a UUID with a NUL', `${randomUUID()}\u0000`],
];

type Vars = Record<string, unknown>;

/**
 * A value of the given input type, built the same way for every operation: `text` for
 * every string, `id` for every id; optional fields included so every string is reached.
 */
function valueOf(type: GraphQLInputType, opts: { text: () => string; id: () => string }, depth = 0): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [valueOf(t.ofType, opts, depth + 1)];
  if (isEnumType(t)) return t.getValues()[0].value;
  if (isInputObjectType(t)) {
    if (depth > 4) return undefined;
    const out: Vars = {};
    for (const f of Object.values(t.getFields())) {
      const v = valueOf(f.type, opts, depth + 1);
      if (v !== undefined) out[f.name] = v;
    }
    return out;
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'ID':
        return opts.id();
      case 'String':
        return opts.text();
      case 'Int':
        return 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return false;
      case 'DateTime':
        return new Date(Date.now() + 86_400_000).toISOString();
      case 'JSON':
        return {};
    }
  }
  return undefined;
}

/** Whether the type reaches a scalar of this name (through lists and input objects). */
function reaches(type: GraphQLInputType, scalar: string, seen = new Set<string>()): boolean {
  const t = getNamedType(type);
  if (isScalarType(t)) return t.name === scalar;
  if (isInputObjectType(t)) {
    if (seen.has(t.name)) return false;
    seen.add(t.name);
    return Object.values(t.getFields()).some((f) => reaches(f.type, scalar, seen));
  }
  return false;
}

/** A document calling one root field with every argument as a variable, selecting `__typename`. */
function documentFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} { __typename } }`;
}
/** Root fields returning a scalar select nothing; a connection is read (its rows are fetched lazily). */
function selection(field: GraphQLField<unknown, unknown>, doc: string): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return doc.replace(' { __typename }', '');
  return type.name.endsWith('Connection') ? doc.replace(' { __typename }', ' { totalCount edges { cursor } }') : doc;
}

function variablesFor(field: GraphQLField<unknown, unknown>, opts: { text: () => string; id: () => string }): Vars {
  const vars: Vars = {};
  for (const a of field.args) {
    const v = valueOf(a.type, opts);
    if (v !== undefined) vars[a.name] = v;
  }
  return vars;
}

function expectRefused(r: GqlResult, label: string, allowed = ['BAD_USER_INPUT']): void {
  const codes = (r.errors ?? []).map((e) => e.extensions?.code);
  if (!codes.length || !codes.every((c) => allowed.includes(String(c)))) {
    throw new Error(`${label}: expected ${allowed.join(' or ')}, got ${JSON.stringify(r.errors ?? r.data)}`);
  }
}

describe('bad input', () => {
  let api: TestApi;
  let schema: GraphQLSchema;
  let admin: TestUser;
  let resident: TestUser;

  /** A fingerprint of every row of every table: equal before and after means nothing was written. */
  const fingerprint = async (): Promise<string> => {
    const tables = await api.sql<{ t: string }>(`SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const parts = await Promise.all(tables.map(({ t }) => api.sql<{ h: string | null }>(`SELECT md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM ${t} x`).then(([r]) => `${t}:${r.h}`)));
    return parts.join(',');
  };

  beforeAll(async () => {
    api = await TestApi.start({ captureLog: true, logLevel: 'info' });
    schema = api.running.app.get(GraphQLSchemaHost).schema;
    const regions = await api.make.regions();
    admin = await api.make.user({ role: 'ADMIN', homeRegionId: regions.grid.id });
    resident = await api.make.user({ homeRegionId: regions.grid.id });
    // Something for every list to show, so cursors are decoded against real rows.
    const orgId = await api.make.organization(regions.grid.id, [[admin, 'OWNER']]);
    const task = await api.make.task(orgId, regions.grid);
    await api.make.claim(task.shiftIds[0], resident);
  });
  afterAll(async () => {
    await api.close();
  });

  const mutations = () => Object.values((schema.getMutationType() as GraphQLObjectType).getFields());
  const queries = () => Object.values((schema.getQueryType() as GraphQLObjectType).getFields());

  describe('GraphQL over HTTP', () => {
    const post = (body: string, accept?: string) =>
      fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body });

    it.each<[string, string]>([
      ['a document that does not parse', JSON.stringify({ query: '{' })],
      ['a document past the token limit', JSON.stringify({ query: `{ ${'__typename '.repeat(ABUSE_LIMITS.maxTokens + 5)} }` })],
      ['an unknown field', JSON.stringify({ query: '{ nothingHere }' })],
    ])('should answer %s with 200 for application/json and 400 for graphql-response+json, BAD_USER_INPUT, logged below warn', async (_label, body) => {
      const before = api.logAtLeast(40).length;
      for (const [accept, status] of [
        [undefined, 200],
        ['application/json', 200],
        ['application/graphql-response+json', 400],
        ['application/graphql-response+json, application/json;q=0.9', 400],
      ] as const) {
        const res = await post(body, accept);
        expect({ accept, status: res.status }).toEqual({ accept, status });
        const json = (await res.json()) as GqlResult;
        expect(json.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(json.data).toBeUndefined();
      }
      expect(api.logAtLeast(40).slice(before)).toEqual([]);
    });

    it('should pass every MUST and SHOULD audit of graphql-http, leaving only GET-without-preflight notices that CSRF prevention refuses', async () => {
      const results = await Promise.all(serverAudits({ url: `${api.url}/graphql`, fetchFn: fetch }).map(async (a) => ({ ...(await a.fn()), id: a.id, name: a.name })));
      const failing = results.filter((r) => r.status === 'error' || r.status === 'warn');
      expect(failing.map((r) => `${r.id} ${r.name}: ${r.status === 'ok' ? '' : r.reason}`)).toEqual([]);
      // MAY items we refuse on purpose: a GET without a preflight header (or with a
      // form content type) could be sent cross-site by any page; CSRF prevention answers 400.
      const CSRF_REFUSED = ['5A70', 'D6D5', '6A70'];
      expect(results.filter((r) => r.status === 'notice').map((r) => r.id).sort()).toEqual(CSRF_REFUSED.sort());
      expect(results.filter((r) => r.status === 'ok').length).toBe(results.length - CSRF_REFUSED.length);
    });
  });

  describe('every mutation', () => {
    it('should refuse an id that is not a UUID with BAD_USER_INPUT and write nothing', async () => {
      const before = await fingerprint();
      const checked: string[] = [];
      for (const field of mutations()) {
        if (!field.args.some((a) => reaches(a.type, 'ID'))) continue;
        for (const [label, bad] of BAD_IDS) {
          const r = await api.gql(selection(field, documentFor('mutation', field)), variablesFor(field, { text: () => 'ok text 123', id: () => bad }), admin.token);
          expectRefused(r, `${field.name} with ${label}`);
        }
        checked.push(field.name);
      }
      expect(checked).toEqual(expect.arrayContaining(['closeTask', 'completeTask', 'publishTask', 'closeNeed', 'leaveOrganization', 'verifyOrganization', 'claimShift', 'createTask']));
      expect(await fingerprint()).toBe(before);
    });

    it('should refuse a NUL character in any string with BAD_USER_INPUT and write nothing', async () => {
      const before = await fingerprint();
      const checked: string[] = [];
      for (const field of mutations()) {
        if (!field.args.some((a) => reaches(a.type, 'String'))) continue;
        const vars = variablesFor(field, { text: () => 'a\u0000b', id: () => randomUUID() });
        // register and login are public: send them without a token, as a stranger would.
        const token = ['register', 'login'].includes(field.name) ? undefined : resident.token;
        expectRefused(await api.gql(selection(field, documentFor('mutation', field)), vars, token), field.name);
        checked.push(field.name);
      }
      expect(checked).toEqual(expect.arrayContaining(['register', 'login', 'updateProfile', 'createTask', 'publishNeed', 'joinOrganization']));
      expect(await fingerprint()).toBe(before);
    });

    it('should refuse a NUL byte and name the field at fault when one string of a valid input carries it', async () => {
      const r = await api.gql(`mutation($input: JoinOrganizationInput!) { joinOrganization(input: $input) { id } }`, { input: { organizationId: randomUUID(), message: 'hello\u0000' } }, resident.token);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'message' });
    });
  });

  describe('every query', () => {
    it('should refuse a NUL character in filters and ids that are not UUIDs with BAD_USER_INPUT', async () => {
      const checked: string[] = [];
      for (const field of queries()) {
        const doc = selection(field, documentFor('query', field));
        if (field.args.some((a) => reaches(a.type, 'String'))) {
          expectRefused(await api.gql(doc, variablesFor(field, { text: () => 'x\u0000', id: () => randomUUID() }), admin.token), `${field.name} with a NUL`);
          checked.push(field.name);
        }
        if (field.args.some((a) => reaches(a.type, 'ID'))) {
          expectRefused(await api.gql(doc, variablesFor(field, { text: () => 'text', id: () => 'nope' }), admin.token), `${field.name} with a bad id`);
        }
      }
      expect(checked).toEqual(expect.arrayContaining(['openShifts', 'needs', 'organizations', 'userByPhone']));
    });
  });

  describe('every connection', () => {
    /** Connections whose sort key starts with a name rather than a time or a number. */
    const NAME_KEYED = new Set(['organizations', 'proxyResidents']);
    const connectionFields = () => queries().filter((f) => getNamedType(f.type).name.endsWith('Connection') && f.args.some((a) => a.name === 'after'));

    it.each(TAMPERED_CURSORS)('should refuse a cursor holding %s on every top-level connection with BAD_USER_INPUT', async (_label, cursor) => {
      const names: string[] = [];
      for (const field of connectionFields()) {
        const vars: Vars = { ...variablesFor(field, { text: () => 'x', id: () => randomUUID() }), after: cursor };
        for (const k of Object.keys(vars)) if (k !== 'after' && !isNonNullType(field.args.find((a) => a.name === k)!.type)) delete vars[k];
        names.push(field.name);
        const r = await api.gql(selection(field, documentFor('query', field)), vars, admin.token);
        // Lists ordered by a name read a string where others expect a date: ["1", id] is a
        // real position among names, and may be answered; nothing may fail otherwise.
        if (NAME_KEYED.has(field.name) && !r.errors && /^\["[^\u0000"]*","[0-9a-f-]{36}"\]$/.test(Buffer.from(cursor, 'base64url').toString())) continue;
        expectRefused(r, `${field.name}`);
      }
      expect(names).toEqual(expect.arrayContaining(['openShifts', 'myClaims', 'needs', 'organizations', 'alliances', 'auditLog', 'myInvitations']));
    });

    it.each(TAMPERED_CURSORS)('should refuse a cursor holding %s on nested connections with BAD_USER_INPUT', async (_label, cursor) => {
      const regions = await api.make.regions();
      const coordinator = await api.make.user();
      const orgId = await api.make.organization(regions.grid.id, [[coordinator, 'OWNER']]);
      const task = await api.make.task(orgId, regions.grid);
      const nested: [string, string, Vars][] = [
        ['Organization.members', `query($id: ID!, $after: String) { organization(id: $id) { members(after: $after) { totalCount } } }`, { id: orgId }],
        ['Organization.tasks', `query($id: ID!, $after: String) { organization(id: $id) { tasks(after: $after) { totalCount } } }`, { id: orgId }],
        ['Shift.claims', `query($id: ID!, $after: String) { shift(id: $id) { claims(after: $after) { totalCount } } }`, { id: task.shiftIds[0] }],
        ['Task.reviews', `query($id: ID!, $after: String) { task(id: $id) { reviews(after: $after) { totalCount } } }`, { id: task.id }],
      ];
      for (const [label, doc, vars] of nested) expectRefused(await api.gql(doc, { ...vars, after: cursor }, coordinator.token), label);
    });
  });

  describe('dates', () => {
    const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id shifts { startsAt endsAt } } }`;
    const taskInput = (orgId: string, regionId: string, startsAt: string, endsAt: string) => ({
      input: { organizationId: orgId, regionId, title: 'Date test', category: 'OTHER', shifts: [{ startsAt, endsAt, capacity: 2 }] },
    });
    let coordinator: TestUser;
    let orgId: string;
    let regionId: string;
    beforeAll(async () => {
      const made = await api.make.coordinatedOrganization();
      coordinator = made.coordinator;
      orgId = made.orgId;
      regionId = made.regions.grid.id;
    });

    it.each<[string, string]>([
      ['year 10000', '+010000-01-01T09:00:00Z'],
      ['a day that does not exist', '2027-02-30T09:00:00+08:00'],
      ['no offset', '2027-03-01T09:00:00'],
      ['a date alone', '2027-03-01'],
      ['a time past midnight', '2027-03-01T24:30:00Z'],
      ['an offset past 14 hours', '2027-03-01T09:00:00+15:00'],
      ['a year before 2000', '1999-12-31T09:00:00Z'],
      ['words', 'next Tuesday'],
    ])('should refuse a shift starting on %s with BAD_USER_INPUT naming the field, and store nothing', async (_label, startsAt) => {
      const tasksBefore = (await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM task'))[0].n;
      const r = await api.gql(CREATE, taskInput(orgId, regionId, startsAt, '2027-03-01T11:00:00+08:00'), coordinator.token);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shifts.0.startsAt' });
      expect((await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM task'))[0].n).toBe(tasksBefore);
    });

    it('should read an offset as given and answer in UTC when the date is right', async () => {
      const day = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
      const data = await api.ok(CREATE, taskInput(orgId, regionId, `${day}T09:00:00+08:00`, `${day}T11:00:00+08:00`), coordinator.token);
      expect(data.createTask.shifts[0]).toEqual({ startsAt: `${day}T01:00:00.000Z`, endsAt: `${day}T03:00:00.000Z` });
    });

    it('should refuse a bad date in a filter with BAD_USER_INPUT', async () => {
      const r = await api.gql(`query($f: ShiftFilter) { openShifts(filter: $f) { totalCount } }`, { f: { from: '2027-13-01T00:00:00Z' } });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'f.from' });
    });

    it('should refuse a bad date written in the document itself with BAD_USER_INPUT', async () => {
      const r = await api.gql(`{ openShifts(filter: { from: "2027-02-29T00:00:00Z" }) { totalCount } }`);
      expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
