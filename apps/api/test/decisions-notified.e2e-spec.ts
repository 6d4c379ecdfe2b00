import { TestUser } from './support/factories';
import { TestApi } from './support/test-api';

const PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id locale } }`;
const INVITE_MEMBER = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id status } }`;
const JOIN = `mutation($input: JoinOrganizationInput!) { joinOrganization(input: $input) { id status } }`;
const DECIDE_MEMBERSHIP = `mutation($id: ID!, $accept: Boolean!) { decideMembership(input: { membershipId: $id, accept: $accept }) { id status } }`;
const CREATE_ALLIANCE = `mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id name } }`;
const APPLY = `mutation($input: ApplyToAllianceInput!) { applyToAlliance(input: $input) { id status } }`;
const DECIDE_APPLICATION = `mutation($input: DecideAllianceApplicationInput!) { decideAllianceApplication(input: $input) { id status } }`;
const INVITE_VOLUNTEER = `mutation($input: InviteVolunteerInput!) { inviteVolunteer(input: $input) { id status volunteer { id } } }`;
const CHECK_IN = `mutation($id: ID!) { checkIn(input: { claimId: $id }) { id status } }`;
const CHECK_OUT = `mutation($id: ID!) { checkOut(input: { claimId: $id }) { id status serviceRecord { status } } }`;
const VERIFY = `mutation($input: VerifyServiceInput!) { verifyService(input: $input) { id status minutes } }`;
const INBOX = `{ notifications(first: 50) { totalCount edges { node { kind title body link } } } }`;

interface Told {
  userId: string;
  kind: string;
  link: string | null;
}

