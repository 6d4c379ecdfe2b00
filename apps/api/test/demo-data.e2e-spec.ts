import { DataSource } from 'typeorm';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoData } from '@civicgrid/seed';
import { TestApi } from './support/test-api';

describe('demo data', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ demoData: true });
  });
  afterAll(async () => {
    await api.close();
  });

  it('should build the district: 3 streets, 9 communities and 30 grids with coordinates', async () => {
    const levels = await api.sql(`SELECT level, count(*)::int AS n, count(latitude)::int AS located FROM region GROUP BY level ORDER BY level`);
    expect(levels).toEqual([
      { level: 'COMMUNITY', n: 9, located: 9 },
      { level: 'DISTRICT', n: 1, located: 1 },
      { level: 'GRID', n: 30, located: 30 },
      { level: 'STREET', n: 3, located: 3 },
    ]);
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.role, a.phone]))('should let the %s account (%s) sign in with the published password', async (_role, phone) => {
    const { login } = await api.ok(`mutation($p: String!, $pw: String!) { login(input: { phone: $p, password: $pw }) { user { id } } }`, { p: phone, pw: DEMO_PASSWORD });
    expect(login.user.id).toEqual(expect.any(String));
  });

  it('should give every person a name of their own, so a demo account is never mistaken for a generated volunteer', async () => {
    const repeated = await api.sql(`SELECT display_name FROM user_account GROUP BY display_name HAVING count(*) > 1`);
    expect(repeated).toEqual([]);
  });

  it('should show a living board: published shifts with space over the coming two weeks, some full with a waitlist', async () => {
    const { openShifts } = await api.ok(`{ openShifts(first: 100) { totalCount edges { node { startsAt capacity confirmedCount waitlistCount } } } }`);
    expect(openShifts.totalCount).toBeGreaterThan(30);
    const nodes = openShifts.edges.map((e: any) => e.node);
    expect(nodes.some((n: any) => n.confirmedCount < n.capacity)).toBe(true);
    expect(nodes.some((n: any) => n.waitlistCount > 0)).toBe(true);
    const twoWeeks = Date.now() + 15 * 86_400_000;
    expect(nodes.every((n: any) => Date.parse(n.startsAt) < twoWeeks)).toBe(true);
  });

  it('should hold organisations of every kind, an alliance with members and a month of activity, open and adopted needs', async () => {
    const kinds = await api.sql(`SELECT DISTINCT kind FROM organization ORDER BY kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['DEPARTMENT', 'MERCHANT', 'NGO', 'RESIDENTS_COMMITTEE', 'SENIORS_COUNCIL', 'SOCIAL_GROUP', 'STREET_OFFICE', 'WOMENS_FEDERATION']);
    const { alliances } = await api.ok(`{ alliances { edges { node { name members { totalCount } activity(first: 100) { totalCount } } } } }`);
    expect(alliances.edges[0].node.members.totalCount).toBe(2);
    expect(alliances.edges[0].node.activity.totalCount).toBeGreaterThan(30);
    expect(await api.sql(`SELECT status, count(*)::int AS n FROM alliance_member GROUP BY status ORDER BY status`)).toEqual([
      { status: 'ACTIVE', n: 2 },
      { status: 'APPLIED', n: 1 },
    ]);
    const { needs } = await api.ok(`{ needs(first: 20) { edges { node { status supportCount } } } }`);
    const statuses = needs.edges.map((e: any) => e.node.status);
    expect(statuses).toContain('OPEN');
    expect(statuses).toContain('ADOPTED');
    expect(await api.sql(`SELECT count(*)::int AS n FROM membership WHERE senior_title IS NOT NULL`)).toEqual([{ n: 3 }]);
  });

  it('should give the demo volunteer verified hours and the grid leader two proxy residents', async () => {
    const volunteer = DEMO_ACCOUNTS[0];
    const leader = DEMO_ACCOUNTS[1];
    const token = async (phone: string) => (await api.ok(`mutation($p: String!, $pw: String!) { login(input: { phone: $p, password: $pw }) { accessToken } }`, { p: phone, pw: DEMO_PASSWORD })).login.accessToken;
    expect((await api.ok(`{ me { serviceMinutes } }`, {}, await token(volunteer.phone))).me.serviceMinutes).toBe(180);
    expect((await api.ok(`{ proxyResidents { totalCount } }`, {}, await token(leader.phone))).proxyResidents.totalCount).toBe(2);
  });

  it('should hold a sound ledger: earnings of verified service, the street office’s budget, awards and one waiting for the second official', async () => {
    expect(await api.ledgerProblems()).toEqual([]);
    const [wang] = await api.sql(`SELECT a.balance FROM ledger_account a JOIN user_account u ON u.id = a.user_id WHERE u.phone = '13800000001' AND a.currency = 'POINTS'`);
    expect(wang.balance).toBeGreaterThan(0);
    const incentives = await api.sql(`SELECT status, count(*)::int AS n FROM incentive GROUP BY status ORDER BY status`);
    expect(incentives).toEqual([
      { status: 'ISSUED', n: 3 },
      { status: 'PENDING_APPROVAL', n: 1 },
    ]);
    const [{ budget }] = await api.sql(`SELECT row_to_json(b) AS budget FROM (SELECT balance, reserved FROM ledger_account WHERE organization_id = (SELECT id FROM organization WHERE kind = 'STREET_OFFICE' AND name = '玉林街道办事处')) b`);
    expect(budget).toEqual({ balance: 20_000 - 800, reserved: 800 });
  });

  it('should give the demo volunteer an honour and an issued certificate from the demo NGO that verifies publicly', async () => {
    const volunteer = DEMO_ACCOUNTS[0];
    const { accessToken } = (await api.ok(`mutation($p: String!, $pw: String!) { login(input: { phone: $p, password: $pw }) { accessToken } }`, { p: volunteer.phone, pw: DEMO_PASSWORD })).login;
    const { me, myCertificates } = await api.ok(`{ me { honours { title awardedBy { name } } } myCertificates { edges { node { serial status minutes pdfUrl organization { name } } } } }`, {}, accessToken);
    expect(me.honours).toEqual([{ title: '优秀志愿者', awardedBy: { name: '益邻社区服务中心' } }]);
    const [cert] = myCertificates.edges.map((e: any) => e.node);
    expect(cert).toMatchObject({ status: 'ISSUED', minutes: 180, organization: { name: '益邻社区服务中心' } });
    expect(cert.pdfUrl).toMatch(/^\/api\/certificates\//);
    const { verifyCertificate } = await api.ok(`query($s: String!) { verifyCertificate(serial: $s) { valid holderName minutes } }`, { s: cert.serial });
    expect(verifyCertificate).toEqual({ valid: true, holderName: '王*明', minutes: 180 });
    expect((await fetch(`${api.url}${cert.pdfUrl}`)).headers.get('content-type')).toBe('application/pdf');
  });

  it("should offer rewards at the alliance's merchants, with the demo volunteer's points spent and held and a settled month", async () => {
    const token = async (phone: string) => (await api.ok(`mutation($p: String!, $pw: String!) { login(input: { phone: $p, password: $pw }) { accessToken } }`, { p: phone, pw: DEMO_PASSWORD })).login.accessToken;
    const catalogue = (await api.ok(`{ rewards(first: 20) { edges { node { title status pointsCost merchant { name } alliance { name settlementRateFen } } } } }`)).rewards.edges.map((e: any) => e.node);
    expect(catalogue.map((r: any) => r.title).sort()).toEqual(['时令水果一份', '志愿者午餐券'].sort());
    expect(catalogue.every((r: any) => r.status === 'ACTIVE' && r.alliance.name === '玉林街道商家联盟' && r.alliance.settlementRateFen === 10)).toBe(true);
    // 王小明: 30 points earned for his 3 verified hours and a 200-point award, 10 spent at the fruit shop, 15 held by a code for the bistro.
    const volunteer = await token(DEMO_ACCOUNTS[0].phone);
    expect((await api.ok(`{ me { pointsBalance timeCreditMinutes } }`, {}, volunteer)).me).toEqual({ pointsBalance: 205, timeCreditMinutes: 180 });
    const mine = (await api.ok(`{ myRedemptions { edges { node { status code points reward { title } } } } }`, {}, volunteer)).myRedemptions.edges.map((e: any) => e.node);
    expect(mine.map((r: any) => [r.status, r.points, r.reward.title])).toEqual([
      ['HELD', 15, '志愿者午餐券'],
      ['CONFIRMED', 10, '时令水果一份'],
    ]);
    expect(mine[0].code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    // The fruit shop's statements: one redemption last month, two this month, at 10 fen a point.
    const [{ id: fruitShop }] = await api.sql(`SELECT id FROM organization WHERE name = '老王水果店'`);
    const owner = await token('13800000031');
    const monthOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 7);
    const local = new Date(Date.now() + 8 * 3_600_000);
    const monthStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000;
    const statement = async (month: string) =>
      (await api.ok(`query($id: ID!, $m: String!) { settlementStatement(organizationId: $id, month: $m) { redemptions points amountFen rateFen } }`, { id: fruitShop, m: month }, owner)).settlementStatement;
    expect(await statement(monthOf(monthStart - 86_400_000))).toEqual({ redemptions: 1, points: 10, amountFen: 100, rateFen: 10 });
    expect(await statement(monthOf(Date.now()))).toEqual({ redemptions: 2, points: 20, amountFen: 200, rateFen: 10 });
    expect(await api.ledgerProblems()).toEqual([]);
  });

  it('should not load twice into a database that has data', async () => {
    expect(await loadDemoData(api.running.app.get(DataSource))).toBe(false);
  });
});
