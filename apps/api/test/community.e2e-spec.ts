import { RequestContext } from '@civicgrid/platform';
import { TasksService } from '@civicgrid/volunteering';
import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id status role user { id } } }`;
const JOIN = `mutation($input: JoinOrganizationInput!) { joinOrganization(input: $input) { id status role } }`;
const DECIDE_MEMBERSHIP = `mutation($id: ID!, $accept: Boolean!) { decideMembership(input: { membershipId: $id, accept: $accept }) { id status role } }`;
const CHANGE_ROLE = `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { id role seniorTitle } }`;
const LEAVE = `mutation($org: ID!) { leaveOrganization(organizationId: $org) { id status } }`;
const REMOVE = `mutation($id: ID!) { removeMember(input: { membershipId: $id }) { id status } }`;
const CREATE_ALLIANCE = `mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id name pledgeOptions steward { id } region { id } } }`;
const APPLY = `mutation($input: ApplyToAllianceInput!) { applyToAlliance(input: $input) { id status pledges organization { id } alliance { id } } }`;
const DECIDE_APPLICATION = `mutation($input: DecideAllianceApplicationInput!) { decideAllianceApplication(input: $input) { id status joinedAt decisionReason } }`;
const RECORD = `mutation($input: RecordPledgeActivityInput!) { recordPledgeActivity(input: $input) { id pledge quantity unit note member { id } } }`;
const PUBLISH_NEED = `mutation($input: PublishNeedInput!) { publishNeed(input: $input) { id status supportCount postedBy { id } onBehalfOf { id } } }`;
const SUPPORT = `mutation($id: ID!) { supportNeed(needId: $id) { id supportCount viewerSupports } }`;
const ADOPT = `mutation($input: AdoptNeedInput!) { adoptNeed(input: $input) { id status title need { id status adoptedBy { id } } } }`;
const REVIEW = `mutation($input: ReviewTaskInput!) { reviewTask(input: $input) { id rating comment reviewer { id } task { id averageRating } } }`;

describe('community', () => {
  let api: TestApi;
  let regions: TestRegions;
  beforeAll(async () => {
    api = await TestApi.start();
    regions = await api.make.regions();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('officials', () => {
    it('should let an administrator give a post, audited, and refuse everyone else', async () => {
      const admin = await api.make.user({ role: 'ADMIN' });
      const person = await api.make.user();
      const q = `mutation($input: AssignOfficialInput!) { assignOfficial(input: $input) { id title user { id role officialPosts { id } } region { id } } }`;
      const input = { userId: person.id, regionId: regions.street.id, title: '街道办副主任' };
      expect(await api.fails(q, { input }, person.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(q, { input })).toMatchObject({ code: 'UNAUTHENTICATED' });
      const { assignOfficial } = await api.ok(q, { input }, admin.token);
      expect(assignOfficial).toMatchObject({ title: '街道办副主任', user: { id: person.id, role: 'OFFICIAL' }, region: { id: regions.street.id } });
      expect(await api.fails(q, { input }, admin.token)).toMatchObject({ code: 'CONFLICT' });
      expect(await api.fails(q, { input: { ...input, userId: '00000000-0000-4000-8000-000000000001' } }, admin.token)).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
      expect(await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'official.assign' AND subject_id = $1`, [person.id])).toEqual([{ actor_user_id: admin.id }]);
    });

    it('should let an official verify an organisation in their region only, once', async () => {
      const inScope = await api.make.official(regions.street);
      const outOfScope = await api.make.official(regions.otherStreet);
      const org = await api.make.organization(regions.grid.id, [], { verified: false });
      const q = `mutation($id: ID!) { verifyOrganization(id: $id) { id verified verifiedAt } }`;
      expect(await api.fails(q, { id: org }, outOfScope.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(q, { id: org }, (await api.make.user()).token)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.ok(q, { id: org }, inScope.token)).verifyOrganization).toMatchObject({ verified: true, verifiedAt: expect.any(String) });
      expect(await api.fails(q, { id: org }, inScope.token)).toMatchObject({ code: 'CONFLICT' });
      expect(await api.fails(q, { id: '00000000-0000-4000-8000-000000000001' }, inScope.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'organization.verify' AND subject_id = $1`, [org])).toEqual([{ actor_user_id: inScope.id }]);
    });
  });

  describe('membership', () => {
    it('should invite by phone, let the invitee accept, and take requests to join that an admin decides', async () => {
      const owner = await api.make.user();
      const org = await api.make.organization(regions.grid.id, [[owner, 'OWNER']]);
      const invitee = await api.make.user();
      const invited = (await api.ok(INVITE, { input: { organizationId: org, phone: invitee.phone, role: 'COORDINATOR' } }, owner.token)).inviteMember;
      expect(invited).toMatchObject({ status: 'INVITED', role: 'COORDINATOR', user: { id: invitee.id } });
      expect((await api.ok(`{ myMemberships(status: INVITED) { id organization { id } } }`, {}, invitee.token)).myMemberships).toEqual([{ id: invited.id, organization: { id: org } }]);
      expect(await api.fails(DECIDE_MEMBERSHIP, { id: invited.id, accept: true }, owner.token)).toMatchObject({ code: 'CONFLICT' });
      expect((await api.ok(DECIDE_MEMBERSHIP, { id: invited.id, accept: true }, invitee.token)).decideMembership.status).toBe('ACTIVE');

      const asker = await api.make.user();
      const request = (await api.ok(JOIN, { input: { organizationId: org, message: 'I live nearby' } }, asker.token)).joinOrganization;
      expect(request).toMatchObject({ status: 'REQUESTED', role: 'MEMBER' });
      expect(await api.fails(JOIN, { input: { organizationId: org } }, asker.token)).toMatchObject({ code: 'CONFLICT' });
      expect(await api.fails(DECIDE_MEMBERSHIP, { id: request.id, accept: true }, invitee.token)).toMatchObject({ code: 'FORBIDDEN' });
      const pending = await api.ok(`query($id: ID!) { organization(id: $id) { members(status: REQUESTED) { totalCount } } }`, { id: org }, owner.token);
      expect(pending.organization.members.totalCount).toBe(1);
      expect((await api.ok(DECIDE_MEMBERSHIP, { id: request.id, accept: true }, owner.token)).decideMembership.status).toBe('ACTIVE');
      expect(await api.fails(INVITE, { input: { organizationId: org, phone: asker.phone, role: 'MEMBER' } }, owner.token)).toMatchObject({ code: 'CONFLICT' });
      expect(await api.fails(INVITE, { input: { organizationId: org, phone: api.make.nextPhone(), role: 'MEMBER' } }, owner.token)).toMatchObject({ code: 'NOT_FOUND', field: 'phone' });
      expect(await api.fails(INVITE, { input: { organizationId: org, phone: 'abc', role: 'MEMBER' } }, owner.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'phone' });
      expect(await api.fails(INVITE, { input: { organizationId: org, phone: asker.phone, role: 'MEMBER' } }, invitee.token)).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('should never let the last owner leave or be demoted, even under concurrent demotions', async () => {
      const [a, b] = await api.make.users(2);
      const org = await api.make.organization(regions.grid.id, [
        [a, 'OWNER'],
        [b, 'OWNER'],
      ]);
      const ids = await api.sql(`SELECT id, user_id FROM membership WHERE organization_id = $1`, [org]);
      const idOf = (u: TestUser) => ids.find((r) => r.user_id === u.id).id;
      // Each owner demotes the other at the same moment: one must fail.
      const results = await Promise.all([
        api.gql(CHANGE_ROLE, { input: { membershipId: idOf(b), role: 'MEMBER' } }, a.token),
        api.gql(CHANGE_ROLE, { input: { membershipId: idOf(a), role: 'MEMBER' } }, b.token),
      ]);
      expect(results.filter((r) => r.errors).length).toBe(1);
      expect(await api.sql(`SELECT count(*)::int AS n FROM membership WHERE organization_id = $1 AND role = 'OWNER' AND status = 'ACTIVE'`, [org])).toEqual([{ n: 1 }]);
      const [{ user_id: ownerId }] = await api.sql(`SELECT user_id FROM membership WHERE organization_id = $1 AND role = 'OWNER'`, [org]);
      const owner = ownerId === a.id ? a : b;
      expect(await api.fails(LEAVE, { org }, owner.token)).toMatchObject({ code: 'CONFLICT', key: 'membership.lastOwner' });
      expect(await api.fails(CHANGE_ROLE, { input: { membershipId: idOf(owner), role: 'ADMIN' } }, owner.token)).toMatchObject({ code: 'CONFLICT', key: 'membership.lastOwner' });
      // The database refuses it too.
      await expect(api.sql(`UPDATE membership SET status = 'LEFT' WHERE id = $1`, [idOf(owner)])).rejects.toThrow(/no owner/);
    });

    it('should take access away at once from a removed member', async () => {
      const owner = await api.make.user();
      const coordinator = await api.make.user();
      const org = await api.make.organization(regions.grid.id, [
        [owner, 'OWNER'],
        [coordinator, 'COORDINATOR'],
      ]);
      const task = await api.make.task(org, regions.grid, { status: 'DRAFT' });
      expect((await api.ok(`query($id: ID!) { task(id: $id) { id } }`, { id: task.id }, coordinator.token)).task).not.toBeNull();
      const [{ id }] = await api.sql(`SELECT id FROM membership WHERE organization_id = $1 AND user_id = $2`, [org, coordinator.id]);
      expect(await api.fails(REMOVE, { id }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.ok(REMOVE, { id }, owner.token)).removeMember.status).toBe('REMOVED');
      expect((await api.ok(`query($id: ID!) { task(id: $id) { id } }`, { id: task.id }, coordinator.token)).task).toBeNull();
      expect(await api.fails(`mutation($id: ID!) { publishTask(id: $id) { id } }`, { id: task.id }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND' });
    });

    it("should record titles for a seniors' council only, and make department members department staff", async () => {
      const owner = await api.make.user();
      const council = await api.make.organization(regions.street.id, [[owner, 'OWNER']], { kind: 'SENIORS_COUNCIL' });
      const ngo = await api.make.organization(regions.street.id, [[owner, 'OWNER']]);
      const [{ id: councilOwnership }] = await api.sql(`SELECT id FROM membership WHERE organization_id = $1`, [council]);
      const [{ id: ngoOwnership }] = await api.sql(`SELECT id FROM membership WHERE organization_id = $1`, [ngo]);
      expect((await api.ok(CHANGE_ROLE, { input: { membershipId: councilOwnership, role: 'OWNER', seniorTitle: 'RETIRED_TEACHER' } }, owner.token)).changeMemberRole.seniorTitle).toBe('RETIRED_TEACHER');
      expect(await api.fails(CHANGE_ROLE, { input: { membershipId: ngoOwnership, role: 'OWNER', seniorTitle: 'VETERAN' } }, owner.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'seniorTitle' });

      const admin = await api.make.user({ role: 'ADMIN' });
      const dept = (await api.ok(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: { name: '城管局', kind: 'DEPARTMENT', regionId: regions.district.id } }, admin.token)).createOrganization.id;
      const staff = await api.make.user();
      const m = (await api.ok(INVITE, { input: { organizationId: dept, phone: staff.phone, role: 'MEMBER' } }, admin.token)).inviteMember;
      await api.ok(DECIDE_MEMBERSHIP, { id: m.id, accept: true }, staff.token);
      expect((await api.ok(`{ me { role } }`, {}, staff.token)).me.role).toBe('DEPARTMENT_STAFF');
    });
  });

  describe('alliances', () => {
    async function setup() {
      const steward = await api.make.user();
      const stewardOrg = await api.make.organization(regions.street.id, [[steward, 'ADMIN']], { kind: 'STREET_OFFICE' });
      const merchant = await api.make.user();
      const shop = await api.make.organization(regions.grid.id, [[merchant, 'OWNER']], { kind: 'MERCHANT' });
      const { createAlliance } = await api.ok(
        CREATE_ALLIANCE,
        { input: { name: `玉林商家联盟 ${Math.random()}`, regionId: regions.street.id, charter: '共建共治', pledgeOptions: ['waste sorting', 'VOLUNTEER_DISCOUNT', 'waste-sorting'], stewardOrganizationId: stewardOrg } },
        steward.token,
      );
      return { steward, stewardOrg, merchant, shop, alliance: createAlliance };
    }

    it('should let a merchant apply with pledges and the steward approve, then record activity in the feed', async () => {
      const { steward, merchant, shop, alliance } = await setup();
      expect(alliance.pledgeOptions).toEqual(['WASTE_SORTING', 'VOLUNTEER_DISCOUNT']);
      const app = (await api.ok(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges: ['waste_sorting'] } }, merchant.token)).applyToAlliance;
      expect(app).toMatchObject({ status: 'APPLIED', pledges: ['WASTE_SORTING'] });
      expect(await api.fails(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges: ['WASTE_SORTING'] } }, merchant.token)).toMatchObject({ code: 'CONFLICT' });
      const queue = await api.ok(`{ pendingAllianceApplications { totalCount edges { node { id } } } }`, {}, steward.token);
      expect(queue.pendingAllianceApplications.edges.map((e: any) => e.node.id)).toContain(app.id);
      expect(await api.fails(DECIDE_APPLICATION, { input: { allianceMemberId: app.id, approve: true } }, merchant.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.ok(DECIDE_APPLICATION, { input: { allianceMemberId: app.id, approve: true } }, steward.token)).decideAllianceApplication).toMatchObject({ status: 'ACTIVE', joinedAt: expect.any(String) });
      expect(await api.fails(RECORD, { input: { allianceMemberId: app.id, pledge: 'VOLUNTEER_DISCOUNT' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pledge' });
      expect(await api.fails(RECORD, { input: { allianceMemberId: app.id, pledge: 'WASTE_SORTING', quantity: 3 } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(await api.fails(RECORD, { input: { allianceMemberId: app.id, pledge: 'WASTE_SORTING' } }, steward.token)).toMatchObject({ code: 'FORBIDDEN' });
      const { recordPledgeActivity } = await api.ok(RECORD, { input: { allianceMemberId: app.id, pledge: 'WASTE_SORTING', quantity: 12.5, unit: 'kg', note: '厨余垃圾分类' } }, merchant.token);
      expect(recordPledgeActivity).toMatchObject({ pledge: 'WASTE_SORTING', quantity: 12.5, unit: 'KG' });
      const page = await api.ok(`query($id: ID!) { alliance(id: $id) { members { totalCount edges { node { organization { id } } } } activity { totalCount edges { node { id quantity member { organization { id } } } } } } }`, { id: alliance.id });
      expect(page.alliance.members.edges).toEqual([{ node: { organization: { id: shop } } }]);
      expect(page.alliance.activity).toMatchObject({ totalCount: 1, edges: [{ node: { id: recordPledgeActivity.id, member: { organization: { id: shop } } } }] });
    });

    it('should need a reason to reject, let an official in scope decide, and refuse one out of scope', async () => {
      const { merchant, shop, alliance } = await setup();
      const app = (await api.ok(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges: ['VOLUNTEER_DISCOUNT'] } }, merchant.token)).applyToAlliance;
      const outOfScope = await api.make.official(regions.otherStreet);
      const inScope = await api.make.official(regions.street);
      expect(await api.fails(DECIDE_APPLICATION, { input: { allianceMemberId: app.id, approve: true } }, outOfScope.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(DECIDE_APPLICATION, { input: { allianceMemberId: app.id, approve: false } }, inScope.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect((await api.ok(DECIDE_APPLICATION, { input: { allianceMemberId: app.id, approve: false, reason: '不在本街道' } }, inScope.token)).decideAllianceApplication).toMatchObject({ status: 'REJECTED', decisionReason: '不在本街道' });
      expect(await api.fails(DECIDE_APPLICATION, { input: { allianceMemberId: app.id, approve: true } }, inScope.token)).toMatchObject({ code: 'CONFLICT' });
      // A rejected organisation may apply again.
      expect((await api.ok(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges: ['VOLUNTEER_DISCOUNT'] } }, merchant.token)).applyToAlliance.status).toBe('APPLIED');
    });

    it('should suspend and reinstate members, let them leave, and refuse bad alliances', async () => {
      const { steward, stewardOrg, merchant, shop, alliance } = await setup();
      const app = (await api.ok(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges: ['WASTE_SORTING'] } }, merchant.token)).applyToAlliance;
      await api.ok(DECIDE_APPLICATION, { input: { allianceMemberId: app.id, approve: true } }, steward.token);
      const act = (name: string, token: string) => api.gql(`mutation($id: ID!) { ${name}(input: { allianceMemberId: $id, reason: "audit" }) { status } }`, { id: app.id }, token);
      expect((await act('suspendAllianceMember', steward.token)).data?.suspendAllianceMember.status).toBe('SUSPENDED');
      expect(await api.fails(RECORD, { input: { allianceMemberId: app.id, pledge: 'WASTE_SORTING' } }, merchant.token)).toMatchObject({ code: 'CONFLICT' });
      expect((await act('reinstateAllianceMember', steward.token)).data?.reinstateAllianceMember.status).toBe('ACTIVE');
      expect((await act('leaveAlliance', merchant.token)).data?.leaveAlliance.status).toBe('LEFT');
      const input = { name: 'x', regionId: regions.grid.id, charter: 'c', pledgeOptions: ['A'], stewardOrganizationId: stewardOrg };
      expect(await api.fails(CREATE_ALLIANCE, { input }, steward.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionId' });
      expect(await api.fails(CREATE_ALLIANCE, { input: { ...input, regionId: regions.street.id } }, merchant.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CREATE_ALLIANCE, { input: { ...input, regionId: regions.street.id, name: alliance.name } }, steward.token)).toMatchObject({ code: 'CONFLICT' });
      const outsider = await api.make.organization(regions.otherGrid.id, [[merchant, 'OWNER']], { kind: 'MERCHANT' });
      expect(await api.fails(APPLY, { input: { allianceId: alliance.id, organizationId: outsider, pledges: ['WASTE_SORTING'] } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
      expect(await api.fails(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges: ['BAKING'] } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pledges' });
    });
  });

  describe('needs and reviews', () => {
    it('should publish a need for oneself, for a resident through a proxy or their grid leader, and refuse a stranger', async () => {
      const [resident, proxy, stranger] = await api.make.users(3);
      await api.sql(`UPDATE user_account SET home_region_id = $2 WHERE id = $1`, [resident.id, regions.grid.id]);
      await api.make.proxyGrant(resident, proxy);
      const leader = await api.make.user();
      await api.sql(`UPDATE user_account SET leads_grid_id = $2 WHERE id = $1`, [leader.id, regions.grid.id]);
      const input = { title: '楼道灯坏了', description: '3 栋 2 单元楼道灯不亮，老人晚上下楼不安全', category: 'safety', regionId: regions.grid.id };
      expect((await api.ok(PUBLISH_NEED, { input }, resident.token)).publishNeed).toMatchObject({ status: 'OPEN', supportCount: 0, postedBy: { id: resident.id }, onBehalfOf: null });
      expect((await api.ok(PUBLISH_NEED, { input: { ...input, onBehalfOfUserId: resident.id } }, proxy.token)).publishNeed.onBehalfOf).toEqual({ id: resident.id });
      expect((await api.ok(PUBLISH_NEED, { input: { ...input, onBehalfOfUserId: resident.id } }, leader.token)).publishNeed.onBehalfOf).toEqual({ id: resident.id });
      expect(await api.fails(PUBLISH_NEED, { input: { ...input, onBehalfOfUserId: resident.id } }, stranger.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(PUBLISH_NEED, { input: { ...input, title: '  ' } }, resident.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(await api.fails(PUBLISH_NEED, { input })).toMatchObject({ code: 'UNAUTHENTICATED' });
      const board = await api.ok(`query($r: ID) { needs(filter: { regionId: $r, status: OPEN, category: "SAFETY" }) { totalCount } }`, { r: regions.street.id });
      expect(board.needs.totalCount).toBe(3);
    });

    it('should count 20 people supporting a need at once as 20, and refuse a second support', async () => {
      const poster = await api.make.user();
      const need = (await api.ok(PUBLISH_NEED, { input: { title: 'Bench', description: 'A bench at the bus stop', category: 'OTHER', regionId: regions.grid.id } }, poster.token)).publishNeed;
      const people = await api.make.users(20);
      const results = await Promise.all(people.map((p) => api.gql(SUPPORT, { id: need.id }, p.token)));
      expect(results.filter((r) => r.errors)).toEqual([]);
      const [row] = await api.sql(`SELECT support_count, (SELECT count(*)::int FROM need_support WHERE need_id = $1) AS rows FROM need WHERE id = $1`, [need.id]);
      expect(row).toEqual({ support_count: 20, rows: 20 });
      expect(await api.fails(SUPPORT, { id: need.id }, people[0].token)).toMatchObject({ code: 'CONFLICT', key: 'need.alreadySupported' });
      expect(await api.fails(SUPPORT, { id: need.id }, poster.token)).toMatchObject({ code: 'CONFLICT', key: 'need.ownNeed' });
      expect((await api.ok(`query($id: ID!) { need(id: $id) { supportCount viewerSupports } }`, { id: need.id }, people[1].token)).need).toEqual({ supportCount: 20, viewerSupports: true });
    });

    it('should let a coordinator adopt a need into a draft task, fulfil it when the task completes, and take reviews', async () => {
      const poster = await api.make.user();
      await api.sql(`UPDATE user_account SET home_region_id = $2 WHERE id = $1`, [poster.id, regions.grid.id]);
      const coordinator = await api.make.user();
      const org = await api.make.organization(regions.street.id, [[coordinator, 'COORDINATOR']]);
      const need = (await api.ok(PUBLISH_NEED, { input: { title: '助老送餐', description: '独居老人午餐', category: 'ELDER_CARE', regionId: regions.grid.id } }, poster.token)).publishNeed;
      expect(await api.fails(ADOPT, { input: { needId: need.id, organizationId: org } }, poster.token)).toMatchObject({ code: 'FORBIDDEN' });
      const task = (await api.ok(ADOPT, { input: { needId: need.id, organizationId: org } }, coordinator.token)).adoptNeed;
      expect(task).toMatchObject({ status: 'DRAFT', title: '助老送餐', need: { id: need.id, status: 'ADOPTED', adoptedBy: { id: org } } });
      expect(await api.fails(ADOPT, { input: { needId: need.id, organizationId: org } }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });

      // Add a shift, publish, serve; verifying the last claim completes the task and fulfils the need.
      const start = new Date(Date.now() + 60_000).toISOString();
      const end = new Date(Date.now() + 3_600_000).toISOString();
      const { addShift } = await api.ok(`mutation($input: AddShiftInput!) { addShift(input: $input) { id } }`, { input: { taskId: task.id, startsAt: start, endsAt: end, capacity: 2 } }, coordinator.token);
      await api.ok(`mutation($id: ID!) { publishTask(id: $id) { id } }`, { id: task.id }, coordinator.token);
      const volunteer = await api.make.user();
      const claim = await api.make.claim(addShift.id, volunteer, 'CHECKED_IN', { check_in_at: new Date() });
      await api.sql(`UPDATE shift SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`, [addShift.id]);
      expect(await api.fails(REVIEW, { input: { taskId: task.id, rating: 5 } }, volunteer.token)).toMatchObject({ code: 'CONFLICT', key: 'review.notCompleted' });
      await api.ok(`mutation($input: VerifyServiceInput!) { verifyService(input: $input) { id } }`, { input: { claimId: claim, approve: true, minutes: 60 } }, coordinator.token);
      // The need follows its task through the `task.completed` event.
      await api.eventsSettled();
      const after = await api.ok(`query($id: ID!) { task(id: $id) { status completedAt need { status } } }`, { id: task.id });
      const told = await api.sql(`SELECT kind FROM notification WHERE user_id = $1 ORDER BY seq`, [poster.id]);
      expect(told.map((n: { kind: string }) => n.kind)).toEqual(['NEED_ADOPTED', 'NEED_FULFILLED']);
      expect(after.task).toMatchObject({ status: 'COMPLETED', completedAt: expect.any(String), need: { status: 'FULFILLED' } });

      expect((await api.ok(REVIEW, { input: { taskId: task.id, rating: 5, comment: '很好' } }, volunteer.token)).reviewTask).toMatchObject({ rating: 5, task: { averageRating: 5 } });
      expect((await api.ok(REVIEW, { input: { taskId: task.id, rating: 4 } }, poster.token)).reviewTask.task.averageRating).toBe(4.5);
      expect(await api.fails(REVIEW, { input: { taskId: task.id, rating: 3 } }, poster.token)).toMatchObject({ code: 'CONFLICT', key: 'review.duplicate' });
      expect(await api.fails(REVIEW, { input: { taskId: task.id, rating: 3 } }, (await api.make.user()).token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(REVIEW, { input: { taskId: task.id, rating: 6 } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rating' });
      const reviews = await api.ok(`query($id: ID!) { task(id: $id) { averageRating reviews { totalCount edges { node { rating reviewer { id } } } } } }`, { id: task.id });
      expect(reviews.task).toMatchObject({ averageRating: 4.5, reviews: { totalCount: 2 } });
    });

    it("should tell each viewer their own review of a task, and nobody else's", async () => {
      const coordinator = await api.make.user();
      const org = await api.make.organization(regions.street.id, [[coordinator, 'COORDINATOR']]);
      const t = await api.make.task(org, regions.grid, { shifts: [{ startInHours: -3, hours: 1, capacity: 3 }] });
      const [reviewer, other] = await api.make.users(2);
      const served = { check_in_at: new Date(Date.now() - 3 * 3_600_000), check_out_at: new Date(Date.now() - 2 * 3_600_000) };
      await api.make.claim(t.shiftIds[0], reviewer, 'ATTENDED', served);
      await api.make.claim(t.shiftIds[0], other, 'ATTENDED', served);
      await api.sql(`UPDATE task SET status = 'COMPLETED', completed_at = now() WHERE id = $1`, [t.id]);
      const MINE = `query($id: ID!) { task(id: $id) { viewerReview { id rating comment reviewer { id } } } }`;
      expect((await api.ok(MINE, { id: t.id }, reviewer.token)).task.viewerReview).toBeNull();
      const made = (await api.ok(REVIEW, { input: { taskId: t.id, rating: 4, comment: '组织得好' } }, reviewer.token)).reviewTask;
      expect((await api.ok(MINE, { id: t.id }, reviewer.token)).task.viewerReview).toEqual({ id: made.id, rating: 4, comment: '组织得好', reviewer: { id: reviewer.id } });
      expect((await api.ok(MINE, { id: t.id }, other.token)).task.viewerReview).toBeNull();
      expect((await api.ok(MINE, { id: t.id })).task.viewerReview).toBeNull();
    });

    it('should open a need again when the task adopted for it is cancelled, and tell the resident', async () => {
      const poster = await api.make.user();
      const coordinator = await api.make.user();
      const org = await api.make.organization(regions.street.id, [[coordinator, 'COORDINATOR']]);
      const need = (await api.ok(PUBLISH_NEED, { input: { title: '楼道灯', description: '3 栋楼道灯不亮', category: 'SAFETY_PATROL', regionId: regions.grid.id } }, poster.token)).publishNeed;
      const task = (await api.ok(ADOPT, { input: { needId: need.id, organizationId: org } }, coordinator.token)).adoptNeed;
      await api.ok(`mutation($input: CancelTaskInput!) { cancelTask(input: $input) { id } }`, { input: { id: task.id, reason: '物业已经修好' } }, coordinator.token);
      await api.eventsSettled();
      expect((await api.ok(`query($id: ID!) { need(id: $id) { status adoptedBy { id } task { id } } }`, { id: need.id })).need).toEqual({ status: 'OPEN', adoptedBy: null, task: null });
      expect(await api.notificationKinds(poster)).toEqual(['NEED_ADOPTED', 'NEED_REOPENED']);
      // Another organisation may adopt it now.
      const other = await api.make.user();
      const otherOrg = await api.make.organization(regions.street.id, [[other, 'COORDINATOR']]);
      expect((await api.ok(ADOPT, { input: { needId: need.id, organizationId: otherOrg } }, other.token)).adoptNeed.need.status).toBe('ADOPTED');
    });

    it('should complete a finished task once its last claim settles, and in the sweep, cancelling claims that can no longer be served', async () => {
      const coordinator = await api.make.user();
      const org = await api.make.organization(regions.grid.id, [[coordinator, 'COORDINATOR']]);
      const t = await api.make.task(org, regions.grid, { shifts: [{ startInHours: -3, hours: 1, capacity: 1 }] });
      const [a, b] = await api.make.users(2);
      const claimA = await api.make.claim(t.shiftIds[0], a);
      await api.make.claim(t.shiftIds[0], b, 'WAITLISTED');
      const tasks = api.running.app.get(TasksService);
      expect(await tasks.completeIfFinished(RequestContext.system(), t.id)).toBe(false); // a is still confirmed
      await api.ok(`mutation($id: ID!) { markNoShow(input: { claimId: $id }) { status } }`, { id: claimA }, coordinator.token);
      const rows = await api.sql(`SELECT t.status, (SELECT array_agg(status ORDER BY seq) FROM shift_claim WHERE shift_id = $2) AS claims FROM task t WHERE t.id = $1`, [t.id, t.shiftIds[0]]);
      expect(rows).toEqual([{ status: 'COMPLETED', claims: ['NO_SHOW', 'CANCELLED'] }]);
      // A finished task with nobody on it is completed by the periodic sweep.
      const quiet = await api.make.task(org, regions.grid, { shifts: [{ startInHours: -3, hours: 1, capacity: 1 }] });
      const upcoming = await api.make.task(org, regions.grid, { shifts: [{ startInHours: 3, hours: 1, capacity: 1 }] });
      expect(await tasks.completeFinishedTasks(RequestContext.system())).toBeGreaterThanOrEqual(1);
      expect(await api.sql(`SELECT id, status FROM task WHERE id IN ($1, $2) ORDER BY status`, [quiet.id, upcoming.id])).toEqual([
        { id: quiet.id, status: 'COMPLETED' },
        { id: upcoming.id, status: 'PUBLISHED' },
      ]);
    });
  });
});