describe('decisions are told to the people they concern', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  const speaks = (who: TestUser, locale: string) => api.ok(PROFILE, { input: { locale } }, who.token);
  const inbox = async (who: TestUser) => (await api.ok(INBOX, {}, who.token)).notifications as { totalCount: number; edges: { node: { kind: string; title: string; body: string; link: string | null } }[] };
  const sorted = (rows: Told[]) => [...rows].sort((a, b) => (a.userId + a.kind < b.userId + b.kind ? -1 : 1));
  /** Everyone told anything because of the events of these aggregates (memberships, applications, invitations, service records). */
  const toldAbout = async (aggregateIds: string[]) =>
    sorted(
      await api.sql<Told>(
        `SELECT n.user_id AS "userId", n.kind, n.link FROM notification n JOIN outbox_event e ON n.dedupe_key = e.event_id::text WHERE e.aggregate_id = ANY($1::uuid[])`,
        [aggregateIds],
      ),
    );
  /**
   * Lets the events be delivered, twice over, then hands them out once more (as after a
   * crash before they were marked): the people told must stay the same, one row each.
   */
  const deliveredAgain = async (aggregateIds: string[]) => {
    await api.eventsSettled();
    await api.eventsSettled();
    const before = await toldAbout(aggregateIds);
    await api.sql(`UPDATE outbox_event SET dispatched_at = NULL WHERE aggregate_id = ANY($1::uuid[])`, [aggregateIds]);
    await api.eventsSettled();
    expect(await toldAbout(aggregateIds)).toEqual(before);
    return before;
  };

  it('should tell a person who asked to join whether they were accepted, in their language, and nobody of an answered invitation', async () => {
    const regions = await api.make.regions();
    const [owner, admin, accepted, declined, invitee, refuser] = await api.make.users(6);
    const orgName = `邻里互助会 ${Math.random().toString(36).slice(2, 7)}`;
    const org = await api.make.organization(regions.grid.id, [
      [owner, 'OWNER'],
      [admin, 'ADMIN'],
    ], { name: orgName });
    await speaks(accepted, 'en');

    // Two requests to join: an admin accepts one, the owner declines the other.
    const yes = (await api.ok(JOIN, { input: { organizationId: org, message: 'I live on this street' } }, accepted.token)).joinOrganization;
    const no = (await api.ok(JOIN, { input: { organizationId: org } }, declined.token)).joinOrganization;
    expect([yes.status, no.status]).toEqual(['REQUESTED', 'REQUESTED']);
    expect((await api.ok(DECIDE_MEMBERSHIP, { id: yes.id, accept: true }, admin.token)).decideMembership.status).toBe('ACTIVE');
    expect((await api.ok(DECIDE_MEMBERSHIP, { id: no.id, accept: false }, owner.token)).decideMembership.status).toBe('REMOVED');

    // Two invitations: one accepted, one refused, each by the invitee.
    const invited = (await api.ok(INVITE_MEMBER, { input: { organizationId: org, phone: invitee.phone, role: 'MEMBER' } }, owner.token)).inviteMember;
    const refused = (await api.ok(INVITE_MEMBER, { input: { organizationId: org, phone: refuser.phone, role: 'COORDINATOR' } }, admin.token)).inviteMember;
    expect((await api.ok(DECIDE_MEMBERSHIP, { id: invited.id, accept: true }, invitee.token)).decideMembership.status).toBe('ACTIVE');
    expect((await api.ok(DECIDE_MEMBERSHIP, { id: refused.id, accept: false }, refuser.token)).decideMembership.status).toBe('LEFT');

    const told = await deliveredAgain([yes.id, no.id, invited.id, refused.id]);
    const link = `/orgs/${org}`;
    expect(told).toEqual(
      sorted([
        { userId: accepted.id, kind: 'MEMBERSHIP_ACCEPTED', link },
        { userId: declined.id, kind: 'MEMBERSHIP_DECLINED', link },
        { userId: invitee.id, kind: 'MEMBERSHIP_INVITED', link },
        { userId: refuser.id, kind: 'MEMBERSHIP_INVITED', link },
      ]),
    );
    // Each in the reader's words: English for the one who chose it, Chinese by default.
    expect((await inbox(accepted)).edges.map((e) => e.node)).toEqual([{ kind: 'MEMBERSHIP_ACCEPTED', title: `You joined ${orgName}`, body: `${orgName} accepted your request to join. Welcome!`, link }]);
    expect((await inbox(declined)).edges.map((e) => e.node)).toEqual([{ kind: 'MEMBERSHIP_DECLINED', title: `${orgName}未通过您的申请`, body: `${orgName}这次没有同意您的加入申请。`, link }]);
    // Answering an invitation is the invitee's own act: nothing beyond the invitation itself.
    expect(await api.notificationKinds(invitee)).toEqual(['MEMBERSHIP_INVITED']);
    expect(await api.notificationKinds(refuser)).toEqual(['MEMBERSHIP_INVITED']);
    // The deciders hear nothing of their own decisions.
    expect(await api.notificationKinds(owner)).toEqual([]);
    expect(await api.notificationKinds(admin)).toEqual([]);
  });

  it('should take inviting someone who asked to join as accepting their request, and say so once', async () => {
    const regions = await api.make.regions();
    const [owner, asker] = await api.make.users(2);
    const org = await api.make.organization(regions.grid.id, [[owner, 'OWNER']]);
    const request = (await api.ok(JOIN, { input: { organizationId: org } }, asker.token)).joinOrganization;
    expect((await api.ok(INVITE_MEMBER, { input: { organizationId: org, phone: asker.phone, role: 'MEMBER' } }, owner.token)).inviteMember).toMatchObject({ id: request.id, status: 'ACTIVE' });
    expect(await deliveredAgain([request.id])).toEqual([{ userId: asker.id, kind: 'MEMBERSHIP_ACCEPTED', link: `/orgs/${org}` }]);
    expect(await api.notificationKinds(owner)).toEqual([]);
  });

  it("should tell an applying organisation's admins and owners, and no one else, the steward's decision", async () => {
    const regions = await api.make.regions();
    const steward = await api.make.user();
    const stewardOrg = await api.make.organization(regions.street.id, [[steward, 'ADMIN']], { kind: 'STREET_OFFICE' });
    const allianceName = `玉林商家联盟 ${Math.random().toString(36).slice(2, 7)}`;
    const alliance = (
      await api.ok(CREATE_ALLIANCE, { input: { name: allianceName, regionId: regions.street.id, charter: '共建共治', pledgeOptions: ['WASTE_SORTING'], stewardOrganizationId: stewardOrg } }, steward.token)
    ).createAlliance;

    // The shop that is approved: an owner, an admin, a coordinator, a plain member, and an admin invited but not yet answering.
    const [merchant, shopAdmin, shopCoordinator, shopMember, invitedAdmin] = await api.make.users(5);
    const shopName = `张记面馆 ${Math.random().toString(36).slice(2, 7)}`;
    const shop = await api.make.organization(regions.grid.id, [
      [merchant, 'OWNER'],
      [shopAdmin, 'ADMIN'],
      [shopCoordinator, 'COORDINATOR'],
      [shopMember, 'MEMBER'],
    ], { kind: 'MERCHANT', name: shopName });
    await api.ok(INVITE_MEMBER, { input: { organizationId: shop, phone: invitedAdmin.phone, role: 'ADMIN' } }, merchant.token);
    // The shop that is rejected: its owner applies, its member should hear nothing.
    const [otherOwner, otherMember] = await api.make.users(2);
    const other = await api.make.organization(regions.community.id, [
      [otherOwner, 'OWNER'],
      [otherMember, 'MEMBER'],
    ], { kind: 'MERCHANT' });

    const approved = (await api.ok(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges: ['WASTE_SORTING'] } }, shopAdmin.token)).applyToAlliance;
    const rejected = (await api.ok(APPLY, { input: { allianceId: alliance.id, organizationId: other, pledges: ['WASTE_SORTING'] } }, otherOwner.token)).applyToAlliance;
    expect((await api.ok(DECIDE_APPLICATION, { input: { allianceMemberId: approved.id, approve: true } }, steward.token)).decideAllianceApplication.status).toBe('ACTIVE');
    expect((await api.ok(DECIDE_APPLICATION, { input: { allianceMemberId: rejected.id, approve: false, reason: '不在本联盟范围' } }, steward.token)).decideAllianceApplication.status).toBe('REJECTED');

    const link = `/alliances/${alliance.id}`;
    expect(await deliveredAgain([approved.id, rejected.id])).toEqual(
      sorted([
        { userId: merchant.id, kind: 'ALLIANCE_APPLICATION_APPROVED', link },
        { userId: shopAdmin.id, kind: 'ALLIANCE_APPLICATION_APPROVED', link },
        { userId: otherOwner.id, kind: 'ALLIANCE_APPLICATION_REJECTED', link },
      ]),
    );
    expect((await inbox(shopAdmin)).edges.map((e) => e.node)).toEqual([
      { kind: 'ALLIANCE_APPLICATION_APPROVED', title: `${shopName}已加入${allianceName}`, body: `${allianceName}批准了${shopName}的入盟申请，可以开始记录承诺的行动了。`, link },
    ]);
    expect((await inbox(otherOwner)).edges.map((e) => e.node.kind)).toEqual(['ALLIANCE_APPLICATION_REJECTED']);
    for (const bystander of [shopCoordinator, shopMember, otherMember, steward]) expect(await api.notificationKinds(bystander)).toEqual([]);
    expect(await api.notificationKinds(invitedAdmin)).toEqual(['MEMBERSHIP_INVITED']); // not yet a member: not told of the alliance
  });

  it('should tell a volunteer invited to a shift, and only them', async () => {
    const { regions, coordinator, orgId } = await api.make.coordinatedOrganization();
    const [volunteer, neighbour] = [await api.make.user({ homeRegionId: regions.grid.id }), await api.make.user({ homeRegionId: regions.grid.id })];
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 30, capacity: 2 }] });
    const { inviteVolunteer } = await api.ok(INVITE_VOLUNTEER, { input: { shiftId: t.shiftIds[0], volunteerId: volunteer.id } }, coordinator.token);
    expect(inviteVolunteer).toMatchObject({ status: 'PENDING', volunteer: { id: volunteer.id } });

    expect(await deliveredAgain([inviteVolunteer.id])).toEqual([{ userId: volunteer.id, kind: 'INVITATION_RECEIVED', link: '/invitations' }]);
    const [{ node }] = (await inbox(volunteer)).edges;
    expect(node).toMatchObject({ kind: 'INVITATION_RECEIVED', title: '邀请您参加：Test task', link: '/invitations' });
    expect(await api.notificationKinds(coordinator)).toEqual([]);
    expect(await api.notificationKinds(neighbour)).toEqual([]);
  });

  it('should tell volunteers whether the hours they checked out with were verified', async () => {
    const { regions, coordinator, orgId } = await api.make.coordinatedOrganization();
    // A shift under way: started an hour ago, two hours to go.
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -1, hours: 3, capacity: 3 }] });
    const [kept, refused] = await api.make.users(2);
    await speaks(kept, 'zh-TW');
    const claims: string[] = [];
    for (const v of [kept, refused]) {
      const id = await api.make.claim(t.shiftIds[0], v);
      expect((await api.ok(CHECK_IN, { id }, v.token)).checkIn.status).toBe('CHECKED_IN');
      expect((await api.ok(CHECK_OUT, { id }, v.token)).checkOut).toMatchObject({ status: 'ATTENDED', serviceRecord: { status: 'PENDING' } });
      claims.push(id);
    }
    const verified = (await api.ok(VERIFY, { input: { claimId: claims[0], approve: true, minutes: 90 } }, coordinator.token)).verifyService;
    const rejected = (await api.ok(VERIFY, { input: { claimId: claims[1], approve: false } }, coordinator.token)).verifyService;
    expect([verified.status, rejected.status]).toEqual(['VERIFIED', 'REJECTED']);

    expect(await deliveredAgain([verified.id, rejected.id])).toEqual(
      sorted([
        { userId: kept.id, kind: 'SERVICE_VERIFIED', link: '/my-shifts' },
        { userId: refused.id, kind: 'SERVICE_REJECTED', link: '/my-shifts' },
      ]),
    );
    const [{ node: yes }] = (await inbox(kept)).edges;
    expect(yes).toMatchObject({ kind: 'SERVICE_VERIFIED', title: '服務時數已核實', link: '/my-shifts' });
    expect(yes.body).toContain('90 分鐘');
    expect((await inbox(refused)).edges.map((e) => e.node)).toEqual([expect.objectContaining({ kind: 'SERVICE_REJECTED', title: '服务时长未核实' })]);
    expect(await api.notificationKinds(kept)).toEqual(['SERVICE_VERIFIED']);
    expect(await api.notificationKinds(refused)).toEqual(['SERVICE_REJECTED']);
    expect(await api.notificationKinds(coordinator)).toEqual([]);
  });
});
