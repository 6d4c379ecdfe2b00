import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocumentNode, print } from 'graphql';
import { Limits } from '@civicgrid/contracts';
import { statementCounter } from '@civicgrid/platform';
import { ShiftBoard } from '@civicgrid/volunteering';
import { TestApi } from './support/test-api';

const HOUR = 3_600_000;

/** The portal's own board document (with the fragments it spreads), so the statements counted are the ones users cause. */
const PORTAL_BOARD = print(
  JSON.parse(/^export const OpenShiftsDocument = (\{.*\}) as unknown as DocumentNode</m.exec(readFileSync(join(__dirname, '../../portal/src/gql/graphql.ts'), 'utf8'))![1]) as DocumentNode,
);
const PAGE = `query($f: ShiftFilter, $first: Int, $after: String) {
  openShifts(filter: $f, first: $first, after: $after) { totalCount totalCountExact pageInfo { hasNextPage endCursor } edges { cursor node { id startsAt viewerClaim { status } task { id region { name } } } } }
}`;

describe('the shift board', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  /** Every page of the board for a filter, following the cursors. */
  async function allPages(f: object, first: number, token?: string) {
    const ids: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const { openShifts }: any = await api.ok(PAGE, { f, first, after }, token);
      ids.push(...openShifts.edges.map((e: any) => e.node.id));
      if (!openShifts.pageInfo.hasNextPage) return ids;
      after = openShifts.pageInfo.endCursor;
    }
    throw new Error('too many pages');
  }

  it('should answer the portal board query, signed in, in three statements whatever the page size', async () => {
    const { regions, orgId: org } = await api.make.coordinatedOrganization();
    for (let i = 0; i < 25; i++) await api.make.task(org, regions.grid, { category: 'COUNTED', shifts: [{ startInHours: 500 + i, capacity: 2 }] });
    const volunteer = await api.make.user();
    const count = async (first: number) => {
      statementCounter.count = 0;
      const r = await api.ok(PORTAL_BOARD, { filter: { regionId: regions.grid.id, category: 'COUNTED' }, first }, volunteer.token);
      expect(r.openShifts.edges).toHaveLength(first);
      return statementCounter.count;
    };
    await count(1); // the region tree is read once per replica, not per request
    // The actor, the board (count, page, tasks, the viewer's claims), the organisations.
    expect(await count(5)).toBe(3);
    expect(await count(20)).toBe(3);
  });

  it('should page a grid, a community and the whole board by cursor without gaps or repeats, soonest first, and skip ended shifts', async () => {
    const { regions: t, orgId: org } = await api.make.coordinatedOrganization();
    const here = await api.make.task(org, t.grid, { category: 'PAGED', shifts: Array.from({ length: 7 }, (_, i) => ({ startInHours: 10 + i * 3, capacity: 1 })) });
    const there = await api.make.task(org, t.otherGrid, { category: 'PAGED', shifts: Array.from({ length: 5 }, (_, i) => ({ startInHours: 11 + i * 3, capacity: 1 })) });
    // Located at the community itself, not in a grid.
    const communal = await api.make.task(org, t.community, { category: 'PAGED', shifts: [{ startInHours: 12, capacity: 1 }] });
    // Ended a minute ago; and one that began 23 hours ago and runs for another hour.
    await api.make.task(org, t.grid, { category: 'PAGED', shifts: [{ startInHours: -2, hours: 2 - 1 / 60, capacity: 1 }] });
    const running = await api.make.task(org, t.grid, { category: 'PAGED', shifts: [{ startInHours: -23, hours: 24, capacity: 1 }] });
    const startOf = new Map<string, number>((await api.sql(`SELECT id, starts_at FROM shift WHERE task_id = ANY($1)`, [[here.id, there.id, communal.id, running.id]])).map((r: any) => [r.id, +r.starts_at]));
    const sorted = (ids: string[]) => [...ids].sort((a, b) => startOf.get(a)! - startOf.get(b)! || (a < b ? -1 : 1));

    const grid = sorted([...running.shiftIds, ...here.shiftIds]);
    const community = sorted([...grid, ...communal.shiftIds]);
    const district = sorted([...community, ...there.shiftIds]);
    for (const first of [1, 3, 50]) {
      expect(await allPages({ regionId: t.grid.id, category: 'PAGED' }, first)).toEqual(grid);
      expect(await allPages({ regionId: t.community.id, category: 'PAGED' }, first)).toEqual(community);
      expect(await allPages({ regionId: t.district.id, category: 'PAGED' }, first)).toEqual(district);
    }
    const { openShifts } = await api.ok(PAGE, { f: { regionId: t.district.id, category: 'PAGED' }, first: 2 });
    expect(openShifts).toMatchObject({ totalCount: district.length, totalCountExact: true, pageInfo: { hasNextPage: true } });
  });

  it('should return the same pages from both of its plans (by the regions of the area, or by its path)', async () => {
    const board = api.get(ShiftBoard);
    const { regions: t, orgId: org } = await api.make.coordinatedOrganization();
    await api.make.task(org, t.grid, { category: 'PLANS', skills: ['FIRST_AID'], shifts: Array.from({ length: 6 }, (_, i) => ({ startInHours: 30 + i, capacity: 1 + (i % 2) })) });
    await api.make.task(org, t.otherGrid, { category: 'PLANS', shifts: Array.from({ length: 4 }, (_, i) => ({ startInHours: 30.5 + i, capacity: 1 })) });
    const [full] = await api.sql(`SELECT id FROM shift WHERE board_path LIKE $1 || '/%' ORDER BY starts_at LIMIT 1`, [t.district.path]);
    await api.make.claim(full.id, await api.make.user());
    const subtree: string[] = (await api.sql(`SELECT id FROM region WHERE path = $1 OR path LIKE $1 || '/%'`, [t.district.path])).map((r: any) => r.id);
    const now = new Date();
    const variants = [{}, { skills: ['FIRST_AID'] }, { onlyWithSpace: true }, { from: new Date(Date.now() + 32 * HOUR), to: new Date(Date.now() + 34 * HOUR) }];
    for (const v of variants) {
      const base = { now, viewerId: null, category: 'PLANS', limit: 3, ...v };
      const byIds = await board.page({ ...base, area: { regionIds: subtree } });
      const byPath = await board.page({ ...base, area: { path: t.district.path } });
      expect(byIds.rows.map((r) => r.shift.id)).toEqual(byPath.rows.map((r) => r.shift.id));
      expect([byIds.counted, byIds.hasNextPage]).toEqual([byPath.counted, byPath.hasNextPage]);
      const last = byIds.rows.at(-1)!.shift;
      const after = { startsAt: last.startsAt.toISOString(), id: last.id };
      const nextByIds = await board.page({ ...base, after, area: { regionIds: subtree } });
      const nextByPath = await board.page({ ...base, after, area: { path: t.district.path } });
      expect(nextByIds.rows.map((r) => r.shift.id)).toEqual(nextByPath.rows.map((r) => r.shift.id));
    }
  });

  it(`should count exactly up to ${Limits.boardCountCap} and then say "more than"`, async () => {
    const { regions: t, orgId: org } = await api.make.coordinatedOrganization();
    const task = await api.make.task(org, t.grid, { shifts: [] });
    const add = (n: number, fromHour: number) =>
      api.sql(
        `INSERT INTO shift (task_id, starts_at, ends_at, capacity, check_in_code)
         SELECT $1, now() + (($3 + i) || ' minutes')::interval, now() + (($3 + i + 60) || ' minutes')::interval, 1, '123456' FROM generate_series(1, $2) i`,
        [task.id, n, fromHour * 60],
      );
    await add(Limits.boardCountCap - 1, 5);
    const count = async (f: object) => (await api.ok(PAGE, { f: { regionId: t.grid.id, ...f }, first: 1 })).openShifts;
    expect(await count({})).toMatchObject({ totalCount: Limits.boardCountCap - 1, totalCountExact: true });
    await add(1, 100);
    expect(await count({})).toMatchObject({ totalCount: Limits.boardCountCap, totalCountExact: true });
    await add(5, 200);
    expect(await count({})).toMatchObject({ totalCount: Limits.boardCountCap, totalCountExact: false, pageInfo: { hasNextPage: true } });
    expect(await count({ regionId: t.district.id })).toMatchObject({ totalCount: Limits.boardCountCap, totalCountExact: false });
    expect(await count({ from: new Date(Date.now() + 150 * HOUR).toISOString() })).toMatchObject({ totalCount: 5, totalCountExact: true });
  });

  it("should keep the board's copy of the task in step: publishing, closing and moving a task", async () => {
    const { regions: t, coordinator, orgId: org } = await api.make.coordinatedOrganization();
    const task = await api.make.task(org, t.grid, { status: 'DRAFT', category: 'STEP', shifts: [{ startInHours: 3, capacity: 1 }] });
    const listed = async (regionId: string) => allPages({ regionId, category: 'STEP' }, 10);
    expect(await listed(t.district.id)).toEqual([]);
    await api.ok(`mutation($id: ID!) { publishTask(id: $id) { id } }`, { id: task.id }, coordinator.token);
    expect(await listed(t.grid.id)).toEqual(task.shiftIds);
    // A shift added to a published task is listed at once.
    const added = await api.make.shift(task.id, { startInHours: 5, hours: 1, capacity: 1 });
    expect(await listed(t.grid.id)).toEqual([...task.shiftIds, added.id]);
    const [other] = await api.sql(`SELECT id, path FROM region WHERE id = $1`, [t.otherGrid.id]);
    await api.sql(`UPDATE task SET region_id = $2, region_path = $3 WHERE id = $1`, [task.id, other.id, other.path]);
    expect(await listed(t.grid.id)).toEqual([]);
    expect(await listed(t.otherGrid.id)).toEqual([...task.shiftIds, added.id]);
    await api.sql(`UPDATE task SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [task.id]);
    expect(await listed(t.district.id)).toEqual([]);
    expect(await api.sql(`SELECT count(*)::int AS n FROM shift WHERE task_id = $1 AND board_region_id IS NOT NULL`, [task.id])).toEqual([{ n: 0 }]);
  });

  it("should show the viewer's own claim, nobody else's, and none to the anonymous", async () => {
    const { regions: t, orgId: org } = await api.make.coordinatedOrganization();
    const task = await api.make.task(org, t.grid, { shifts: [{ startInHours: 3, capacity: 1 }, { startInHours: 4, capacity: 1 }] });
    const [a, b] = await api.make.users(2);
    await api.make.claim(task.shiftIds[0], a);
    await api.make.claim(task.shiftIds[1], b, 'WAITLISTED');
    await api.make.claim(task.shiftIds[1], a, 'CANCELLED');
    const claims = async (token?: string) => (await api.ok(PAGE, { f: { regionId: t.grid.id }, first: 5 }, token)).openShifts.edges.map((e: any) => e.node.viewerClaim?.status ?? null);
    expect(await claims(a.token)).toEqual(['CONFIRMED', null]);
    expect(await claims(b.token)).toEqual([null, 'WAITLISTED']);
    expect(await claims()).toEqual([null, null]);
  });

  it('should refuse a shift longer than a day in the database too', async () => {
    const { regions, orgId } = await api.make.coordinatedOrganization();
    const task = await api.make.task(orgId, regions.grid, { shifts: [] });
    await expect(api.make.shift(task.id, { startInHours: 0, hours: 25, capacity: 1 })).rejects.toMatchObject({ code: '23514' });
  });

  it('should show a renamed region on the board once its change is announced, without a restart', async () => {
    const { regions: t, orgId: org } = await api.make.coordinatedOrganization();
    await api.make.task(org, t.grid, { shifts: [{ startInHours: 3, capacity: 1 }] });
    const name = async () => (await api.ok(PAGE, { f: { regionId: t.grid.id }, first: 1 })).openShifts.edges[0].node.task.region.name;
    expect(await name()).toBe('测试网格');
    await api.sql(`UPDATE region SET name = '新网格' WHERE id = $1`, [t.grid.id]);
    await api.eventually(async () => (await name()) === '新网格');
  });
});
