import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const RECOMMENDED_SHIFTS = `query($first: Int) { recommendedShifts(first: $first) { score distanceKm reasons { code weight detail } shift { id } } }`;
const RECOMMENDED_VOLUNTEERS = `query($id: ID!, $first: Int) { recommendedVolunteers(shiftId: $id, first: $first) { score distanceKm reasons { code weight } volunteer { id } } }`;
const AUTO_ASSIGN = `mutation($input: AutoAssignInput!) { autoAssign(input: $input) {
  objective unfilledPlaces pairs { score reasons { code } shift { id } volunteer { id } }
  invitations { id status score expiresAt shift { id } volunteer { id } reasons { code } } } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToInvitation(input: { invitationId: $id, accept: $accept }) { id status claim { id status } } }`;

describe('matching', () => {
  let api: TestApi;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
  });
  afterAll(async () => {
    await api.close();
  });

  /** Everyone living in the grid, by id, so invited volunteers can answer with their token. */
  const people = new Map<string, TestUser>();
  const neighbours = async (n: number, skills: string[] = []) => {
    const out: TestUser[] = [];
    for (let i = 0; i < n; i++) out.push(await api.make.user({ homeRegionId: regions.grid.id, skills }));
    out.forEach((u) => people.set(u.id, u));
    return out;
  };

  it('should recommend shifts near the volunteer, ranked and explained, skipping ones they hold', async () => {
    const [v] = await neighbours(1, ['FIRST_AID']);
    const firstAid = await api.make.task(orgId, regions.grid, { skills: ['FIRST_AID'], shifts: [{ startInHours: 20, capacity: 3 }] });
    const other = await api.make.task(orgId, regions.grid, { skills: ['COOKING'], shifts: [{ startInHours: 30, capacity: 3 }] });
    const held = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 40, capacity: 3 }] });
    await api.make.claim(held.shiftIds[0], v);
    const { recommendedShifts } = await api.ok(RECOMMENDED_SHIFTS, { first: 20 }, v.token);
    const ids = recommendedShifts.map((r: any) => r.shift.id);
    expect(ids).toContain(firstAid.shiftIds[0]);
    expect(ids).toContain(other.shiftIds[0]);
    expect(ids).not.toContain(held.shiftIds[0]);
    expect(ids.indexOf(firstAid.shiftIds[0])).toBeLessThan(ids.indexOf(other.shiftIds[0]));
    for (const r of recommendedShifts) {
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.reasons.reduce((s: number, x: any) => s + x.weight, 0)).toBeCloseTo(r.score, 6);
      expect(r.reasons.map((x: any) => x.code)).toContain('DISTANCE');
    }
    expect(await api.fails(RECOMMENDED_SHIFTS)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('should recommend volunteers to the coordinator only, without those already claiming', async () => {
    const t = await api.make.task(orgId, regions.grid, { skills: ['DRIVING'], shifts: [{ startInHours: 50, capacity: 2 }] });
    const [driver, walker, claimed] = [...(await neighbours(1, ['DRIVING'])), ...(await neighbours(2))];
    await api.make.claim(t.shiftIds[0], claimed);
    const { recommendedVolunteers } = await api.ok(RECOMMENDED_VOLUNTEERS, { id: t.shiftIds[0], first: 50 }, coordinator.token);
    const ids = recommendedVolunteers.map((r: any) => r.volunteer.id);
    expect(ids).toContain(driver.id);
    expect(ids).toContain(walker.id);
    expect(ids).not.toContain(claimed.id);
    expect(ids.indexOf(driver.id)).toBeLessThan(ids.indexOf(walker.id));
    expect(await api.fails(RECOMMENDED_VOLUNTEERS, { id: t.shiftIds[0] }, driver.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.fails(RECOMMENDED_VOLUNTEERS, { id: '00000000-0000-4000-8000-000000000001' }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should propose on a dry run, invite on a real run, replay by key, and let volunteers accept or decline', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 60, capacity: 2 }, { startInHours: 80, capacity: 1 }] });
    await neighbours(4);
    const dry = (await api.ok(AUTO_ASSIGN, { input: { shiftIds: t.shiftIds, dryRun: true, idempotencyKey: 'dry-1' } }, coordinator.token)).autoAssign;
    expect(dry.pairs).toHaveLength(3);
    expect(dry.invitations).toEqual([]);
    expect(dry.unfilledPlaces).toBe(0);
    expect(dry.objective).toBeCloseTo(dry.pairs.reduce((s: number, p: any) => s + p.score, 0), 9);
    // Each volunteer at most once per batch.
    expect(new Set(dry.pairs.map((p: any) => p.volunteer.id)).size).toBe(3);

    const input = { shiftIds: t.shiftIds, dryRun: false, idempotencyKey: `run-${t.id}`, expiresInMinutes: 60 };
    const run = (await api.ok(AUTO_ASSIGN, { input }, coordinator.token)).autoAssign;
    expect(run.invitations).toHaveLength(3);
    expect(run.invitations.every((i: any) => i.status === 'PENDING')).toBe(true);
    const again = (await api.ok(AUTO_ASSIGN, { input }, coordinator.token)).autoAssign;
    expect(again.invitations.map((i: any) => i.id)).toEqual(run.invitations.map((i: any) => i.id));
    expect(await api.sql(`SELECT count(*)::int AS n FROM invitation WHERE shift_id = ANY($1::uuid[])`, [t.shiftIds])).toEqual([{ n: 3 }]);
    expect(await api.fails(AUTO_ASSIGN, { input: { ...input, shiftIds: [t.shiftIds[0]] } }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });

    // The invited volunteers answer.
    const [first, second] = run.invitations;
    const invitee = people.get(first.volunteer.id)!;
    expect((await api.ok(`{ myInvitations(status: PENDING) { totalCount edges { node { id } } } }`, {}, invitee.token)).myInvitations.edges.map((e: any) => e.node.id)).toContain(first.id);
    const pending = (await api.ok(`{ pendingInvitationCount }`, {}, invitee.token)).pendingInvitationCount;
    expect(pending).toBeGreaterThanOrEqual(1);
    expect(await api.fails(RESPOND, { id: first.id, accept: true }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
    const accepted = (await api.ok(RESPOND, { id: first.id, accept: true }, invitee.token)).respondToInvitation;
    expect((await api.ok(`{ pendingInvitationCount }`, {}, invitee.token)).pendingInvitationCount).toBe(pending - 1);
    expect((await api.fails(`{ pendingInvitationCount }`)).code).toBe('UNAUTHENTICATED');
    expect(accepted).toMatchObject({ status: 'ACCEPTED', claim: { status: 'CONFIRMED' } });
    expect(await api.fails(RESPOND, { id: first.id, accept: false }, invitee.token)).toMatchObject({ code: 'CONFLICT' });
    const decliner = people.get(second.volunteer.id)!;
    expect((await api.ok(RESPOND, { id: second.id, accept: false }, decliner.token)).respondToInvitation).toMatchObject({ status: 'DECLINED', claim: null });
  });

  it('should refuse to accept when the shift filled meanwhile, or when the invitation expired', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 90, capacity: 1 }] });
    await neighbours(2);
    const run = (await api.ok(AUTO_ASSIGN, { input: { shiftIds: t.shiftIds, dryRun: false, idempotencyKey: `fill-${t.id}` } }, coordinator.token)).autoAssign;
    const [inv] = run.invitations;
    const invitee = people.get(inv.volunteer.id)!;
    // Someone else takes the last place first.
    await api.make.claim(t.shiftIds[0], await api.make.user());
    expect(await api.fails(RESPOND, { id: inv.id, accept: true }, invitee.token)).toMatchObject({ code: 'CONFLICT', key: 'shift.full' });
    expect(await api.sql(`SELECT status FROM invitation WHERE id = $1`, [inv.id])).toEqual([{ status: 'PENDING' }]);
    await api.sql(`UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`, [inv.id]);
    expect(await api.fails(RESPOND, { id: inv.id, accept: false }, invitee.token)).toMatchObject({ code: 'CONFLICT', key: 'invitation.expired' });
    expect((await api.ok(`{ myInvitations { edges { node { id status } } } }`, {}, invitee.token)).myInvitations.edges).toContainEqual({ node: { id: inv.id, status: 'EXPIRED' } });
    // An expired invitation no longer counts as waiting.
    expect((await api.ok(`{ pendingInvitationCount }`, {}, invitee.token)).pendingInvitationCount).toBe(0);
  });

  it('should refuse auto-fill of another organisation\'s shift, of unknown shifts, and with bad input', async () => {
    const other = await api.make.organization(regions.grid.id);
    const t = await api.make.task(other, regions.grid, { shifts: [{ startInHours: 100, capacity: 1 }] });
    const base = { dryRun: true, idempotencyKey: 'k' };
    expect(await api.fails(AUTO_ASSIGN, { input: { ...base, shiftIds: t.shiftIds } }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.fails(AUTO_ASSIGN, { input: { ...base, shiftIds: ['00000000-0000-4000-8000-000000000001'] } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'shiftIds.0' });
    expect(await api.fails(AUTO_ASSIGN, { input: { ...base, shiftIds: [] } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shiftIds' });
    expect(await api.fails(AUTO_ASSIGN, { input: { ...base, shiftIds: t.shiftIds, maxDistanceKm: -1 } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxDistanceKm' });
    expect(await api.fails(AUTO_ASSIGN, { input: { ...base, shiftIds: t.shiftIds } })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('should let a coordinator invite one recommended volunteer, once, and not someone already claiming', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 110, capacity: 2 }] });
    const [v, claimed] = await neighbours(2);
    await api.make.claim(t.shiftIds[0], claimed);
    const q = `mutation($input: InviteVolunteerInput!) { inviteVolunteer(input: $input) { id status score reasons { code } volunteer { id } shift { id } } }`;
    const { inviteVolunteer } = await api.ok(q, { input: { shiftId: t.shiftIds[0], volunteerId: v.id } }, coordinator.token);
    expect(inviteVolunteer).toMatchObject({ status: 'PENDING', volunteer: { id: v.id }, shift: { id: t.shiftIds[0] } });
    expect(inviteVolunteer.score).toBeGreaterThan(0);
    expect(await api.fails(q, { input: { shiftId: t.shiftIds[0], volunteerId: v.id } }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });
    expect(await api.fails(q, { input: { shiftId: t.shiftIds[0], volunteerId: claimed.id } }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });
    expect(await api.fails(q, { input: { shiftId: t.shiftIds[0], volunteerId: v.id } }, v.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await api.fails(q, { input: { shiftId: t.shiftIds[0], volunteerId: '00000000-0000-4000-8000-000000000001' } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'volunteerId' });
  });

  it('should keep availability on the profile and report attendance', async () => {
    const [v] = await neighbours(1);
    const windows = [
      { weekday: 5, startMinute: 480, endMinute: 720 },
      { weekday: 0, startMinute: 1080, endMinute: 1260 },
    ];
    const { updateProfile } = await api.ok(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { availability { weekday startMinute endMinute } attendanceRate } }`, { input: { availability: windows } }, v.token);
    expect(updateProfile).toEqual({ availability: [windows[1], windows[0]], attendanceRate: null });
    expect(await api.fails(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, { input: { availability: [{ weekday: 7, startMinute: 0, endMinute: 10 }] } }, v.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await api.fails(`mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id } }`, { input: { availability: [{ weekday: 1, startMinute: 600, endMinute: 500 }] } }, v.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'availability.0.endMinute' });
    const past = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -10, capacity: 2 }, { startInHours: -5, capacity: 2 }] });
    await api.make.claim(past.shiftIds[0], v, 'ATTENDED', { check_in_at: new Date(Date.now() - 10 * 3_600_000), check_out_at: new Date(Date.now() - 9 * 3_600_000) });
    await api.make.claim(past.shiftIds[1], v, 'NO_SHOW');
    expect((await api.ok(`{ me { attendanceRate } }`, {}, v.token)).me.attendanceRate).toBe(0.5);
  });
});
