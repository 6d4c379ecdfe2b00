import { statementCounter } from '@civicgrid/platform';
import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const RECOMMENDED_SHIFTS = `query($first: Int) { recommendedShifts(first: $first) { score distanceKm reasons { code weight detail } shift { id } } }`;
const RECOMMENDED_VOLUNTEERS = `query($id: ID!, $first: Int) { recommendedVolunteers(shiftId: $id, first: $first) { score distanceKm reasons { code weight } volunteer { id } } }`;
const AUTO_ASSIGN = `mutation($input: AutoAssignInput!) { autoAssign(input: $input) {
  objective unfilledPlaces pairs { score reasons { code } shift { id } volunteer { id } }
  invitations { id status score expiresAt shift { id } volunteer { id } reasons { code } } } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!) { respondToInvitation(input: { invitationId: $id, accept: $accept }) { id status claim { id status } } }`;

/** Free at any hour of any day: such a person is never filtered out for being busy. */
const ALL_WEEK = Array.from({ length: 7 }, (_, weekday) => ({ weekday, startMinute: 0, endMinute: 1440 }));
const SHANGHAI_MS = 8 * 3_600_000;
/** The local (Shanghai) weekday a time falls on, 0 = Monday, as availability counts them. */
const localWeekday = (at: Date) => (new Date(at.getTime() + SHANGHAI_MS).getUTCDay() + 6) % 7;

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
    for (let i = 0; i < n; i++) out.push(await api.make.user({ homeRegionId: regions.grid.id, skills, availability: ALL_WEEK }));
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

    // The coordinator's task page: per shift, who was invited and how they answered.
    const TASK_INVITATIONS = `query($id: ID!) { task(id: $id) { shifts { id invitations { id status respondedAt createdAt volunteer { id displayName } } } } }`;
    const { task } = await api.ok(TASK_INVITATIONS, { id: t.id }, coordinator.token);
    const listed = task.shifts.flatMap((s: any) => s.invitations.map((i: any) => ({ ...i, shiftId: s.id })));
    expect(listed.map((i: any) => i.id).sort()).toEqual(run.invitations.map((i: any) => i.id).sort());
    for (const i of listed) expect(i.shiftId).toBe(run.invitations.find((x: any) => x.id === i.id).shift.id);
    const byId = new Map(listed.map((i: any) => [i.id, i]));
    expect(byId.get(first.id)).toMatchObject({ status: 'ACCEPTED', volunteer: { id: first.volunteer.id } });
    expect(byId.get(second.id)).toMatchObject({ status: 'DECLINED' });
    expect((byId.get(first.id) as any).respondedAt).toEqual(expect.any(String));
    expect(byId.get(run.invitations[2].id)).toMatchObject({ status: 'PENDING', respondedAt: null });
    expect(await api.fails(TASK_INVITATIONS, { id: t.id }, invitee.token)).toMatchObject({ code: 'FORBIDDEN' });
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

  it('should auto-fill a first-aid shift with the very people the suggestions rank first, never staff or people who gave no availability', async () => {
    // One shift starting within the hour, 4 places, first aid mandatory.
    const t = await api.make.task(orgId, regions.grid, { skills: ['FIRST_AID'], skillsMandatory: true, shifts: [{ startInHours: 0.75, capacity: 4 }] });
    const shiftId = t.shiftIds[0];
    const [{ starts_at: startsAt }] = await api.sql(`SELECT starts_at FROM shift WHERE id = $1`, [shiftId]);
    const elsewhen = [{ weekday: (localWeekday(startsAt) + 3) % 7, startMinute: 0, endMinute: 1440 }];
    const home = { homeRegionId: regions.grid.id };
    const firstAiders = [];
    for (let i = 0; i < 5; i++) firstAiders.push(await api.make.user({ ...home, skills: ['FIRST_AID'], availability: ALL_WEEK }));
    // First-aiders who said they are free on another day only.
    const busy = [await api.make.user({ ...home, skills: ['FIRST_AID'], availability: elsewhen }), await api.make.user({ ...home, skills: ['FIRST_AID', 'COOKING'], availability: elsewhen })];
    const noFirstAid = [];
    for (let i = 0; i < 3; i++) noFirstAid.push(await api.make.user({ ...home, skills: ['COOKING'], availability: ALL_WEEK }));
    // An elderly resident, the grid leader and the organisation's own owner: all first-aiders living here.
    const elder = await api.make.user({ ...home, skills: ['FIRST_AID'], birthDate: '1946-03-02', displayName: 'Elderly resident' });
    const leader = await api.make.user({ ...home, skills: ['FIRST_AID'], leadsGridId: regions.grid.id, displayName: 'Grid leader' });
    const owner = await api.make.user({ ...home, skills: ['FIRST_AID'], availability: ALL_WEEK, displayName: 'Owner' });
    await api.make.member(orgId, owner, 'OWNER');
    const never = new Set([...busy, ...noFirstAid, elder, leader, owner, coordinator].map((u) => u.id));

    const { recommendedVolunteers } = await api.ok(RECOMMENDED_VOLUNTEERS, { id: shiftId, first: 50 }, coordinator.token);
    const suggested = recommendedVolunteers.map((r: any) => r.volunteer.id);
    expect(suggested.filter((id: string) => never.has(id))).toEqual([]);
    for (const v of firstAiders) expect(suggested).toContain(v.id);

    const q = `mutation($input: AutoAssignInput!) { autoAssign(input: $input) {
      objective unfilledPlaces placesOpen placesFilled skillsMet meanDistanceMeters
      shifts { shift { id } placesOpen placesFilled skillsMet meanDistanceMeters }
      pairs { score distanceKm shift { id } volunteer { id } } } }`;
    const dry = (await api.ok(q, { input: { shiftIds: [shiftId], dryRun: true, idempotencyKey: `first-aid-${shiftId}` } }, coordinator.token)).autoAssign;
    const proposed = dry.pairs.map((p: any) => p.volunteer.id);
    expect(proposed.filter((id: string) => never.has(id))).toEqual([]);
    // For one shift the optimum is the suggestions' top four: never a lower total.
    const topFour = recommendedVolunteers.slice(0, 4);
    expect([...proposed].sort()).toEqual(topFour.map((r: any) => r.volunteer.id).sort());
    expect(dry.objective).toBeGreaterThanOrEqual(topFour.reduce((s: number, r: any) => s + r.score, 0) - 1e-9);

    const meanMetres = Math.round((dry.pairs.reduce((s: number, p: any) => s + p.distanceKm, 0) / 4) * 1000);
    expect(dry).toMatchObject({ placesOpen: 4, placesFilled: 4, skillsMet: 4, unfilledPlaces: 0, meanDistanceMeters: meanMetres });
    expect(dry.shifts).toEqual([{ shift: { id: shiftId }, placesOpen: 4, placesFilled: 4, skillsMet: 4, meanDistanceMeters: meanMetres }]);
  });

  it("should read every shift's invitations of a task in the same number of statements for 2 shifts as for 6", async () => {
    const q = `query($id: ID!) { task(id: $id) { shifts { id invitations { id status respondedAt volunteer { id displayName } } } } }`;
    const statementsFor = async (shifts: number) => {
      const t = await api.make.task(orgId, regions.grid, { shifts: Array.from({ length: shifts }, (_, i) => ({ startInHours: 200 + i * 3, capacity: 3 })) });
      const [a, b] = await neighbours(2);
      for (const shiftId of t.shiftIds) {
        for (const v of [a, b]) {
          await api.sql(`INSERT INTO invitation (shift_id, volunteer_id, invited_by_id, score, expires_at) VALUES ($1, $2, $3, 0.5, now() + interval '1 day')`, [shiftId, v.id, coordinator.id]);
        }
      }
      await api.ok(q, { id: t.id }, coordinator.token); // warms the caches of the actor and the region tree
      statementCounter.count = 0;
      const { task } = await api.ok(q, { id: t.id }, coordinator.token);
      expect(task.shifts.map((s: any) => s.invitations.length)).toEqual(Array(shifts).fill(2));
      return statementCounter.count;
    };
    expect(await statementsFor(6)).toBe(await statementsFor(2));
  });
});
