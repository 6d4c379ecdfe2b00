import { randomUUID } from 'node:crypto';
import { TestRegions, TestUser } from './support/factories';
import { TestApi } from './support/test-api';

const FIGURES = `organization { id } allocated issued pendingApproval remaining pointsPerHour approvalThreshold viewerCanIssue viewerCanAllocate`;
const BUDGET = `query($id: ID!) { budget(organizationId: $id) { ${FIGURES} } }`;
const MY_BUDGETS = `{ myBudgets { organization { id } remaining } }`;
const ALLOCATE = `mutation($input: AllocateBudgetInput!) { allocateBudget(input: $input) { ${FIGURES} } }`;
const CONFIGURE = `mutation($input: ConfigureBudgetInput!) { configureBudget(input: $input) { pointsPerHour approvalThreshold } }`;
const INCENTIVE_FIELDS = `id points reason status createdAt decidedAt decidedReason recipientName viewerCanDecide
  recipientUser { id } recipientOrganization { id } issuedBy { id } approvedBy { id } budget { remaining pendingApproval }`;
const ISSUE = `mutation($input: IssueIncentiveInput!) { issueIncentive(input: $input) { ${INCENTIVE_FIELDS} } }`;
const DECIDE = `mutation($input: DecideIncentiveInput!) { decideIncentive(input: $input) { ${INCENTIVE_FIELDS} } }`;
const OF_BUDGET = `query($id: ID!, $status: IncentiveStatus) { budgetIncentives(organizationId: $id, status: $status, first: 100) { totalCount edges { node { id status points viewerCanDecide } } } }`;
const PUBLIC = `query($regionId: ID, $first: Int, $after: String) { incentives(regionId: $regionId, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id points reason status recipientName recipientUser { id } recipientOrganization { id } } } } }`;
const POINTS = `{ me { pointsBalance } }`;

