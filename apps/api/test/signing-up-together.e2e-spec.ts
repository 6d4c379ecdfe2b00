import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const ADD_DEPENDANT = `mutation($input: AddDependantInput!) { addDependant(input: $input) { id displayName phone guardian { id } } }`;
const MY_DEPENDANTS = `{ me { dependants { id displayName } } }`;
const TOGETHER = `mutation($input: ClaimShiftTogetherInput!) { claimShiftTogether(input: $input) { id status partyId volunteer { id } } }`;
const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelClaim(input: { claimId: $id }) { id status } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideClaim(input: { claimId: $id, approve: $approve }) { id status } }`;
const ADD_VOLUNTEER = `mutation($input: AddVolunteerToShiftInput!) { addVolunteerToShift(input: $input) { id status } }`;
const INVITE = `mutation($shiftId: ID!, $volunteerId: ID!) { inviteVolunteer(input: { shiftId: $shiftId, volunteerId: $volunteerId }) { id } }`;
const RESPOND = `mutation($id: ID!) { respondToInvitation(input: { invitationId: $id, accept: true }) { id status } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id } }`;

/** Years before today in Shanghai, as YYYY-MM-DD. */
function yearsAgo(years: number, days = 0): string {
  const today = new Date(Date.now() + 8 * 3_600_000);
  today.setUTCFullYear(today.getUTCFullYear() - years);
  today.setUTCDate(today.getUTCDate() + days);
  return today.toISOString().slice(0, 10);
}

/**
 * Signing up together: minors under a guardian's account, parties confirmed or waiting
 * as one, and the task's prerequisites on every way onto a shift.
 */
describe('signing up together', () => {
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

  const dependant = async (guardian: TestUser, name: string, birthDate = yearsAgo(10)) =>
    (await api.ok(ADD_DEPENDANT, { input: { displayName: name, birthDate } }, guardian.token)).addDependant as { id: string; displayName: string };
  const family = async (children = 2) => {
    const guardian = await api.make.user();
    const kids: { id: string }[] = [];
    for (let i = 0; i < children; i++) kids.push(await dependant(guardian, `Child ${i + 1}`));
    return { guardian, ids: [guardian.id, ...kids.map((k) => k.id)] };
  };
  const together = async (who: TestUser, shiftId: string, volunteerIds: string[]) =>
    (await api.ok(TOGETHER, { input: { shiftId, volunteerIds } }, who.token)).claimShiftTogether as { id: string; status: string; partyId: string; volunteer: { id: string } }[];
  const statusesOn = async (shiftId: string) => (await api.sql<{ status: string }>(`SELECT status FROM shift_claim WHERE shift_id = $1 ORDER BY seq`, [shiftId])).map((r) => r.status);

  describe('dependants', () => {
    it("should sign a minor up under the guardian's account: no phone, no password, the guardian acting for them", async () => {
      const guardian = await api.make.user();
      const child = (await api.ok(ADD_DEPENDANT, { input: { displayName: ' Xiaoming ', birthDate: yearsAgo(9) } }, guardian.token)).addDependant;
      expect(child).toMatchObject({ displayName: 'Xiaoming', phone: null, guardian: { id: guardian.id } });
      expect((await api.ok(MY_DEPENDANTS, {}, guardian.token)).me.dependants).toEqual([{ id: child.id, displayName: 'Xiaoming' }]);
      const [row] = await api.sql(`SELECT phone, password_hash, guardian_id, birth_date IS NOT NULL AS dated FROM user_account WHERE id = $1`, [child.id]);
      expect(row).toEqual({ phone: null, password_hash: null, guardian_id: guardian.id, dated: true });
      expect(await api.sql(`SELECT 1 FROM proxy_grant WHERE resident_id = $1 AND proxy_id = $2 AND revoked_at IS NULL`, [child.id, guardian.id])).toHaveLength(1);
      expect(await api.sql(`SELECT 1 FROM audit_entry WHERE action = 'dependant.add' AND subject_id = $1`, [child.id])).toHaveLength(1);
      // The guardian claims for the child as their proxy; the child's notifications reach the guardian.
      const t = await api.make.task(orgId, regions.grid);
      expect((await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0], onBehalfOfUserId: child.id } }, guardian.token)).claimShift.status).toBe('CONFIRMED');
      await api.eventsSettled();
      const copies = await api.sql(`SELECT kind FROM notification WHERE user_id = $1 AND on_behalf_of_id = $2`, [guardian.id, child.id]);
      expect(copies.map((c) => c.kind)).toEqual(['CLAIM_CONFIRMED']);
    });

    it('should refuse adults, unborn children, blank names and signed-out callers', async () => {
      const guardian = await api.make.user();
      expect(await api.fails(ADD_DEPENDANT, { input: { displayName: 'Grown', birthDate: yearsAgo(18) } }, guardian.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthDate', key: 'dependant.adult' });
      expect(await api.fails(ADD_DEPENDANT, { input: { displayName: 'Soon', birthDate: yearsAgo(0, 30) } }, guardian.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthDate' });
      expect(await api.fails(ADD_DEPENDANT, { input: { displayName: '  ', birthDate: yearsAgo(5) } }, guardian.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName' });
      expect(await api.fails(ADD_DEPENDANT, { input: { displayName: 'Kid', birthDate: '2020-02-30' } }, guardian.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'birthDate' });
      expect(await api.fails(ADD_DEPENDANT, { input: { displayName: 'Kid', birthDate: yearsAgo(5) } })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await api.sql(`SELECT count(*)::int AS n FROM user_account WHERE guardian_id = $1`, [guardian.id])).toEqual([{ n: 0 }]);
    });
  });

  describe('parties', () => {
    it('should confirm a party together when it fits and waitlist it together when it does not', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 24, capacity: 4 }, { startInHours: 48, capacity: 4 }] });
      const f = await family(2);
      const seated = await together(f.guardian, t.shiftIds[0], f.ids);
      expect(seated.map((c) => c.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
      expect(new Set(seated.map((c) => c.partyId)).size).toBe(1);
      expect(seated.map((c) => c.volunteer.id)).toEqual(f.ids);

      // Two of four places left on the second shift: the party of three waits as one.
      for (const v of await api.make.users(2)) await api.ok(CLAIM, { input: { shiftId: t.shiftIds[1] } }, v.token);
      const waiting = await together(f.guardian, t.shiftIds[1], f.ids);
      expect(waiting.map((c) => c.status)).toEqual(['WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
      const [counts] = await api.sql(`SELECT confirmed_count, waitlist_count FROM shift WHERE id = $1`, [t.shiftIds[1]]);
      expect(counts).toEqual({ confirmed_count: 2, waitlist_count: 3 });
    });

    it('should move a waiting party up only when all of it fits, letting a single behind it take a lone place', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 24, capacity: 4 }] });
      const shiftId = t.shiftIds[0];
      const [a, b, c, d] = await api.make.users(4);
      const claims = [];
      for (const v of [a, b, c]) claims.push((await api.ok(CLAIM, { input: { shiftId } }, v.token)).claimShift);
      const f = await family(2);
      expect((await together(f.guardian, shiftId, f.ids)).map((x) => x.status)).toEqual(['WAITLISTED', 'WAITLISTED', 'WAITLISTED']);
      expect((await api.ok(CLAIM, { input: { shiftId } }, d.token)).claimShift.status).toBe('CONFIRMED');
      await api.ok(CANCEL, { id: claims[0].id }, a.token);
      await api.ok(CANCEL, { id: claims[1].id }, b.token);
      expect(await statusesOn(shiftId)).toEqual(['CANCELLED', 'CANCELLED', 'CONFIRMED', 'WAITLISTED', 'WAITLISTED', 'WAITLISTED', 'CONFIRMED']);
      await api.ok(CANCEL, { id: claims[2].id }, c.token);
      expect(await statusesOn(shiftId)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
      await api.eventsSettled();
      expect((await api.notificationKinds(f.guardian)).filter((k) => k === 'CLAIM_PROMOTED')).toHaveLength(3);
    });

    it('should refuse the whole party, naming who, when one member may not come, and claim nothing', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 24, capacity: 10 }] });
      await api.ok(UPDATE_TASK, { input: { id: t.id, minimumAge: 12 } }, coordinator.token);
      const guardian = await api.make.user();
      await api.sql(`UPDATE user_account SET birth_date = '1985-05-05' WHERE id = $1`, [guardian.id]);
      const older = await dependant(guardian, 'Older', yearsAgo(13));
      const younger = await dependant(guardian, 'Younger', yearsAgo(8));
      const tooYoung = await api.fails(TOGETHER, { input: { shiftId: t.shiftIds[0], volunteerIds: [guardian.id, older.id, younger.id] } }, guardian.token);
      expect(tooYoung).toMatchObject({ code: 'FORBIDDEN', key: 'claim.tooYoung' });
      expect(tooYoung.message).toContain('Younger');
      expect(await statusesOn(t.shiftIds[0])).toEqual([]);
      expect((await together(guardian, t.shiftIds[0], [guardian.id, older.id])).map((c) => c.status)).toEqual(['CONFIRMED', 'CONFIRMED']);
      // Someone who did not make the claimant their proxy cannot be named.
      const friend = await api.make.user();
      const other = await api.make.user();
      expect(await api.fails(TOGETHER, { input: { shiftId: t.shiftIds[0], volunteerIds: [other.id, friend.id] } }, other.token)).toMatchObject({ code: 'FORBIDDEN', key: 'party.notYours' });
      expect(await api.fails(TOGETHER, { input: { shiftId: t.shiftIds[0], volunteerIds: [other.id, other.id] } }, other.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'volunteerIds' });
      expect(await api.fails(TOGETHER, { input: { shiftId: t.shiftIds[0], volunteerIds: [other.id] } }, other.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'volunteerIds' });
      expect(await api.fails(TOGETHER, { input: { shiftId: t.shiftIds[0], volunteerIds: [other.id, '00000000-0000-4000-8000-000000000000'] } }, other.token)).toMatchObject({ code: 'NOT_FOUND', field: 'volunteerIds.1' });
      // A member who already holds a place: the party is refused, naming them.
      await api.make.proxyGrant(friend, other);
      await api.sql(`UPDATE user_account SET birth_date = '1990-01-01' WHERE id = ANY($1::uuid[])`, [[friend.id, other.id]]);
      await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, friend.token);
      const duplicate = await api.fails(TOGETHER, { input: { shiftId: t.shiftIds[0], volunteerIds: [other.id, friend.id] } }, other.token);
      expect(duplicate).toMatchObject({ code: 'CONFLICT', key: 'claim.duplicate' });
      expect(await api.sql(`SELECT 1 FROM shift_claim WHERE volunteer_id = $1`, [other.id])).toEqual([]);
    });

    it('should approve or reject a waiting-for-approval party as one', async () => {
      const t = await api.make.task(orgId, regions.grid, { requiresApproval: true, shifts: [{ startInHours: 24, capacity: 3 }, { startInHours: 48, capacity: 2 }] });
      const f = await family(2);
      const pending = await together(f.guardian, t.shiftIds[0], f.ids);
      expect(pending.map((c) => c.status)).toEqual(['PENDING_APPROVAL', 'PENDING_APPROVAL', 'PENDING_APPROVAL']);
      expect((await api.ok(DECIDE, { id: pending[1].id, approve: true }, coordinator.token)).decideClaim.status).toBe('CONFIRMED');
      expect(await statusesOn(t.shiftIds[0])).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED']);
      const tooMany = await together(f.guardian, t.shiftIds[1], f.ids);
      expect(await api.fails(DECIDE, { id: tooMany[0].id, approve: true }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'shift.full' });
      await api.ok(DECIDE, { id: tooMany[0].id, approve: false }, coordinator.token);
      expect(await statusesOn(t.shiftIds[1])).toEqual(['REJECTED', 'REJECTED', 'REJECTED']);
    });

    it('should never split a party nor exceed the capacity when 50 families of three claim 10 places at once', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 24, capacity: 10 }] });
      const families = [];
      for (let i = 0; i < 50; i++) families.push(await family(2));
      const results = await Promise.all(families.map((f) => api.gql(TOGETHER, { input: { shiftId: t.shiftIds[0], volunteerIds: f.ids } }, f.guardian.token)));
      expect(results.filter((r) => r.errors)).toEqual([]);
      const parties = await api.sql<{ party_id: string; n: number; statuses: string[] }>(
        `SELECT party_id, count(*)::int AS n, array_agg(DISTINCT status) AS statuses FROM shift_claim WHERE shift_id = $1 GROUP BY party_id`,
        [t.shiftIds[0]],
      );
      expect(parties).toHaveLength(50);
      expect(parties.every((p) => p.n === 3 && p.statuses.length === 1)).toBe(true);
      expect(parties.filter((p) => p.statuses[0] === 'CONFIRMED')).toHaveLength(3);
      const [shift] = await api.sql(`SELECT capacity, confirmed_count, waitlist_count FROM shift WHERE id = $1`, [t.shiftIds[0]]);
      expect(shift).toEqual({ capacity: 10, confirmed_count: 9, waitlist_count: 141 });
    });
  });

  describe('prerequisites on every way onto a shift', () => {
    it("should let a coordinator put a volunteer on a shift under the task's rules, audited and told", async () => {
      const t = await api.make.task(orgId, regions.grid, { skills: ['FIRST_AID'], shifts: [{ startInHours: 24, capacity: 1 }] });
      await api.ok(UPDATE_TASK, { input: { id: t.id, skillsMandatory: true } }, coordinator.token);
      const [skilled, unskilled, late] = await api.make.users(3);
      await api.sql(`UPDATE user_account SET skills = '{FIRST_AID}' WHERE id = ANY($1::uuid[])`, [[skilled.id, late.id]]);
      const outsider = await api.make.user();
      expect(await api.fails(ADD_VOLUNTEER, { input: { shiftId: t.shiftIds[0], volunteerId: skilled.id } }, outsider.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(ADD_VOLUNTEER, { input: { shiftId: t.shiftIds[0], volunteerId: unskilled.id } }, coordinator.token)).toMatchObject({ code: 'FORBIDDEN', key: 'claim.missingSkills' });
      const added = (await api.ok(ADD_VOLUNTEER, { input: { shiftId: t.shiftIds[0], volunteerId: skilled.id } }, coordinator.token)).addVolunteerToShift;
      expect(added.status).toBe('CONFIRMED');
      expect(await api.fails(ADD_VOLUNTEER, { input: { shiftId: t.shiftIds[0], volunteerId: late.id } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'shift.full' });
      expect(await api.fails(ADD_VOLUNTEER, { input: { shiftId: t.shiftIds[0], volunteerId: '00000000-0000-4000-8000-000000000000' } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'volunteerId' });
      await api.eventsSettled();
      expect(await api.notificationKinds(skilled)).toEqual(['CLAIM_ADDED_BY_ORGANIZATION']);
      expect(await api.sql(`SELECT 1 FROM audit_entry WHERE action = 'claim.addedByCoordinator' AND subject_id = $1`, [added.id])).toHaveLength(1);
    });

    it('should refuse an invited volunteer who no longer meets the minimum age when they accept', async () => {
      const t = await api.make.task(orgId, regions.grid);
      const young = await api.make.user();
      await api.sql(`UPDATE user_account SET birth_date = $2 WHERE id = $1`, [young.id, yearsAgo(14)]);
      const invitation = (await api.ok(INVITE, { shiftId: t.shiftIds[0], volunteerId: young.id }, coordinator.token)).inviteVolunteer;
      // The organisation raised the minimum age after inviting.
      await api.ok(UPDATE_TASK, { input: { id: t.id, minimumAge: 16 } }, coordinator.token);
      expect(await api.fails(RESPOND, { id: invitation.id }, young.token)).toMatchObject({ code: 'FORBIDDEN', key: 'claim.tooYoung' });
      expect(await statusesOn(t.shiftIds[0])).toEqual([]);
    });
  });
});
