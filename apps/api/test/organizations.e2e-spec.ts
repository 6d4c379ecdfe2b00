import { statementCounter } from '@civicgrid/platform';
import { GqlResult, TestApi } from './support/test-api';
import { TestRegions } from './support/factories';

const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name kind description verified region { id } } }`;
const ORG = `query($id: ID!) { organization(id: $id) { id name kind members { totalCount edges { node { role status user { id } } } } } }`;
const ME = `{ me { id memberships { role status organization { id name } } } }`;
const LIST = `query($filter: OrganizationFilter, $first: Int, $after: String) {
  organizations(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind verified } } }
}`;
const TASKS = `query($id: ID!) { organization(id: $id) { id tasks(first: 50) { totalCount edges { node { id status } } } } }`;
const MEMBERS_PAGE = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { members(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id user { id } } } } } }`;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const uniqueName = (label: string) => `${label} ${Math.random().toString(36).slice(2, 10)}`;

describe('organizations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  const input = (regions: TestRegions, over: Record<string, unknown> = {}) => ({ name: uniqueName('Green Hands'), kind: 'NGO', regionId: regions.grid.id, description: ' Tree planting ', ...over });
  const orgCount = async (name: string) => (await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM organization WHERE name = $1', [name]))[0].n;

  describe('createOrganization', () => {
    it('should make the creator OWNER when a resident registers an NGO', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const data = input(regions);

      const { createOrganization: org } = await api.ok(CREATE, { input: data }, resident.token);

      expect(org).toMatchObject({ name: data.name, kind: 'NGO', description: 'Tree planting', verified: false, region: { id: regions.grid.id } });
      const { organization } = await api.ok(ORG, { id: org.id });
      expect(organization.members).toEqual({ totalCount: 1, edges: [{ node: { role: 'OWNER', status: 'ACTIVE', user: { id: resident.id } } }] });
      const { me } = await api.ok(ME, {}, resident.token);
      expect(me.memberships).toEqual([{ role: 'OWNER', status: 'ACTIVE', organization: { id: org.id, name: data.name } }]);
    });

    it('should store the row and an audit entry when an organisation is created', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const data = input(regions, { kind: 'SENIORS_COUNCIL' });

      const { createOrganization: org } = await api.ok(CREATE, { input: data }, resident.token);

      const rows = await api.sql(`SELECT name, kind, region_id, description, verified, created_by_id FROM organization WHERE id = $1`, [org.id]);
      expect(rows).toEqual([{ name: data.name, kind: 'SENIORS_COUNCIL', region_id: regions.grid.id, description: 'Tree planting', verified: false, created_by_id: resident.id }]);
      const members = await api.sql(`SELECT user_id, role, status FROM membership WHERE organization_id = $1`, [org.id]);
      expect(members).toEqual([{ user_id: resident.id, role: 'OWNER', status: 'ACTIVE' }]);
      const audit = await api.sql(`SELECT actor_user_id, subject_type, detail FROM audit_entry WHERE action = 'organization.create' AND subject_id = $1`, [org.id]);
      expect(audit).toEqual([{ actor_user_id: resident.id, subject_type: 'organization', detail: { kind: 'SENIORS_COUNCIL', name: data.name } }]);
    });

    it('should trim the name and store no description when the description is blank', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const name = uniqueName('Trimmed');
      const { createOrganization: org } = await api.ok(CREATE, { input: input(regions, { name: `  ${name}  `, description: '   ' }) }, resident.token);
      expect(org).toMatchObject({ name, description: null });
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['the name is blank', { name: '   ' }, 'name'],
      ['the name is empty', { name: '' }, 'name'],
      ['the name is too long', { name: 'x'.repeat(81) }, 'name'],
      ['the region id is not a uuid', { regionId: 'grid-1' }, 'regionId'],
      ['the description is too long', { description: 'd'.repeat(4001) }, 'description'],
    ])('should refuse with BAD_USER_INPUT naming the field when %s', async (_label, over, field) => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const data = input(regions, over);
      expect(await api.fails(CREATE, { input: data }, resident.token)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await api.sql('SELECT count(*)::int AS n FROM membership WHERE user_id = $1', [resident.id])).toEqual([{ n: 0 }]);
    });

    it('should refuse with BAD_USER_INPUT when the kind is not in the enum', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const data = input(regions, { kind: 'CLUB' });
      expect(await api.fails(CREATE, { input: data }, resident.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await orgCount(data.name)).toBe(0);
    });

    it('should refuse with NOT_FOUND on field regionId when the region does not exist', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const data = input(regions, { regionId: UNKNOWN_ID });
      expect(await api.fails(CREATE, { input: data }, resident.token)).toMatchObject({ code: 'NOT_FOUND', field: 'regionId' });
      expect(await orgCount(data.name)).toBe(0);
    });

    it('should refuse with UNAUTHENTICATED when nobody is signed in', async () => {
      const regions = await api.make.regions();
      const data = input(regions);
      expect(await api.fails(CREATE, { input: data })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await api.fails(CREATE, { input: data }, 'not-a-token')).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await orgCount(data.name)).toBe(0);
    });

    it.each(['STREET_OFFICE', 'DEPARTMENT'])('should refuse with FORBIDDEN when a resident registers a %s', async (kind) => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const data = input(regions, { kind });
      expect(await api.fails(CREATE, { input: data }, resident.token)).toMatchObject({ code: 'FORBIDDEN', key: 'forbidden.organization.create' });
      expect(await orgCount(data.name)).toBe(0);
      expect(await api.sql(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'organization.create' AND actor_user_id = $1`, [resident.id])).toEqual([{ n: 0 }]);
    });

    it.each(['STREET_OFFICE', 'DEPARTMENT'])('should allow a %s when an official whose post covers the region registers it', async (kind) => {
      const regions = await api.make.regions();
      const official = await api.make.official(regions.street);
      const { createOrganization: org } = await api.ok(CREATE, { input: input(regions, { kind }) }, official.token);
      expect(org.kind).toBe(kind);
      expect(await api.sql('SELECT role FROM membership WHERE organization_id = $1 AND user_id = $2', [org.id, official.id])).toEqual([{ role: 'OWNER' }]);
    });

    it('should allow a street office at the very region of the post when the official registers it there', async () => {
      const regions = await api.make.regions();
      const official = await api.make.official(regions.street);
      const { createOrganization: org } = await api.ok(CREATE, { input: input(regions, { kind: 'STREET_OFFICE', regionId: regions.street.id }) }, official.token);
      expect(org.region.id).toBe(regions.street.id);
    });

    it('should refuse with FORBIDDEN when an official out of scope registers a street office', async () => {
      const regions = await api.make.regions();
      const official = await api.make.official(regions.otherStreet);
      const data = input(regions, { kind: 'STREET_OFFICE' });
      expect(await api.fails(CREATE, { input: data }, official.token)).toMatchObject({ code: 'FORBIDDEN' });
      // Above the post is out of scope too.
      expect(await api.fails(CREATE, { input: { ...data, regionId: regions.district.id } }, official.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await orgCount(data.name)).toBe(0);
    });

    it('should allow a department when an ADMIN registers it anywhere', async () => {
      const regions = await api.make.regions();
      const admin = await api.make.user({ role: 'ADMIN' });
      const { createOrganization: org } = await api.ok(CREATE, { input: input(regions, { kind: 'DEPARTMENT', regionId: regions.district.id }) }, admin.token);
      expect(org.kind).toBe('DEPARTMENT');
    });

    it('should let the new owner see drafts at once when the organisation was created in the same session', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user();
      const { createOrganization: org } = await api.ok(CREATE, { input: input(regions) }, resident.token);
      const draft = await api.make.task(org.id, regions.grid, { status: 'DRAFT' });
      const { organization } = await api.ok(TASKS, { id: org.id }, resident.token);
      expect(organization.tasks.edges.map((e: any) => e.node.id)).toEqual([draft.id]);
    });
  });

  describe('organization', () => {
    it('should return null when the id is unknown', async () => {
      expect((await api.ok(`query($id: ID!) { organization(id: $id) { id } }`, { id: UNKNOWN_ID })).organization).toBeNull();
    });

    it('should refuse an id that is not a uuid with BAD_USER_INPUT', async () => {
      expect(await api.fails(`query($id: ID!) { organization(id: $id) { id } }`, { id: 'not-a-uuid' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    });

    it('should return the organisation with its region when the id is known', async () => {
      const regions = await api.make.regions();
      const orgId = await api.make.organization(regions.grid.id, [], { name: 'Known one', kind: 'MERCHANT' });
      const { organization } = await api.ok(`query($id: ID!) { organization(id: $id) { id name kind verified region { id name } } }`, { id: orgId });
      expect(organization).toEqual({ id: orgId, name: 'Known one', kind: 'MERCHANT', verified: true, region: { id: regions.grid.id, name: '测试网格' } });
    });
  });

  describe('organizations', () => {
    /** Three organisations: two under the street (one in its grid), one under the other street. */
    async function directory() {
      const regions = await api.make.regions();
      const tag = Math.random().toString(36).slice(2, 8);
      const inGrid = await api.make.organization(regions.grid.id, [], { name: `B grid ngo ${tag}`, kind: 'NGO', verified: true });
      const onStreet = await api.make.organization(regions.street.id, [], { name: `A street merchant ${tag}`, kind: 'MERCHANT', verified: false });
      const elsewhere = await api.make.organization(regions.otherGrid.id, [], { name: `C other ngo ${tag}`, kind: 'NGO', verified: true });
      return { regions, tag, inGrid, onStreet, elsewhere };
    }
    const ids = (r: any) => r.organizations.edges.map((e: any) => e.node.id);

    it('should list the region subtree in name order when filtered by region', async () => {
      const d = await directory();
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.street.id } }))).toEqual([d.onStreet, d.inGrid]);
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.grid.id } }))).toEqual([d.inGrid]);
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.district.id } }))).toEqual([d.onStreet, d.inGrid, d.elsewhere]);
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.otherStreet.id } }))).toEqual([d.elsewhere]);
    });

    it('should refuse with NOT_FOUND on field filter.regionId when the region does not exist', async () => {
      expect(await api.fails(LIST, { filter: { regionId: UNKNOWN_ID } })).toMatchObject({ code: 'NOT_FOUND', field: 'filter.regionId' });
    });

    it('should list only that kind when filtered by kind', async () => {
      const d = await directory();
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.district.id, kind: 'NGO' } }))).toEqual([d.inGrid, d.elsewhere]);
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.district.id, kind: 'MERCHANT' } }))).toEqual([d.onStreet]);
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.district.id, kind: 'DEPARTMENT' } }))).toEqual([]);
    });

    it('should list verified or unverified ones when filtered by verified', async () => {
      const d = await directory();
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.district.id, verified: true } }))).toEqual([d.inGrid, d.elsewhere]);
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.district.id, verified: false } }))).toEqual([d.onStreet]);
    });

    it('should match words of the name in any case when searching', async () => {
      const d = await directory();
      expect(ids(await api.ok(LIST, { filter: { search: `NGO ${d.tag.toUpperCase()}` } }))).toEqual([d.inGrid, d.elsewhere]);
      expect(ids(await api.ok(LIST, { filter: { search: `  street merchant ${d.tag} ` } }))).toEqual([d.onStreet]);
      expect(ids(await api.ok(LIST, { filter: { search: `nothing like it ${d.tag}` } }))).toEqual([]);
    });

    it('should treat % and _ literally when they appear in the search', async () => {
      const regions = await api.make.regions();
      const tag = Math.random().toString(36).slice(2, 8);
      const literal = await api.make.organization(regions.grid.id, [], { name: `100% Volunteers_${tag}` });
      await api.make.organization(regions.grid.id, [], { name: `100 Volunteers ${tag}` });
      expect(ids(await api.ok(LIST, { filter: { regionId: regions.grid.id, search: '%' } }))).toEqual([literal]);
      expect(ids(await api.ok(LIST, { filter: { regionId: regions.grid.id, search: `Volunteers_${tag}` } }))).toEqual([literal]);
    });

    it('should combine the filters when several are given', async () => {
      const d = await directory();
      expect(ids(await api.ok(LIST, { filter: { regionId: d.regions.street.id, kind: 'NGO', verified: true, search: d.tag } }))).toEqual([d.inGrid]);
    });

    it('should visit every organisation once in name order when paging with first 2', async () => {
      const regions = await api.make.regions();
      // Equal names: the id breaks the tie.
      const made = [];
      for (const name of ['Delta', 'alpha', 'Charlie', 'Bravo', 'Bravo', 'Echo', 'Bravo']) made.push(await api.make.organization(regions.grid.id, [], { name }));
      const expected = (await api.sql<{ id: string }>('SELECT id FROM organization WHERE id = ANY($1) ORDER BY name, id', [made])).map((r) => r.id);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const { organizations }: any = await api.ok(LIST, { filter: { regionId: regions.grid.id }, first: 2, after });
        expect(organizations.totalCount).toBe(7);
        seen.push(...ids({ organizations }));
        if (!organizations.pageInfo.hasNextPage) break;
        after = organizations.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    });

    it('should refuse with BAD_USER_INPUT when paging arguments are bad', async () => {
      expect(await api.fails(LIST, { first: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(await api.fails(LIST, { after: 'zzz' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('should name the field filter.regionId when the region id in the filter is malformed, as it does when it is unknown', async () => {
      expect(await api.fails(LIST, { filter: { regionId: UNKNOWN_ID } })).toMatchObject({ code: 'NOT_FOUND', field: 'filter.regionId' });
      expect(await api.fails(LIST, { filter: { regionId: 'nope' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.regionId' });
    });
  });

  describe('Organization.members', () => {
    it('should visit every member exactly once when paging with first 1', async () => {
      const regions = await api.make.regions();
      const users = await api.make.users(4);
      const orgId = await api.make.organization(regions.grid.id, [
        [users[0], 'OWNER'],
        [users[1], 'COORDINATOR'],
        [users[2], 'MEMBER'],
        [users[3], 'MEMBER'],
      ]);

      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 8; page++) {
        const { organization }: any = await api.ok(MEMBERS_PAGE, { id: orgId, first: 1, after });
        expect(organization.members.totalCount).toBe(4);
        seen.push(...organization.members.edges.map((e: any) => e.node.user.id));
        if (!organization.members.pageInfo.hasNextPage) break;
        after = organization.members.pageInfo.endCursor;
      }
      // In the order they joined; members who joined in the same millisecond are ordered by id.
      const expected = (await api.sql<{ user_id: string }>(`SELECT user_id FROM membership WHERE organization_id = $1 ORDER BY created_at, id`, [orgId])).map((r) => r.user_id);
      expect(seen).toEqual(expected);
      expect(new Set(seen)).toEqual(new Set(users.map((u) => u.id)));
    });

    it('should list only active members when some have left', async () => {
      const regions = await api.make.regions();
      const [stays, leaves] = await api.make.users(2);
      const orgId = await api.make.organization(regions.grid.id, [
        [stays, 'OWNER'],
        [leaves, 'MEMBER'],
      ]);
      await api.sql(`UPDATE membership SET status = 'LEFT' WHERE organization_id = $1 AND user_id = $2`, [orgId, leaves.id]);
      const { organization } = await api.ok(ORG, { id: orgId });
      expect(organization.members).toEqual({ totalCount: 1, edges: [{ node: { role: 'OWNER', status: 'ACTIVE', user: { id: stays.id } } }] });
    });
  });

  describe('Organization.tasks', () => {
    async function orgWithTasks() {
      const regions = await api.make.regions();
      const [owner, member, coordinator, stranger, otherCoordinator] = await api.make.users(5);
      const orgId = await api.make.organization(regions.grid.id, [
        [owner, 'OWNER'],
        [member, 'MEMBER'],
        [coordinator, 'COORDINATOR'],
      ]);
      await api.make.organization(regions.grid.id, [[otherCoordinator, 'COORDINATOR']]);
      const published = await api.make.task(orgId, regions.grid);
      const draft = await api.make.task(orgId, regions.grid, { status: 'DRAFT' });
      return { orgId, published, draft, owner, member, coordinator, stranger, otherCoordinator };
    }
    const taskIds = (r: any) => r.organization.tasks.edges.map((e: any) => e.node.id).sort();

    it('should show published tasks only when the viewer is anonymous', async () => {
      const o = await orgWithTasks();
      const r = await api.ok(TASKS, { id: o.orgId });
      expect(taskIds(r)).toEqual([o.published.id]);
      expect(r.organization.tasks.totalCount).toBe(1);
    });

    it('should hide DRAFT tasks when the viewer is not a member', async () => {
      const o = await orgWithTasks();
      expect(taskIds(await api.ok(TASKS, { id: o.orgId }, o.stranger.token))).toEqual([o.published.id]);
      expect(taskIds(await api.ok(TASKS, { id: o.orgId }, o.otherCoordinator.token))).toEqual([o.published.id]);
    });

    it('should show DRAFT tasks when the viewer is a member of any role', async () => {
      const o = await orgWithTasks();
      const both = [o.published.id, o.draft.id].sort();
      for (const viewer of [o.owner, o.coordinator, o.member]) {
        const r = await api.ok(TASKS, { id: o.orgId }, viewer.token);
        expect(taskIds(r)).toEqual(both);
        expect(r.organization.tasks.totalCount).toBe(2);
      }
    });

    it('should hide DRAFT tasks when the member has left', async () => {
      const o = await orgWithTasks();
      await api.sql(`UPDATE membership SET status = 'LEFT' WHERE organization_id = $1 AND user_id = $2`, [o.orgId, o.member.id]);
      expect(taskIds(await api.ok(TASKS, { id: o.orgId }, o.member.token))).toEqual([o.published.id]);
    });

    it('should visit every task exactly once when paging tasks with first 1', async () => {
      const regions = await api.make.regions();
      const owner = await api.make.user();
      const orgId = await api.make.organization(regions.grid.id, [[owner, 'OWNER']]);
      const made: string[] = [];
      for (let i = 0; i < 4; i++) made.push((await api.make.task(orgId, regions.grid)).id);
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 8; page++) {
        const { organization }: any = await api.ok(
          `query($id: ID!, $after: String) { organization(id: $id) { tasks(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }`,
          { id: orgId, after },
          owner.token,
        );
        seen.push(...organization.tasks.edges.map((e: any) => e.node.id));
        if (!organization.tasks.pageInfo.hasNextPage) break;
        after = organization.tasks.pageInfo.endCursor;
      }
      // Newest first; tasks created in the same millisecond are ordered by id.
      const expected = (await api.sql<{ id: string }>(`SELECT id FROM task WHERE organization_id = $1 ORDER BY created_at DESC, id DESC`, [orgId])).map((r) => r.id);
      expect(seen).toEqual(expected);
      expect(new Set(seen)).toEqual(new Set(made));
    });
  });

  describe('nested queries', () => {
    const NESTED = `query($filter: OrganizationFilter, $first: Int) {
      organizations(filter: $filter, first: $first) { edges { node { id name region { name } members { edges { node { role user { displayName } } } } } } }
    }`;

    /** Number of SQL statements the API runs to answer one request. */
    async function statementsFor(query: string, variables: Record<string, unknown>): Promise<{ count: number; result: GqlResult }> {
      statementCounter.count = 0;
      const result = await api.gql(query, variables);
      const count = statementCounter.count;
      expect(result.errors).toBeUndefined();
      return { count, result };
    }

    it('should run the same number of SQL statements for 5 and for 20 organisations when nested fields are asked', async () => {
      const regions = await api.make.regions();
      for (let i = 0; i < 20; i++) {
        const [a, b] = await api.make.users(2);
        await api.make.organization(regions.grid.id, [
          [a, 'OWNER'],
          [b, 'MEMBER'],
        ]);
      }

      await statementsFor(NESTED, { filter: { regionId: regions.grid.id }, first: 1 }); // reads the new region tree once
      const five = await statementsFor(NESTED, { filter: { regionId: regions.grid.id }, first: 5 });
      const twenty = await statementsFor(NESTED, { filter: { regionId: regions.grid.id }, first: 20 });

      expect(five.result.data!.organizations.edges).toHaveLength(5);
      expect(twenty.result.data!.organizations.edges).toHaveLength(20);
      expect(twenty.result.data!.organizations.edges.every((e: any) => e.node.members.edges.length === 2 && e.node.region.name === '测试网格')).toBe(true);
      expect(twenty.count).toBe(five.count);
    });

    it('should run the same number of SQL statements for 5 and for 20 organisations when their tasks are asked', async () => {
      const regions = await api.make.regions();
      for (let i = 0; i < 20; i++) {
        const orgId = await api.make.organization(regions.grid.id);
        await api.make.task(orgId, regions.grid);
      }
      const q = `query($filter: OrganizationFilter, $first: Int) { organizations(filter: $filter, first: $first) { edges { node { id tasks(first: 5) { totalCount edges { node { id region { name } } } } } } } }`;

      await statementsFor(q, { filter: { regionId: regions.grid.id }, first: 1 }); // reads the new region tree once
      const five = await statementsFor(q, { filter: { regionId: regions.grid.id }, first: 5 });
      const twenty = await statementsFor(q, { filter: { regionId: regions.grid.id }, first: 20 });

      expect(twenty.result.data!.organizations.edges.every((e: any) => e.node.tasks.totalCount === 1)).toBe(true);
      expect(twenty.count).toBe(five.count);
    });

    it('should run the same number of SQL statements for 1 and for 10 members when their users are asked', async () => {
      const regions = await api.make.regions();
      const few = await api.make.organization(regions.grid.id, [[await api.make.user(), 'OWNER']]);
      const many = await api.make.organization(regions.grid.id, (await api.make.users(10)).map((u) => [u, 'MEMBER'] as [typeof u, string]));
      const q = `query($id: ID!) { organization(id: $id) { members(first: 50) { edges { node { user { displayName memberships { role } } } } } } }`;

      const one = await statementsFor(q, { id: few });
      const ten = await statementsFor(q, { id: many });

      expect(ten.result.data!.organization.members.edges).toHaveLength(10);
      expect(ten.count).toBe(one.count);
    });
  });
});