describe('budgets and officials’ incentives', () => {
  let api: TestApi;
  let regions: TestRegions;
  let admin: TestUser;
  let office: string;
  let official: TestUser;
  let otherOfficial: TestUser;
  let districtOfficial: TestUser;

  beforeAll(async () => {
    api = await TestApi.start();
    regions = await api.make.regions();
    admin = await api.make.user({ role: 'ADMIN' });
    office = await api.make.organization(regions.street.id, [], { kind: 'STREET_OFFICE', name: '测试街道办事处' });
    official = await api.make.official(regions.street);
    otherOfficial = await api.make.official(regions.otherStreet);
    districtOfficial = await api.make.official(regions.district);
  });
  afterAll(async () => {
    await api.close();
  });

  const allocate = (points: number, who = admin, organizationId = office) => api.gql(ALLOCATE, { input: { organizationId, points, memo: '2026年度志愿服务激励', idempotencyKey: randomUUID() } }, who.token);
  const issue = (over: Record<string, unknown>, who = official) =>
    api.gql(ISSUE, { input: { budgetOrganizationId: office, points: 100, reason: '连续三个月参与垃圾分类引导', idempotencyKey: randomUUID(), ...over } }, who.token);
  /** A fresh street office in its own region tree, with officials and a budget. */
  async function freshOffice(points: number) {
    const r = await api.make.regions();
    const id = await api.make.organization(r.street.id, [], { kind: 'STREET_OFFICE' });
    const officials = [await api.make.official(r.street), await api.make.official(r.street)];
    if (points) expect((await allocate(points, admin, id)).errors).toBeUndefined();
    return { id, officials, regions: r };
  }

  describe('allocation', () => {
    it('should let an administrator or a district official allocate, and tell the office’s officials', async () => {
      expect((await allocate(1000)).data!.allocateBudget).toMatchObject({ allocated: 1000, issued: 0, pendingApproval: 0, remaining: 1000, pointsPerHour: 10, approvalThreshold: 500 });
      expect((await allocate(500, districtOfficial)).data!.allocateBudget).toMatchObject({ allocated: 1500, remaining: 1500 });
      await api.eventsSettled();
      expect(await api.notificationKinds(official)).toContain('BUDGET_ALLOCATED');
      const audit = await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'budget.allocate' AND subject_id = $1 ORDER BY id`, [office]);
      expect(audit.map((a) => a.actor_user_id)).toEqual([admin.id, districtOfficial.id]);
    });

    it('should refuse the street’s own officials, others, organisations that are not street offices, and bad amounts', async () => {
      for (const who of [official, otherOfficial, await api.make.user()]) expect((await allocate(100, who)).errors![0].extensions!.code).toBe('FORBIDDEN');
      const ngo = await api.make.organization(regions.grid.id);
      expect((await allocate(100, admin, ngo)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'budget.notStreetOffice' });
      expect((await allocate(0)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect((await allocate(100, admin, randomUUID())).errors![0].extensions!.code).toBe('NOT_FOUND');
    });

    it('should show the budget and the viewer’s rights to its officials and administrators only, and list each viewer’s budgets', async () => {
      const mine = await api.ok(BUDGET, { id: office }, official.token);
      expect(mine.budget).toMatchObject({ viewerCanIssue: true, viewerCanAllocate: false });
      expect((await api.ok(BUDGET, { id: office }, districtOfficial.token)).budget).toMatchObject({ viewerCanIssue: true, viewerCanAllocate: true });
      expect((await api.ok(BUDGET, { id: office }, admin.token)).budget).toMatchObject({ viewerCanIssue: false, viewerCanAllocate: true });
      expect((await api.gql(BUDGET, { id: office }, otherOfficial.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
      expect((await api.ok(MY_BUDGETS, {}, official.token)).myBudgets.map((b: any) => b.organization.id)).toEqual([office]);
      expect((await api.ok(MY_BUDGETS, {}, otherOfficial.token)).myBudgets).toEqual([]);
      expect((await api.ok(MY_BUDGETS, {}, admin.token)).myBudgets.map((b: any) => b.organization.id)).toContain(office);
    });

    it('should let an administrator change the rate and threshold, and refuse bad values and the street’s officials', async () => {
      const { id } = await freshOffice(0);
      expect((await api.ok(CONFIGURE, { input: { organizationId: id, approvalThreshold: 300 } }, admin.token)).configureBudget).toEqual({ pointsPerHour: 10, approvalThreshold: 300 });
      expect((await api.ok(CONFIGURE, { input: { organizationId: id, pointsPerHour: 12 } }, admin.token)).configureBudget).toEqual({ pointsPerHour: 12, approvalThreshold: 300 });
      expect((await api.gql(CONFIGURE, { input: { organizationId: id, approvalThreshold: 0 } }, admin.token)).errors![0].extensions!.code).toBe('BAD_USER_INPUT');
      expect((await api.gql(CONFIGURE, { input: { organizationId: id, pointsPerHour: 5 } }, official.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('issuing', () => {
    it('should pay an incentive up to the threshold at once, tell the recipient and keep the figures', async () => {
      const { id, officials } = await freshOffice(1000);
      const v = await api.make.user({ displayName: '王小明' });
      const r = await api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientUserId: v.id, points: 500, reason: '抗洪抢险表现突出', idempotencyKey: randomUUID() } }, officials[0].token);
      expect(r.data!.issueIncentive).toMatchObject({ status: 'ISSUED', points: 500, recipientName: '王小明', recipientUser: { id: v.id }, issuedBy: { id: officials[0].id }, approvedBy: null, budget: { remaining: 500, pendingApproval: 0 } });
      expect((await api.ok(POINTS, {}, v.token)).me.pointsBalance).toBe(500);
      expect((await api.ok(BUDGET, { id }, admin.token)).budget).toMatchObject({ allocated: 1000, issued: 500, pendingApproval: 0, remaining: 500 });
      await api.eventsSettled();
      expect(await api.notificationKinds(v)).toContain('INCENTIVE_RECEIVED');
      const [audit] = await api.sql(`SELECT actor_user_id, detail FROM audit_entry WHERE action = 'incentive.issue' AND subject_id = $1`, [r.data!.issueIncentive.id]);
      expect(audit).toMatchObject({ actor_user_id: officials[0].id, detail: { points: 500, status: 'ISSUED' } });
    });

    it('should hold an incentive above the threshold for a second official: never the issuer, nor an official of another office', async () => {
      const { id, officials } = await freshOffice(2000);
      const [issuer, second] = officials;
      const org = await api.make.organization(regions.grid.id, [[await api.make.user(), 'ADMIN']]);
      const pending = (await api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientOrganizationId: org, points: 800, reason: '组织社区义诊', idempotencyKey: randomUUID() } }, issuer.token)).data!.issueIncentive;
      expect(pending).toMatchObject({ status: 'PENDING_APPROVAL', recipientOrganization: { id: org }, viewerCanDecide: false, budget: { remaining: 1200, pendingApproval: 800 } });
      await api.eventsSettled();
      expect(await api.notificationKinds(second)).toContain('INCENTIVE_AWAITING_APPROVAL');
      expect(await api.notificationKinds(issuer)).not.toContain('INCENTIVE_AWAITING_APPROVAL');
      expect((await api.ok(OF_BUDGET, { id, status: 'PENDING_APPROVAL' }, second.token)).budgetIncentives.edges.map((e: any) => e.node)).toEqual([{ id: pending.id, status: 'PENDING_APPROVAL', points: 800, viewerCanDecide: true }]);

      expect((await api.gql(DECIDE, { input: { incentiveId: pending.id, approve: true } }, issuer.token)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', key: 'incentive.ownIssue' });
      for (const who of [otherOfficial, admin, await api.make.user()]) expect((await api.gql(DECIDE, { input: { incentiveId: pending.id, approve: true } }, who.token)).errors![0].extensions!.code).toBe('FORBIDDEN');
      const approved = (await api.ok(DECIDE, { input: { incentiveId: pending.id, approve: true, reason: '情况属实' } }, second.token)).decideIncentive;
      expect(approved).toMatchObject({ status: 'ISSUED', approvedBy: { id: second.id }, decidedAt: expect.any(String), budget: { remaining: 1200, pendingApproval: 0 } });
      expect((await api.ok(BUDGET, { id }, admin.token)).budget).toMatchObject({ allocated: 2000, issued: 800, pendingApproval: 0, remaining: 1200 });
      expect((await api.sql(`SELECT balance FROM ledger_account WHERE organization_id = $1`, [org]))[0].balance).toBe(800);
      // Decided once.
      expect((await api.gql(DECIDE, { input: { incentiveId: pending.id, approve: false, reason: '再议' } }, second.token)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', key: 'incentive.alreadyDecided' });
      await api.eventsSettled();
      expect(await api.notificationKinds(issuer)).toContain('INCENTIVE_APPROVED');
      const audit = await api.sql(`SELECT action, actor_user_id FROM audit_entry WHERE subject_id = $1 ORDER BY id`, [pending.id]);
      expect(audit).toEqual([
        { action: 'incentive.issue', actor_user_id: issuer.id },
        { action: 'incentive.approve', actor_user_id: second.id },
      ]);
    });

    it('should return a rejected incentive’s points to the budget, and ask a reason to reject', async () => {
      const { id, officials } = await freshOffice(1000);
      const v = await api.make.user();
      const pending = (await api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientUserId: v.id, points: 900, reason: '表现突出', idempotencyKey: randomUUID() } }, officials[0].token)).data!.issueIncentive;
      expect((await api.gql(DECIDE, { input: { incentiveId: pending.id, approve: false } }, officials[1].token)).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      const rejected = (await api.ok(DECIDE, { input: { incentiveId: pending.id, approve: false, reason: '材料不全' } }, officials[1].token)).decideIncentive;
      expect(rejected).toMatchObject({ status: 'REJECTED', decidedReason: '材料不全', approvedBy: null, budget: { remaining: 1000, pendingApproval: 0 } });
      expect((await api.ok(POINTS, {}, v.token)).me.pointsBalance).toBe(0);
      await api.eventsSettled();
      expect(await api.notificationKinds(officials[0])).toContain('INCENTIVE_REJECTED');
      expect(await api.notificationKinds(v)).not.toContain('INCENTIVE_RECEIVED');
    });

    type Case = { v: string; org: string; office: string; issuer: string };
    it.each<[string, (c: Case) => Record<string, unknown>, string, string | undefined]>([
      ['no recipient', () => ({}), 'BAD_USER_INPUT', 'incentive.oneRecipient'],
      ['two recipients', (c) => ({ recipientUserId: c.v, recipientOrganizationId: c.org }), 'BAD_USER_INPUT', 'incentive.oneRecipient'],
      ['an empty reason', (c) => ({ recipientUserId: c.v, reason: '   ' }), 'BAD_USER_INPUT', 'incentive.reasonRequired'],
      ['more than remains', (c) => ({ recipientUserId: c.v, points: 1001 }), 'CONFLICT', 'budget.insufficient'],
      ['more than remains, above the threshold', (c) => ({ recipientUserId: c.v, points: 5000 }), 'CONFLICT', 'budget.insufficient'],
      ['the office itself as recipient', (c) => ({ recipientOrganizationId: c.office }), 'BAD_USER_INPUT', 'incentive.toOwnBudget'],
      ['the issuing official themselves', (c) => ({ recipientUserId: c.issuer }), 'BAD_USER_INPUT', 'incentive.toSelf'],
      ['nobody', () => ({ recipientUserId: '00000000-0000-4000-8000-000000000001' }), 'NOT_FOUND', 'user.notFound'],
      ['zero points', (c) => ({ recipientUserId: c.v, points: 0 }), 'BAD_USER_INPUT', undefined],
    ])('should refuse an incentive with %s and change nothing', async (_what, over, code, key) => {
      const { id, officials } = await freshOffice(1000);
      const c = { v: (await api.make.user()).id, org: await api.make.organization(regions.grid.id), office: id, issuer: officials[0].id };
      const e = (await api.gql(ISSUE, { input: { budgetOrganizationId: id, points: 100, reason: '表现突出', idempotencyKey: randomUUID(), ...over(c) } }, officials[0].token)).errors![0].extensions!;
      expect(e.code).toBe(code);
      if (key) expect(e.key).toBe(key);
      expect((await api.ok(BUDGET, { id }, admin.token)).budget).toMatchObject({ issued: 0, pendingApproval: 0, remaining: 1000 });
      expect((await api.sql(`SELECT count(*)::int AS n FROM incentive WHERE budget_organization_id = $1`, [id]))[0].n).toBe(0);
    });

    it('should refuse an official of another street, an administrator and residents', async () => {
      const v = await api.make.user();
      for (const who of [otherOfficial, admin, v]) expect((await issue({ recipientUserId: v.id }, who)).errors![0].extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('under concurrency', () => {
    it('should issue exactly 10 of 50 concurrent incentives against a budget of 10 awards', async () => {
      const { id, officials } = await freshOffice(1000);
      const people = await api.make.users(50);
      const replies = await Promise.all(
        people.map((p, i) => api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientUserId: p.id, points: 100, reason: '表现突出', idempotencyKey: randomUUID() } }, officials[i % 2].token)),
      );
      expect(replies.filter((r) => !r.errors).length).toBe(10);
      expect(replies.filter((r) => r.errors).map((r) => r.errors![0].extensions!.key)).toEqual(Array(40).fill('budget.insufficient'));
      const [b] = await api.sql(`SELECT balance, reserved FROM ledger_account WHERE organization_id = $1`, [id]);
      expect(b).toEqual({ balance: 0, reserved: 0 });
      expect((await api.sql(`SELECT count(*)::int AS n, sum(points)::int AS points FROM incentive WHERE budget_organization_id = $1 AND status = 'ISSUED'`, [id]))[0]).toEqual({ n: 10, points: 1000 });
      expect(await api.ledgerProblems()).toEqual([]);
    });

    it('should hold exactly one of 30 concurrent incentives above the threshold that only one fits', async () => {
      const { id, officials } = await freshOffice(1000);
      const people = await api.make.users(30);
      const replies = await Promise.all(
        people.map((p) => api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientUserId: p.id, points: 600, reason: '表现突出', idempotencyKey: randomUUID() } }, officials[0].token)),
      );
      expect(replies.filter((r) => !r.errors).map((r) => r.data!.issueIncentive.status)).toEqual(['PENDING_APPROVAL']);
      expect((await api.ok(BUDGET, { id }, admin.token)).budget).toMatchObject({ pendingApproval: 600, remaining: 400 });
    });

    it('should give one incentive for 20 concurrent requests with one key, and refuse the key for another input', async () => {
      const { id, officials } = await freshOffice(1000);
      const v = await api.make.user();
      const input = { budgetOrganizationId: id, recipientUserId: v.id, points: 100, reason: '表现突出', idempotencyKey: randomUUID() };
      const replies = await Promise.all(Array.from({ length: 20 }, () => api.gql(ISSUE, { input }, officials[0].token)));
      expect(replies.every((r) => !r.errors)).toBe(true);
      expect(new Set(replies.map((r) => r.data!.issueIncentive.id)).size).toBe(1);
      expect((await api.ok(POINTS, {}, v.token)).me.pointsBalance).toBe(100);
      expect((await api.gql(ISSUE, { input: { ...input, points: 200 } }, officials[0].token)).errors![0].extensions).toMatchObject({ code: 'CONFLICT', key: 'idempotency.keyReused' });
    });

    it('should let only one of two officials deciding at once win', async () => {
      const { id, officials, regions: r } = await freshOffice(1000);
      const third = await api.make.official(r.street);
      const v = await api.make.user();
      const pending = (await api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientUserId: v.id, points: 700, reason: '表现突出', idempotencyKey: randomUUID() } }, officials[0].token)).data!.issueIncentive;
      const replies = await Promise.all([
        api.gql(DECIDE, { input: { incentiveId: pending.id, approve: true } }, officials[1].token),
        api.gql(DECIDE, { input: { incentiveId: pending.id, approve: false, reason: '不符合条件' } }, third.token),
      ]);
      expect(replies.filter((x) => !x.errors).length).toBe(1);
      expect(replies.filter((x) => x.errors).map((x) => x.errors![0].extensions!.key)).toEqual(['incentive.alreadyDecided']);
      const [b] = await api.sql(`SELECT reserved FROM ledger_account WHERE organization_id = $1`, [id]);
      expect(b.reserved).toBe(0);
    });
  });

  describe('publicity', () => {
    it('should list issued awards publicly, persons’ names masked, by region, newest first', async () => {
      const { id, officials, regions: r } = await freshOffice(3000);
      const v = await api.make.user({ displayName: '李秀英' });
      const org = await api.make.organization(r.grid.id, [], { name: '益邻社区服务中心' });
      await api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientUserId: v.id, points: 100, reason: '照顾独居老人', idempotencyKey: randomUUID() } }, officials[0].token);
      await api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientOrganizationId: org, points: 200, reason: '组织义诊', idempotencyKey: randomUUID() } }, officials[0].token);
      await api.gql(ISSUE, { input: { budgetOrganizationId: id, recipientUserId: v.id, points: 900, reason: '待批', idempotencyKey: randomUUID() } }, officials[0].token);
      const list = (await api.ok(PUBLIC, { regionId: r.grid.id, first: 10 })).incentives;
      expect(list.totalCount).toBe(2);
      expect(list.edges.map((e: any) => e.node)).toEqual([
        { id: expect.any(String), points: 200, reason: '组织义诊', status: 'ISSUED', recipientName: '益邻社区服务中心', recipientUser: null, recipientOrganization: { id: org } },
        { id: expect.any(String), points: 100, reason: '照顾独居老人', status: 'ISSUED', recipientName: '李*英', recipientUser: null, recipientOrganization: null },
      ]);
      // The recipient and the office's officials see who it is.
      expect((await api.ok(PUBLIC, { regionId: r.street.id, first: 10 }, v.token)).incentives.edges[1].node).toMatchObject({ recipientName: '李秀英', recipientUser: { id: v.id } });
      expect((await api.ok(PUBLIC, { regionId: r.street.id, first: 10 }, officials[1].token)).incentives.edges[1].node.recipientName).toBe('李秀英');
      // Another district's list does not show them.
      expect((await api.ok(PUBLIC, { regionId: regions.otherStreet.id, first: 10 })).incentives.edges.map((e: any) => e.node.reason)).not.toContain('照顾独居老人');
      expect((await api.gql(PUBLIC, { regionId: randomUUID() })).errors![0].extensions!.code).toBe('NOT_FOUND');
      expect((await api.ok(PUBLIC, { first: 1 })).incentives.pageInfo.hasNextPage).toBe(true);
    });
  });
});
