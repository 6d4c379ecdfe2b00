import { Client } from 'pg';
import { ABUSE_LIMITS } from '@civicgrid/platform';
import { GqlResult, TestApi } from './support/test-api';

const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`;
const OPEN_SHIFTS = `query($filter: ShiftFilter, $first: Int, $after: String) {
  openShifts(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id startsAt } } }
}`;
const AUDIT_LOG = `query($action: String, $subjectId: ID, $first: Int, $after: String) {
  auditLog(action: $action, subjectId: $subjectId, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id action subjectType subjectId actorUserId requestId detail } } }
}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** No stack traces, source paths or SQL may leave the server, in messages or extensions. */
function expectNoInternals(body: unknown): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  expect(text).not.toMatch(/stacktrace|\n\s+at |\\n\s+at |\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules/);
  expect(text).not.toMatch(/\bSELECT\b|\bINSERT INTO\b|\bUPDATE "|\bFROM "|QueryFailedError|relation "|column "|syntax error at or near/i);
}

function expectRefused(r: GqlResult, code = 'BAD_USER_INPUT'): void {
  expect(r.errors?.length).toBeGreaterThan(0);
  expect(r.errors!.map((e) => e.extensions?.code)).toEqual(r.errors!.map(() => code));
  expect(r.data ?? null).toBeNull();
  expectNoInternals(r);
}

const uniqueName = (label: string) => `${label} ${Math.random().toString(36).slice(2, 10)}`;

