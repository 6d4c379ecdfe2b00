import { Clock } from '@civicgrid/platform';
import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelClaim(input: { claimId: $id }) { id status } }`;
const CHECK_IN = `mutation($id: ID!) { checkIn(input: { claimId: $id }) { id status } }`;
const CHECK_OUT = `mutation($id: ID!) { checkOut(input: { claimId: $id }) { id status serviceRecord { minutes } } }`;
const VERIFY = `mutation($input: VerifyServiceInput!) { verifyService(input: $input) { id status minutes } }`;
const NO_SHOW = `mutation($id: ID!) { markNoShow(input: { claimId: $id }) { id status } }`;
const UPCOMING = `query($upcoming: Boolean) { myClaims(filter: { upcoming: $upcoming }) { edges { node { id } } } }`;

const MINUTE = 60_000;

/**
 * A claim's life as its rules read the app's clock, and the claim events nobody heard
 * before: a claim awaiting approval tells whoever decides it, a no-show moves the board.
 */
describe('claim lifecycle', () => {
  let api: TestApi;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
  });
  afterEach(() => api.get(Clock).reset());
  afterAll(async () => {
    await api.close();
  });

  /** A token signed at the moved clock: access tokens live 15 minutes of the app's time. */
  const signedInNow = async (who: TestUser) => ({ ...who, token: await api.make.token(who.id) });
  const claim = async (who: TestUser, shiftId: string) => (await api.ok(CLAIM, { input: { shiftId } }, who.token)).claimShift as { id: string; status: string };

  it("should read the app's clock for every claim rule: minutes checked in, upcoming claims, cancelling after the end", async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 0.25, hours: 2, capacity: 2 }] });
    const [present, late] = await api.make.users(2);
    const here = await claim(present, t.shiftIds[0]);
    const there = await claim(late, t.shiftIds[0]);
    await api.ok(CHECK_IN, { id: here.id }, present.token);

    api.get(Clock).travel(90 * MINUTE);
    const out = (await api.ok(CHECK_OUT, { id: here.id }, (await signedInNow(present)).token)).checkOut;
    expect(out.serviceRecord.minutes).toBeGreaterThanOrEqual(90);
    expect(out.serviceRecord.minutes).toBeLessThanOrEqual(91);

    // 150 minutes on, the shift (which ended at 135) is no longer upcoming and cannot be cancelled.
    api.get(Clock).travel(60 * MINUTE);
    const later = await signedInNow(late);
    const upcoming = (await api.ok(UPCOMING, { upcoming: true }, later.token)).myClaims.edges.map((e: { node: { id: string } }) => e.node.id);
    const past = (await api.ok(UPCOMING, { upcoming: false }, later.token)).myClaims.edges.map((e: { node: { id: string } }) => e.node.id);
    expect({ upcoming, past }).toEqual({ upcoming: [], past: [there.id] });
    expect(await api.fails(CANCEL, { id: there.id }, later.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.shiftEnded' });
    const [row] = await api.sql(`SELECT status FROM shift_claim WHERE id = $1`, [there.id]);
    expect(row.status).toBe('CONFIRMED');
  });

  it('should refuse a volunteer\'s check-out before the shift starts, changing nothing, and take it once the shift has started', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 0.25, hours: 2, capacity: 2 }] });
    const volunteer = await api.make.user();
    const c = await claim(volunteer, t.shiftIds[0]);
    await api.ok(CHECK_IN, { id: c.id }, volunteer.token);
    // Ten minutes on, still five before the start.
    api.get(Clock).travel(10 * MINUTE);
    const early = await signedInNow(volunteer);
    expect(await api.fails(CHECK_OUT, { id: c.id }, early.token)).toMatchObject({ code: 'CONFLICT', key: 'checkOut.beforeStart' });
    expect(await api.sql(`SELECT status, check_out_at FROM shift_claim WHERE id = $1`, [c.id])).toEqual([{ status: 'CHECKED_IN', check_out_at: null }]);
    expect(await api.sql(`SELECT id FROM service_record WHERE claim_id = $1`, [c.id])).toEqual([]);

    api.get(Clock).travel(50 * MINUTE);
    const out = (await api.ok(CHECK_OUT, { id: c.id }, (await signedInNow(volunteer)).token)).checkOut;
    expect(out).toMatchObject({ status: 'ATTENDED', serviceRecord: { minutes: 60 } });
  });

  it('should let a coordinator of the organisation check a volunteer out before the start, and correct the minutes when verifying', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 0.25, hours: 2, capacity: 2 }] });
    const volunteer = await api.make.user();
    const c = await claim(volunteer, t.shiftIds[0]);
    await api.ok(CHECK_IN, { id: c.id }, volunteer.token);
    // A coordinator who is also the volunteer is refused like any volunteer.
    const [selfCoordinator] = await api.make.users(1);
    await api.make.member(orgId, selfCoordinator, 'COORDINATOR');
    const own = await claim(selfCoordinator, t.shiftIds[0]);
    await api.ok(CHECK_IN, { id: own.id }, selfCoordinator.token);
    expect(await api.fails(CHECK_OUT, { id: own.id }, selfCoordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'checkOut.beforeStart' });

    expect((await api.ok(CHECK_OUT, { id: c.id }, coordinator.token)).checkOut).toMatchObject({ status: 'ATTENDED', serviceRecord: { minutes: 1 } });
    const { verifyService } = await api.ok(VERIFY, { input: { claimId: c.id, approve: true, minutes: 120 } }, coordinator.token);
    expect(verifyService).toMatchObject({ status: 'VERIFIED', minutes: 120 });
  });

  it('should tell the coordinators and admins of the organisation, and nobody else, that a claim awaits their decision', async () => {
    const [admin, member, volunteer] = await api.make.users(3);
    await api.make.member(orgId, admin, 'ADMIN');
    await api.make.member(orgId, member, 'MEMBER');
    const t = await api.make.task(orgId, regions.grid, { requiresApproval: true, shifts: [{ startInHours: 48, capacity: 2 }] });
    expect((await claim(volunteer, t.shiftIds[0])).status).toBe('PENDING_APPROVAL');
    await api.eventsSettled();
    expect(await api.notificationKinds(coordinator)).toEqual(['CLAIM_AWAITING_APPROVAL']);
    expect(await api.notificationKinds(admin)).toEqual(['CLAIM_AWAITING_APPROVAL']);
    expect(await api.notificationKinds(member)).toEqual([]);
    expect(await api.notificationKinds(volunteer)).toEqual([]);
    const [link] = await api.sql(`SELECT link FROM notification WHERE user_id = $1`, [coordinator.id]);
    expect(link.link).toBe(`/orgs/${orgId}/tasks/${t.id}`);
  });

  it('should publish a no-show, so that the places it held are counted again on the live board', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -0.5, hours: 2, capacity: 1 }] });
    const volunteer = await api.make.user();
    const c = await claim(volunteer, t.shiftIds[0]);
    expect((await api.ok(NO_SHOW, { id: c.id }, coordinator.token)).markNoShow.status).toBe('NO_SHOW');
    const events = await api.sql(`SELECT type, payload->>'status' AS status FROM outbox_event WHERE payload->>'claimId' = $1 ORDER BY id`, [c.id]);
    expect(events).toEqual([
      { type: 'claim.confirmed', status: 'CONFIRMED' },
      { type: 'claim.noShow', status: 'NO_SHOW' },
    ]);
    const [shift] = await api.sql(`SELECT confirmed_count FROM shift WHERE id = $1`, [t.shiftIds[0]]);
    expect(shift.confirmed_count).toBe(0);
  });

  it('should write the same claim event from decide_shift_claim (SQL) as from the service (TypeScript)', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 1 }] });
    const volunteer = await api.make.user();
    const c = await claim(volunteer, t.shiftIds[0]);
    await api.ok(CANCEL, { id: c.id }, coordinator.token);
    const events = await api.sql<{ type: string; keys: string[] }>(
      `SELECT type, ARRAY(SELECT jsonb_object_keys(payload) ORDER BY 1) AS keys FROM outbox_event WHERE payload->>'claimId' = $1 ORDER BY id`,
      [c.id],
    );
    expect(events.map((e) => e.type)).toEqual(['claim.confirmed', 'claim.cancelled']);
    // Each carries the common payload; only its own extra differs.
    const [fromSql, fromService] = events.map((e) => e.keys.filter((k) => k !== 'invited' && k !== 'byOrganization'));
    expect(fromSql).toEqual(fromService);
    expect(fromSql).toEqual(['claimId', 'organizationId', 'regionPath', 'shiftId', 'status', 'taskId', 'volunteerId']);
  });
});
