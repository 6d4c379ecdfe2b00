import { TestRegions, TestUser } from './support/factories';
import { TestApi } from './support/test-api';

const NOWHERE = '00000000-0000-4000-8000-000000000001';
const HONOUR = `id title reason awardedAt user { id displayName } awardedBy { id name }`;
const AWARD = `mutation($input: AwardHonourInput!) { awardHonour(input: $input) { ${HONOUR} } }`;
const ME = `{ me { id starLevel verifiedServiceMinutes honours { id title reason awardedBy { id } } } }`;
const BY_PHONE = `query($phone: String!) { userByPhone(phone: $phone) { id starLevel verifiedServiceMinutes honours { title } } }`;
const RECORD = `mutation($input: RecordServiceHoursInput!) { recordServiceHours(input: $input) { id status } }`;
const INBOX = `{ notifications(first: 20) { edges { node { kind title body link } } } }`;

describe('honours and star levels', () => {
  let api: TestApi;
  let regions: TestRegions;
  let orgAdmin: TestUser;
  let coordinator: TestUser;
  let orgId: string;
  let unverifiedAdmin: TestUser;
  let unverifiedOrgId: string;
  let otherAdmin: TestUser;
  let streetOfficeId: string;
  let ipCounter = 1;

  beforeAll(async () => {
    api = await TestApi.start();
    regions = await api.make.regions();
    orgAdmin = await api.make.user({ displayName: '赵管理' });
    coordinator = await api.make.user();
    orgId = await api.make.organization(regions.grid.id, [[orgAdmin, 'ADMIN'], [coordinator, 'COORDINATOR']], { name: '益邻社区服务中心' });
    unverifiedAdmin = await api.make.user();
    unverifiedOrgId = await api.make.organization(regions.grid.id, [[unverifiedAdmin, 'OWNER']], { verified: false });
    otherAdmin = await api.make.user();
    await api.make.organization(regions.otherGrid.id, [[otherAdmin, 'ADMIN']]);
    streetOfficeId = await api.make.organization(regions.street.id, [], { kind: 'STREET_OFFICE', name: '测试街道办事处' });
  });
  afterAll(async () => {
    await api.close();
  });

  const resident = (homeRegionId = regions.grid.id, displayName = '王小明') => api.make.user({ homeRegionId, displayName });
  const award = (userId: string, over: Record<string, unknown> = {}) => ({ userId, organizationId: orgId, title: '优秀志愿者', reason: '全年坚持为独居老人送餐', ...over });
  /** Each look-up from an address of its own: the per-address look-up limit is not what these tests are about. */
  const lookUp = async (viewer: TestUser | null, who: TestUser) =>
    (await api.gql(BY_PHONE, { phone: who.phone }, viewer?.token, { 'x-forwarded-for': `198.51.100.${ipCounter++}` })).data?.userByPhone;
  const countHonours = async () => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM honour`))[0].n;

  /** Verified REPORTED minutes for the volunteer, in records of at most a day's worth, with no events (as if long past). */
  async function pastMinutes(v: TestUser, minutes: number): Promise<void> {
    await api.sql(
      `INSERT INTO service_record (source, volunteer_id, minutes, status, verified_at, verified_by_id, organization_id, served_on, description, reported_by_id)
       SELECT 'REPORTED', $1, least(1440, $2 - (i - 1) * 1440), 'VERIFIED', now(), $3, $4, current_date - i, '社区服务', $3
         FROM generate_series(1, ceil($2 / 1440.0)::int) AS i`,
      [v.id, minutes, coordinator.id, orgId],
    );
  }
  /** Minutes a coordinator records for the volunteer now: verified at once, through `service.verified`. */
  async function recordNow(v: TestUser, minutes: number): Promise<void> {
    const date = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
    await api.ok(RECORD, { input: { organizationId: orgId, volunteerId: v.id, date, minutes, description: '按纸质签到表登记' } }, coordinator.token);
  }

  describe('awardHonour', () => {
    it("should award an honour in a verified organisation's name, audited, public on the profile, and tell the person", async () => {
      const v = await resident();
      const { awardHonour: h } = await api.ok(AWARD, { input: award(v.id, { title: '  优秀志愿者  ' }) }, orgAdmin.token);
      expect(h).toMatchObject({ title: '优秀志愿者', reason: '全年坚持为独居老人送餐', user: { id: v.id, displayName: '王小明' }, awardedBy: { id: orgId, name: '益邻社区服务中心' } });
      expect(await api.sql(`SELECT actor_user_id, detail->>'basis' AS basis FROM audit_entry WHERE action = 'honour.award' AND subject_id = $1`, [h.id])).toEqual([{ actor_user_id: orgAdmin.id, basis: 'membership' }]);
      // Public: a stranger sees it too.
      expect((await lookUp(otherAdmin, v)).honours).toEqual([{ title: '优秀志愿者' }]);
      await api.eventsSettled();
      const [told] = (await api.ok(INBOX, {}, v.token)).notifications.edges.map((e: any) => e.node);
      expect(told).toMatchObject({ kind: 'HONOUR_AWARDED', title: '您获得了“优秀志愿者”荣誉', link: '/wallet' });
      expect(told.body).toContain('益邻社区服务中心');
    });

    it("should let an official award one for a person of their scope, or in the name of an organisation of their scope", async () => {
      const official = await api.make.official(regions.street);
      const v = await resident();
      const { awardHonour: h } = await api.ok(AWARD, { input: award(v.id, { organizationId: streetOfficeId, title: '最美家庭' }) }, official.token);
      expect(h).toMatchObject({ title: '最美家庭', awardedBy: { id: streetOfficeId } });
      // Living in another street, honoured in the name of this street's office.
      const elsewhere = await resident(regions.otherGrid.id);
      expect((await api.ok(AWARD, { input: award(elsewhere.id, { organizationId: streetOfficeId }) }, official.token)).awardHonour.user.id).toBe(elsewhere.id);
      // Neither the person nor the organisation in scope.
      const otherOfficial = await api.make.official(regions.otherStreet);
      expect(await api.fails(AWARD, { input: award(v.id, { organizationId: streetOfficeId }) }, otherOfficial.token)).toMatchObject({ code: 'FORBIDDEN' });
    });

    it("should refuse an unverified organisation's admin, a coordinator, another organisation's admin, oneself and anonymous callers, changing nothing", async () => {
      const v = await resident();
      const before = await countHonours();
      expect(await api.fails(AWARD, { input: award(v.id, { organizationId: unverifiedOrgId }) }, unverifiedAdmin.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(AWARD, { input: award(v.id) }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(AWARD, { input: award(v.id) }, otherAdmin.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(AWARD, { input: award(orgAdmin.id) }, orgAdmin.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(AWARD, { input: award(v.id) }, v.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(AWARD, { input: award(v.id) })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await countHonours()).toBe(before);
    });

    it('should refuse a missing or too long title, a missing reason and unknown people or organisations, changing nothing', async () => {
      const v = await resident();
      const before = await countHonours();
      expect(await api.fails(AWARD, { input: award(v.id, { title: '   ' }) }, orgAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(await api.fails(AWARD, { input: award(v.id, { title: '优'.repeat(41) }) }, orgAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(await api.fails(AWARD, { input: award(v.id, { reason: '' }) }, orgAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason', key: 'validation.required' });
      expect(await api.fails(AWARD, { input: award(v.id, { reason: '理'.repeat(501) }) }, orgAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await api.fails(AWARD, { input: award(NOWHERE) }, orgAdmin.token)).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
      expect(await api.fails(AWARD, { input: award(v.id, { organizationId: NOWHERE }) }, orgAdmin.token)).toMatchObject({ code: 'NOT_FOUND', field: 'organizationId' });
      expect(await api.fails(AWARD, { input: award('not-an-id') }, orgAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await countHonours()).toBe(before);
      // Exactly 40 characters is fine.
      expect((await api.ok(AWARD, { input: award(v.id, { title: '优'.repeat(40) }) }, orgAdmin.token)).awardHonour.title).toHaveLength(40);
    });

    it('should list honours newest first', async () => {
      const v = await resident();
      await api.ok(AWARD, { input: award(v.id, { title: '第一个' }) }, orgAdmin.token);
      await api.ok(AWARD, { input: award(v.id, { title: '第二个' }) }, orgAdmin.token);
      await api.ok(AWARD, { input: award(v.id, { title: '第三个' }) }, orgAdmin.token);
      expect((await api.ok(ME, {}, v.token)).me.honours.map((h: any) => h.title)).toEqual(['第三个', '第二个', '第一个']);
    });
  });

  describe('star levels', () => {
    it('should count both kinds of verified minutes and show the minutes only to the person, their proxy, officials over their home and admins', async () => {
      const v = await resident();
      await pastMinutes(v, 300 * 60);
      expect((await api.ok(ME, {}, v.token)).me).toMatchObject({ starLevel: 2, verifiedServiceMinutes: 300 * 60 });
      const proxy = await api.make.user();
      await api.make.proxyGrant(v, proxy);
      const official = await api.make.official(regions.street);
      const otherOfficial = await api.make.official(regions.otherStreet);
      const admin = await api.make.user({ role: 'ADMIN' });
      expect(await lookUp(proxy, v)).toMatchObject({ starLevel: 2, verifiedServiceMinutes: 18000 });
      expect(await lookUp(official, v)).toMatchObject({ starLevel: 2, verifiedServiceMinutes: 18000 });
      expect(await lookUp(admin, v)).toMatchObject({ starLevel: 2, verifiedServiceMinutes: 18000 });
      expect(await lookUp(otherOfficial, v)).toMatchObject({ starLevel: 2, verifiedServiceMinutes: null });
      expect(await lookUp(orgAdmin, v)).toMatchObject({ starLevel: 2, verifiedServiceMinutes: null });
    });

    it('should tell the volunteer once when verified service reaches a level, whatever comes after', async () => {
      const v = await resident();
      await pastMinutes(v, 99 * 60);
      expect((await api.ok(ME, {}, v.token)).me.starLevel).toBe(0);
      await recordNow(v, 30);
      await api.eventsSettled();
      expect(await api.notificationKinds(v)).toEqual(['SERVICE_HOURS_RECORDED']);

      await recordNow(v, 30);
      await api.eventsSettled();
      expect((await api.ok(ME, {}, v.token)).me.starLevel).toBe(1);
      const told = (await api.ok(INBOX, {}, v.token)).notifications.edges.map((e: any) => e.node).find((n: any) => n.kind === 'STAR_LEVEL_REACHED');
      expect(told).toMatchObject({ title: '您成为1星级志愿者', link: '/wallet' });
      expect(told.body).toContain('100小时');

      await recordNow(v, 60);
      await api.eventsSettled();
      expect((await api.notificationKinds(v)).filter((k) => k === 'STAR_LEVEL_REACHED')).toHaveLength(1);
      expect(await api.sql(`SELECT level FROM star_level_reached WHERE user_id = $1 ORDER BY level`, [v.id])).toEqual([{ level: 1 }]);
    });

    it('should record every level passed at once and tell only the highest', async () => {
      const v = await resident();
      await pastMinutes(v, 299 * 60 + 30);
      await recordNow(v, 60);
      await api.eventsSettled();
      expect(await api.sql(`SELECT level FROM star_level_reached WHERE user_id = $1 ORDER BY level`, [v.id])).toEqual([{ level: 1 }, { level: 2 }]);
      const stars = (await api.ok(INBOX, {}, v.token)).notifications.edges.map((e: any) => e.node).filter((n: any) => n.kind === 'STAR_LEVEL_REACHED');
      expect(stars.map((n: any) => n.title)).toEqual(['您成为2星级志愿者']);
    });
  });
});