describe('platform', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  /** A raw HTTP request to the API. */
  const http = (path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, init);

  const orgsNamed = async (prefix: string) => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM organization WHERE name LIKE $1`, [`${prefix}%`]))[0].n;

  describe('health, readiness and metrics', () => {
    it('should answer 200 on /health when the process runs', async () => {
      const res = await http('/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    it('should answer 200 on /ready when the database answers and migrations have run', async () => {
      const res = await http('/ready');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ready' });
    });

    it('should answer 503 on /ready without internals when a migration has not run', async () => {
      const [last] = await api.sql<{ id: number; timestamp: string; name: string }>('SELECT id, timestamp, name FROM schema_migration ORDER BY id DESC LIMIT 1');
      await api.sql('DELETE FROM schema_migration WHERE id = $1', [last.id]);
      let res: Response;
      let text: string;
      try {
        res = await http('/ready');
        text = await res.text();
      } finally {
        await api.sql('INSERT INTO schema_migration (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
      }
      expect(res!.status).toBe(503);
      expectNoInternals(text!);
      expect((await http('/ready')).status).toBe(200);
    });

    it('should answer Prometheus text on /metrics when scraped', async () => {
      const res = await http('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const text = await res.text();
      expect(text).toMatch(/^# HELP civicgrid_\w+ /m);
      expect(text).toMatch(/^# TYPE civicgrid_\w+ (counter|gauge|histogram|summary)$/m);
      expect(text).toMatch(/^civicgrid_process_cpu_user_seconds_total \d/m);
    });
  });

  describe('request ids', () => {
    it('should send an x-request-id when the client gave none', async () => {
      const res = await http('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    });

    it('should echo the incoming x-request-id when it is sane', async () => {
      const res = await http('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'trace-abc.123_X' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(res.headers.get('x-request-id')).toBe('trace-abc.123_X');
      expect((await http('/health', { headers: { 'x-request-id': 'health-check-7' } })).headers.get('x-request-id')).toBe('health-check-7');
    });

    it.each([
      ['it has spaces and quotes', 'a b "c"'],
      ['it is too long', 'x'.repeat(65)],
      ['it has a newline-like payload', 'abc%0d%0aSet-Cookie:x'],
    ])('should replace the incoming x-request-id with a fresh one when %s', async (_label, given) => {
      const res = await http('/health', { headers: { 'x-request-id': given } });
      expect(res.headers.get('x-request-id')).toMatch(UUID);
    });

    it('should record the request id in the audit log when a mutation is audited', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const admin = await api.make.user({ role: 'ADMIN' });
      const r = await api.gql(CREATE_ORG, { input: { name: uniqueName('Traced'), kind: 'NGO', regionId: regions.grid.id } }, resident.token, { 'x-request-id': 'req-traced-42' });
      const orgId = r.data!.createOrganization.id;
      const { auditLog } = await api.ok(AUDIT_LOG, { action: 'organization.create', subjectId: orgId }, admin.token);
      expect(auditLog.edges.map((e: any) => e.node.requestId)).toEqual(['req-traced-42']);
    });
  });

  describe('refused documents', () => {
    it('should refuse a syntax error with BAD_USER_INPUT when the document does not parse', async () => {
      const r = await api.gql('{ me { id ');
      expectRefused(r);
      expect(r.errors![0].message).toMatch(/Syntax Error/);
    });

    it('should refuse an unknown field with BAD_USER_INPUT without suggesting field names', async () => {
      const r = await api.gql('{ organizatons(first: 1) { totalCount } me { displayNam } }');
      expectRefused(r);
      const text = JSON.stringify(r);
      expect(text).not.toMatch(/Did you mean/i);
      expect(text).not.toMatch(/organizations/);
      expect(text).not.toContain('displayName');
    });

    it('should refuse a misspelt enum value with BAD_USER_INPUT without suggesting values when it is written in the document', async () => {
      const r = await api.gql('{ organizations(filter: { kind: NGOS }) { totalCount } }');
      expectRefused(r);
      expect(JSON.stringify(r)).not.toMatch(/Did you mean/i);
    });

    it('should refuse a misspelt enum value with BAD_USER_INPUT without suggesting values when it comes in a variable', async () => {
      const r = await api.gql('query($filter: OrganizationFilter) { organizations(filter: $filter) { totalCount } }', { filter: { kind: 'NGOS' } });
      expectRefused(r);
      expect(JSON.stringify(r)).not.toMatch(/Did you mean/i);
    });

    it('should refuse an unknown argument and an unknown input field without suggestions', async () => {
      const args = await api.gql('{ organizations(firts: 1) { totalCount } }');
      const fields = await api.gql('query($filter: OrganizationFilter) { organizations(filter: $filter) { totalCount } }', { filter: { serach: 'x' } });
      for (const r of [args, fields]) {
        expectRefused(r);
        expect(JSON.stringify(r)).not.toMatch(/Did you mean/i);
      }
    });

    it('should run a document when it stays within the abuse limits', async () => {
      const regions = await api.make.regions();
      // region + parents + id: exactly the depth limit.
      const depth = ABUSE_LIMITS.maxDepth - 2;
      const query = `query($id: ID!) { region(id: $id) { ${'parent { '.repeat(depth)}id${' }'.repeat(depth)} } }`;
      const r = await api.gql(query, { id: regions.grid.id });
      expect(r.errors).toBeUndefined();
      expect(r.data!.region).toEqual({ parent: { parent: { parent: { parent: null } } } });
    });

    it('should refuse a document deeper than the depth limit without running it', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const name = uniqueName('TooDeep');
      const depth = ABUSE_LIMITS.maxDepth + 3;
      const mutation = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id region { ${'parent { '.repeat(depth)}id${' }'.repeat(depth)} } } }`;
      const r = await api.gql(mutation, { input: { name, kind: 'NGO', regionId: regions.grid.id } }, resident.token);
      expectRefused(r);
      expect(r.errors![0].message).toContain(`depth limit of ${ABUSE_LIMITS.maxDepth} exceeded`);
      expect(await orgsNamed(name)).toBe(0);
    });

    it('should refuse a document with too many aliases without running it', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const prefix = uniqueName('Aliased');
      const n = ABUSE_LIMITS.maxAliases + 5;
      const fields = Array.from({ length: n }, (_, i) => `o${i}: createOrganization(input: { name: "${prefix} ${i}", kind: NGO, regionId: "${regions.grid.id}" }) { id }`).join('\n');
      const r = await api.gql(`mutation { ${fields} }`, {}, resident.token);
      expectRefused(r);
      expect(r.errors![0].message).toContain(`Aliases limit of ${ABUSE_LIMITS.maxAliases} exceeded`);
      expect(await orgsNamed(prefix)).toBe(0);
    });

    it('should refuse a document with too many tokens without running it', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const name = uniqueName('Tokens');
      const mutation = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { ${'id '.repeat(ABUSE_LIMITS.maxTokens + 10)} } }`;
      const r = await api.gql(mutation, { input: { name, kind: 'NGO', regionId: regions.grid.id } }, resident.token);
      expectRefused(r);
      // (graphql-js words it "more that")
      expect(r.errors![0].message).toMatch(new RegExp(`Document contains more th(an|at) ${ABUSE_LIMITS.maxTokens} tokens`));
      expect(await orgsNamed(name)).toBe(0);
    });

    it('should refuse a batched request without running any of it', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const prefix = uniqueName('Batched');
      const body = [0, 1].map((i) => ({ query: CREATE_ORG, variables: { input: { name: `${prefix} ${i}`, kind: 'NGO', regionId: regions.grid.id } } }));
      const res = await http('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${resident.token}` }, body: JSON.stringify(body) });
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(text).not.toContain('createOrganization');
      expectNoInternals(text);
      expect(await orgsNamed(prefix)).toBe(0);
    });

    it('should refuse a GET query by CSRF prevention when it has no preflight header and no content-type', async () => {
      const res = await http(`/graphql?query=${encodeURIComponent('{ __typename }')}`);
      const text = await res.text();
      expect(res.status).toBe(400);
      expect(text).toMatch(/CSRF|Cross-Site Request Forgery/i);
      expect(text).not.toContain('"__typename"');
      expectNoInternals(text);
    });

    it('should answer a GET query when it carries the apollo-require-preflight header', async () => {
      const res = await http(`/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('should refuse a simple-form POST by CSRF prevention when its content-type needs no preflight', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const name = uniqueName('Csrf');
      const res = await http('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${resident.token}` },
        body: JSON.stringify({ query: CREATE_ORG, variables: { input: { name, kind: 'NGO', regionId: regions.grid.id } } }),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/CSRF/);
      expect(await orgsNamed(name)).toBe(0);
    });
  });

  describe('internals stay inside', () => {
    it('should answer INTERNAL with message Internal error and no SQL when a query hits a database error', async () => {
      const regions = await api.make.regions();
      const orgId = await api.make.organization(regions.grid.id);
      await api.sql('ALTER TABLE organization RENAME COLUMN description TO description_gone');
      let one: GqlResult;
      let list: GqlResult;
      try {
        one = await api.gql(`query($id: ID!) { organization(id: $id) { id name } }`, { id: orgId });
        list = await api.gql(`{ organizations(first: 5) { totalCount edges { node { id } } } }`);
      } finally {
        await api.sql('ALTER TABLE organization RENAME COLUMN description_gone TO description');
      }
      for (const r of [one!, list!]) {
        expect(r.errors).toHaveLength(1);
        expect(r.errors![0]).toEqual({ message: 'Internal error', path: expect.any(Array), extensions: { code: 'INTERNAL', key: 'internal' } });
        expectNoInternals(r);
        expect(JSON.stringify(r)).not.toContain('description_gone');
      }
      // The column is back: the same query works again.
      expect((await api.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: orgId })).organization).toEqual({ id: orgId });
    });

    it('should answer CONFLICT without SQL when a write breaks a check constraint', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const name = uniqueName('Refused by check');
      await api.sql(`ALTER TABLE organization ADD CONSTRAINT test_platform_no_refused CHECK (name NOT LIKE 'Refused by check%') NOT VALID`);
      let r: GqlResult;
      try {
        r = await api.gql(CREATE_ORG, { input: { name, kind: 'NGO', regionId: regions.grid.id } }, resident.token);
      } finally {
        await api.sql('ALTER TABLE organization DROP CONSTRAINT test_platform_no_refused');
      }
      expect(r!.errors).toHaveLength(1);
      expect(r!.errors![0].extensions).toEqual({ code: 'CONFLICT', key: 'conflict.constraint' });
      expectNoInternals(r!);
      expect(JSON.stringify(r!)).not.toContain('test_platform_no_refused');
      expect(await orgsNamed(name)).toBe(0);
    });

    it('should show no stack trace or SQL in any refusal when errors of every kind are returned', async () => {
      const resident = await api.make.user();
      const responses = [
        await api.gql('{ me { id '),
        await api.gql('{ nope }'),
        await api.gql(`{ myClaims { totalCount } }`),
        await api.gql(`{ auditLog { totalCount } }`, {}, resident.token),
        await api.gql(`{ openShifts(first: 0) { totalCount } }`),
        await api.gql(`{ openShifts(after: "garbage") { totalCount } }`),
        await api.gql(CREATE_ORG, { input: { name: 'x', kind: 'NGO', regionId: '00000000-0000-4000-8000-000000000000' } }, resident.token),
      ];
      for (const r of responses) {
        expect(r.errors?.length).toBeGreaterThan(0);
        expectNoInternals(r);
      }
    });
  });

  describe('openShifts paging', () => {
    it('should return at most 100 edges when first is 1000', async () => {
      const regions = await api.make.regions();
      const orgId = await api.make.organization(regions.community.id);
      await api.make.task(orgId, regions.grid, { shifts: Array.from({ length: 101 }, (_, i) => ({ startInHours: i + 1, capacity: 1 })) });
      const { openShifts } = await api.ok(OPEN_SHIFTS, { filter: { regionId: regions.community.id }, first: 1000 });
      expect(openShifts.edges).toHaveLength(100);
      expect(openShifts.totalCount).toBe(101);
      expect(openShifts.pageInfo.hasNextPage).toBe(true);
      const rest = (await api.ok(OPEN_SHIFTS, { filter: { regionId: regions.community.id }, first: 1000, after: openShifts.pageInfo.endCursor })).openShifts;
      expect(rest.edges).toHaveLength(1);
      expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: rest.edges[0].cursor });
    });

    it('should return 20 edges when first is not given', async () => {
      const regions = await api.make.regions();
      const orgId = await api.make.organization(regions.community.id);
      await api.make.task(orgId, regions.grid, { shifts: Array.from({ length: 25 }, (_, i) => ({ startInHours: i + 1, capacity: 1 })) });
      const { openShifts } = await api.ok(OPEN_SHIFTS, { filter: { regionId: regions.grid.id } });
      expect(openShifts.edges).toHaveLength(20);
      expect(openShifts.pageInfo.hasNextPage).toBe(true);
    });

    it.each([0, -5])('should refuse with BAD_USER_INPUT on field first when first is %i', async (first) => {
      expect(await api.fails(OPEN_SHIFTS, { first })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    });

    it.each([
      ['garbage', 'not a cursor at all'],
      ['base64 of an object', Buffer.from('{"a":1}').toString('base64url')],
      ['a key of the wrong length', Buffer.from('["2025-01-01T00:00:00.000Z"]').toString('base64url')],
      ['a key with a bad timestamp', Buffer.from('["yesterday","6f1c1a52-57a3-4a8e-9d3c-0b1e2c3d4e5f"]').toString('base64url')],
      ['a key with a bad uuid', Buffer.from('["2025-01-01T00:00:00.000Z","not-a-uuid"]').toString('base64url')],
      ['a key with SQL in it', Buffer.from(`["2025-01-01T00:00:00.000Z","'); DROP TABLE shift; --"]`).toString('base64url')],
    ])('should refuse with BAD_USER_INPUT on field after when the cursor is %s', async (_label, after) => {
      expect(await api.fails(OPEN_SHIFTS, { first: 5, after })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect(await api.sql(`SELECT to_regclass('shift') IS NOT NULL AS ok`)).toEqual([{ ok: true }]);
    });

    it('should visit every shift exactly once in order when paging with first 7', async () => {
      const regions = await api.make.regions();
      const orgId = await api.make.organization(regions.community.id);
      const a = await api.make.task(orgId, regions.grid, { shifts: Array.from({ length: 17 }, (_, i) => ({ startInHours: Math.floor(i / 3) + 1, capacity: 2 })) });
      const b = await api.make.task(orgId, regions.grid, { shifts: Array.from({ length: 13 }, (_, i) => ({ startInHours: Math.floor(i / 2) + 1, capacity: 2 })) });
      // Shifts starting at the same moment: the id breaks the tie, so no page may skip or repeat one.
      await api.sql(`UPDATE shift SET starts_at = date_trunc('hour', starts_at) + interval '1 hour', ends_at = date_trunc('hour', starts_at) + interval '3 hours' WHERE task_id = ANY($1)`, [[a.id, b.id]]);
      const expected = (await api.sql<{ id: string }>(`SELECT id FROM shift WHERE task_id = ANY($1) ORDER BY starts_at, id`, [[a.id, b.id]])).map((r) => r.id);
      expect(expected).toHaveLength(30);

      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const { openShifts }: any = await api.ok(OPEN_SHIFTS, { filter: { regionId: regions.grid.id }, first: 7, after });
        pages++;
        expect(openShifts.totalCount).toBe(30);
        expect(openShifts.edges.length).toBeLessThanOrEqual(7);
        seen.push(...openShifts.edges.map((e: any) => e.node.id));
        if (!openShifts.pageInfo.hasNextPage) break;
        after = openShifts.pageInfo.endCursor;
        expect(pages).toBeLessThan(10);
      }
      expect(pages).toBe(5);
      expect(seen).toEqual(expected);
      expect(new Set(seen).size).toBe(30);
    });

    it('should give the same cursor to the same shift on every request', async () => {
      const regions = await api.make.regions();
      const orgId = await api.make.organization(regions.community.id);
      await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 5, capacity: 1 }, { startInHours: 6, capacity: 1 }] });
      const first = (await api.ok(OPEN_SHIFTS, { filter: { regionId: regions.grid.id } })).openShifts.edges;
      const again = (await api.ok(OPEN_SHIFTS, { filter: { regionId: regions.grid.id } })).openShifts.edges;
      expect(again).toEqual(first);
      const fromSecond = (await api.ok(OPEN_SHIFTS, { filter: { regionId: regions.grid.id }, after: first[0].cursor })).openShifts.edges;
      expect(fromSecond.map((e: any) => e.node.id)).toEqual([first[1].node.id]);
    });
  });

  describe('authentication', () => {
    it('should refuse with UNAUTHENTICATED when a query needs the signed-in user and no token is sent', async () => {
      expect(await api.fails(`{ myClaims { totalCount } }`)).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.required' });
      expect(await api.fails(`{ auditLog { totalCount } }`)).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('should refuse with UNAUTHENTICATED when the token is garbage', async () => {
      expect(await api.fails(`{ myClaims { totalCount } }`, {}, 'garbage.token.here')).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.invalidToken' });
    });

    it('should refuse with UNAUTHENTICATED when the token names a user who no longer exists', async () => {
      const gone = await api.make.user();
      await api.sql('DELETE FROM user_account WHERE id = $1', [gone.id]);
      expect(await api.fails(`{ myClaims { totalCount } }`, {}, gone.token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    });
  });

  describe('auditLog', () => {
    it('should refuse with FORBIDDEN when a resident reads the audit log', async () => {
      const resident = await api.make.user();
      const official = await api.make.official((await api.make.regions()).street);
      expect(await api.fails(AUDIT_LOG, {}, resident.token)).toMatchObject({ code: 'FORBIDDEN', key: 'forbidden.audit.read' });
      expect(await api.fails(AUDIT_LOG, {}, official.token)).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('should return the entries, newest first and filtered, when an ADMIN reads the audit log', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const admin = await api.make.user({ role: 'ADMIN' });
      const first = (await api.ok(CREATE_ORG, { input: { name: uniqueName('Audited A'), kind: 'NGO', regionId: regions.grid.id } }, resident.token)).createOrganization;
      const second = (await api.ok(CREATE_ORG, { input: { name: uniqueName('Audited B'), kind: 'NGO', regionId: regions.grid.id } }, resident.token)).createOrganization;

      const { auditLog } = await api.ok(AUDIT_LOG, { action: 'organization.create', subjectId: first.id }, admin.token);
      expect(auditLog.totalCount).toBe(1);
      expect(auditLog.edges[0].node).toMatchObject({ action: 'organization.create', subjectType: 'organization', subjectId: first.id, actorUserId: resident.id, detail: { kind: 'NGO', name: first.name } });

      const all = (await api.ok(AUDIT_LOG, { action: 'organization.create', first: 100 }, admin.token)).auditLog;
      const subjects = all.edges.map((e: any) => e.node.subjectId);
      expect(subjects.indexOf(second.id)).toBeGreaterThanOrEqual(0);
      expect(subjects.indexOf(second.id)).toBeLessThan(subjects.indexOf(first.id));
    });

    it('should page through the audit log without repeats when an ADMIN pages with first 1', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const admin = await api.make.user({ role: 'ADMIN' });
      for (let i = 0; i < 3; i++) await api.ok(CREATE_ORG, { input: { name: uniqueName(`Paged audit ${i}`), kind: 'NGO', regionId: regions.grid.id } }, resident.token);
      const total = (await api.ok(AUDIT_LOG, { action: 'organization.create' }, admin.token)).auditLog.totalCount;
      const ids: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < total + 1; i++) {
        const { auditLog }: any = await api.ok(AUDIT_LOG, { action: 'organization.create', first: 1, after }, admin.token);
        ids.push(...auditLog.edges.map((e: any) => e.node.id));
        if (!auditLog.pageInfo.hasNextPage) break;
        after = auditLog.pageInfo.endCursor;
      }
      expect(ids).toHaveLength(total);
      expect(new Set(ids).size).toBe(total);
      expect([...ids].sort((x, y) => Number(y) - Number(x))).toEqual(ids);
    });
  });

  describe('database connection loss', () => {
    it('should keep serving requests when every database connection of the API is killed', async () => {
      const regions = await api.make.regions();
      const orgId = await api.make.organization(regions.grid.id);
      const query = `query($id: ID!) { organization(id: $id) { id region { id } } }`;
      expect((await api.ok(query, { id: orgId })).organization.id).toBe(orgId);

      const killer = new Client({ connectionString: (api.db.options as { url: string }).url });
      await killer.connect();
      let killed: number;
      try {
        const res = await killer.query(`SELECT pg_terminate_backend(pid) AS t FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
        killed = res.rows.filter((r) => r.t).length;
      } finally {
        await killer.end();
      }
      expect(killed).toBeGreaterThan(0);

      // The pool notices dead connections on use; allow a couple of retries, no more.
      let result: GqlResult | undefined;
      for (let attempt = 0; attempt < 3; attempt++) {
        result = await api.gql(query, { id: orgId });
        if (!result.errors) break;
        expectNoInternals(result);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(result!.errors).toBeUndefined();
      expect(result!.data!.organization).toEqual({ id: orgId, region: { id: regions.grid.id } });

      // Still alive: more requests, readiness, and a write.
      const resident = await api.make.user();
      expect((await api.ok(CREATE_ORG, { input: { name: uniqueName('After loss'), kind: 'NGO', regionId: regions.grid.id } }, resident.token)).createOrganization.id).toMatch(UUID);
      expect((await http('/ready')).status).toBe(200);
      expect((await http('/health')).status).toBe(200);
    });
  });
});
