import { TestRegions, TestUser } from './support/factories';
import { TestApi } from './support/test-api';

const MY_GRID_LEADERS = `{ myGridLeaders { userId displayName phone grid { id } } }`;

describe("a resident's grid leaders to call", () => {
  let api: TestApi;
  let regions: TestRegions;
  let leader: TestUser;
  let otherLeader: TestUser;
  beforeAll(async () => {
    api = await TestApi.start();
    regions = await api.make.regions();
    leader = await api.make.user({ displayName: '李秀英' });
    otherLeader = await api.make.user({ displayName: '王建国' });
    await api.sql(`UPDATE user_account SET leads_grid_id = $2 WHERE id = $1`, [leader.id, regions.grid.id]);
    await api.sql(`UPDATE user_account SET leads_grid_id = $2 WHERE id = $1`, [otherLeader.id, regions.otherGrid.id]);
  });
  afterAll(async () => {
    await api.close();
  });

  it("should give a resident of the grid its leader's name and whole phone, audited", async () => {
    const resident = await api.make.user({ homeRegionId: regions.grid.id, displayName: '张德福' });
    const { myGridLeaders } = await api.ok(MY_GRID_LEADERS, {}, resident.token);
    expect(myGridLeaders).toEqual([{ userId: leader.id, displayName: '李秀英', phone: leader.phone, grid: { id: regions.grid.id } }]);
    const audit = await api.sql(`SELECT actor_user_id, subject_id, detail FROM audit_entry WHERE action = 'pii.read' AND actor_user_id = $1`, [resident.id]);
    expect(audit).toEqual([{ actor_user_id: resident.id, subject_id: leader.id, detail: { field: 'phone', basis: 'resident' } }]);
  });

  it("should give a resident of another grid only that grid's leader, never this grid's", async () => {
    const elsewhere = await api.make.user({ homeRegionId: regions.otherGrid.id });
    const { myGridLeaders } = await api.ok(MY_GRID_LEADERS, {}, elsewhere.token);
    expect(myGridLeaders.map((c: { userId: string }) => c.userId)).toEqual([otherLeader.id]);
    expect(JSON.stringify(myGridLeaders)).not.toContain(leader.phone);
  });

  it('should give an empty list when the person has no home, or a home above the grids, and audit nothing', async () => {
    const homeless = await api.make.user();
    const streetLevel = await api.make.user({ homeRegionId: regions.street.id });
    for (const u of [homeless, streetLevel]) {
      expect((await api.ok(MY_GRID_LEADERS, {}, u.token)).myGridLeaders).toEqual([]);
      expect(await api.sql(`SELECT id FROM audit_entry WHERE actor_user_id = $1`, [u.id])).toEqual([]);
    }
  });

  it('should list every leader of the grid by name, and refuse someone not signed in', async () => {
    const second = await api.make.user({ displayName: '陈立' });
    await api.sql(`UPDATE user_account SET leads_grid_id = $2 WHERE id = $1`, [second.id, regions.grid.id]);
    const resident = await api.make.user({ homeRegionId: regions.grid.id });
    const names = (await api.ok(MY_GRID_LEADERS, {}, resident.token)).myGridLeaders.map((c: { displayName: string }) => c.displayName);
    expect([...names].sort()).toEqual(['李秀英', '陈立'].sort());
    expect(await api.fails(MY_GRID_LEADERS)).toMatchObject({ code: 'UNAUTHENTICATED' });
    await api.sql(`UPDATE user_account SET leads_grid_id = NULL WHERE id = $1`, [second.id]);
  });
});
