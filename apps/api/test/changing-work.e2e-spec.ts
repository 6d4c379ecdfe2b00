import { Clock } from '@civicgrid/platform';
import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`;
const CHECK_IN = `mutation($id: ID!) { checkIn(input: { claimId: $id }) { id status } }`;
const UPDATE_TASK = `mutation($input: UpdateTaskInput!) { updateTask(input: $input) { id title description requiredSkills skillsMandatory minimumAge status } }`;
const UPDATE_SHIFT = `mutation($input: UpdateShiftInput!) { updateShift(input: $input) { id startsAt endsAt capacity confirmedCount waitlistCount place } }`;
const ADD_SHIFT = `mutation($input: AddShiftInput!) { addShift(input: $input) { id place } }`;
const CANCEL_SHIFT = `mutation($input: CancelShiftInput!) { cancelShift(input: $input) { id cancelledAt cancelReason } }`;
const CANCEL_TASK = `mutation($input: CancelTaskInput!) { cancelTask(input: $input) { id status cancelReason shifts { id cancelledAt } } }`;
const COPY_TASK = `mutation($input: CopyTaskInput!) { copyTask(input: $input) { id status title requiredSkills shifts { startsAt endsAt capacity place } } }`;
const BOARD = `query($region: ID!) { openShifts(filter: { regionId: $region }, first: 100) { edges { node { id } } } }`;

/**
 * The coordinator's everyday changes: editing a task and its shifts before and after
 * publishing, cancelling a shift or a whole task with a reason, copying a programme.
 */
describe('changing and cancelling work', () => {
  let api: TestApi;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;
  let outsider: TestUser;

  beforeAll(async () => {
    api = await TestApi.start();
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
    outsider = await api.make.user();
  });
  afterEach(() => api.get(Clock).reset());
  afterAll(async () => {
    await api.close();
  });

  const claim = async (who: TestUser, shiftId: string) => (await api.ok(CLAIM, { input: { shiftId } }, who.token)).claimShift as { id: string; status: string };
  const statusesOn = async (shiftId: string) =>
    (await api.sql<{ volunteer_id: string; status: string }>(`SELECT volunteer_id, status FROM shift_claim WHERE shift_id = $1 ORDER BY seq`, [shiftId])).map((r) => r.status);
  const onBoard = async (shiftId: string) => (await api.ok(BOARD, { region: regions.grid.id })).openShifts.edges.some((e: { node: { id: string } }) => e.node.id === shiftId);

  describe('editing a task', () => {
    it('should change the details of a draft and of a published task, audited', async () => {
      for (const status of ['DRAFT', 'PUBLISHED']) {
        const t = await api.make.task(orgId, regions.grid, { status });
        const edited = (
          await api.ok(UPDATE_TASK, { input: { id: t.id, title: '  Park clean-up  ', description: 'Bring gloves', requiredSkills: ['FIRST_AID', 'FIRST_AID'], skillsMandatory: true, minimumAge: 16 } }, coordinator.token)
        ).updateTask;
        expect(edited).toEqual({ id: t.id, title: 'Park clean-up', description: 'Bring gloves', requiredSkills: ['FIRST_AID'], skillsMandatory: true, minimumAge: 16, status });
        const cleared = (await api.ok(UPDATE_TASK, { input: { id: t.id, description: null, minimumAge: null } }, coordinator.token)).updateTask;
        expect(cleared).toMatchObject({ description: null, minimumAge: null, title: 'Park clean-up' });
        const audit = await api.sql(`SELECT detail FROM audit_entry WHERE action = 'task.update' AND subject_id = $1 ORDER BY id`, [t.id]);
        expect(audit.map((a) => a.detail.changed)).toEqual([
          ['title', 'description', 'requiredSkills', 'skillsMandatory', 'minimumAge'],
          ['description', 'minimumAge'],
        ]);
      }
    });

    it('should refuse outsiders, blank titles, unknown tasks, and tasks that are over', async () => {
      const t = await api.make.task(orgId, regions.grid);
      const done = await api.make.task(orgId, regions.grid, { status: 'COMPLETED' });
      const draft = await api.make.task(orgId, regions.grid, { status: 'DRAFT' });
      expect(await api.fails(UPDATE_TASK, { input: { id: t.id, title: 'Mine now' } }, outsider.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(UPDATE_TASK, { input: { id: draft.id, title: 'Mine now' } }, outsider.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await api.fails(UPDATE_TASK, { input: { id: t.id, title: '   ' } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(await api.fails(UPDATE_TASK, { input: { id: t.id, minimumAge: 0 } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minimumAge' });
      expect(await api.fails(UPDATE_TASK, { input: { id: '00000000-0000-4000-8000-000000000000', title: 'x' } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await api.fails(UPDATE_TASK, { input: { id: done.id, title: 'Again' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'task.notEditable' });
      expect(await api.fails(UPDATE_TASK, { input: { id: t.id } })).toMatchObject({ code: 'UNAUTHENTICATED' });
      const [row] = await api.sql(`SELECT title FROM task WHERE id = $1`, [t.id]);
      expect(row.title).toBe('Test task');
    });
  });

  describe('editing a shift', () => {
    it('should move the waitlist up in the same change when the capacity is raised', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 1 }] });
      const people = await api.make.users(4);
      for (const p of people) await claim(p, t.shiftIds[0]);
      const raised = (await api.ok(UPDATE_SHIFT, { input: { id: t.shiftIds[0], capacity: 3 } }, coordinator.token)).updateShift;
      expect(raised).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistCount: 1 });
      expect(await statusesOn(t.shiftIds[0])).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITLISTED']);
      await api.eventsSettled();
      expect(await api.notificationKinds(people[1])).toEqual(['CLAIM_WAITLISTED', 'CLAIM_PROMOTED']);
      expect(await api.notificationKinds(people[3])).toEqual(['CLAIM_WAITLISTED']);
      // The promoted have their reminders now.
      const reminders = await api.sql(`SELECT count(*)::int AS n FROM claim_reminder r JOIN shift_claim c ON c.id = r.claim_id WHERE c.volunteer_id = $1`, [people[1].id]);
      expect(reminders[0].n).toBe(2);
    });

    it('should refuse a capacity below the places taken and change nothing', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 3 }] });
      for (const p of await api.make.users(2)) await claim(p, t.shiftIds[0]);
      expect(await api.fails(UPDATE_SHIFT, { input: { id: t.shiftIds[0], capacity: 1, place: 'Gate B' } }, coordinator.token)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'capacity',
        key: 'shift.capacityBelowPlacesTaken',
      });
      const [row] = await api.sql(`SELECT capacity, place FROM shift WHERE id = $1`, [t.shiftIds[0]]);
      expect(row).toEqual({ capacity: 3, place: null });
      expect((await api.ok(UPDATE_SHIFT, { input: { id: t.shiftIds[0], capacity: 2 } }, coordinator.token)).updateShift.capacity).toBe(2);
    });

    it("should tell every claimant when the time moves and move confirmed claims' reminders", async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 1 }] });
      const [first, second] = await api.make.users(2);
      const confirmed = await claim(first, t.shiftIds[0]);
      await claim(second, t.shiftIds[0]);
      await api.eventsSettled();
      const [{ starts_at: was }] = await api.sql(`SELECT starts_at FROM shift WHERE id = $1`, [t.shiftIds[0]]);
      const oldJobs = (await api.sql(`SELECT job_id FROM claim_reminder WHERE claim_id = $1`, [confirmed.id])).map((r) => r.job_id);
      const startsAt = new Date(was.getTime() + DAY);
      const endsAt = new Date(startsAt.getTime() + 3 * HOUR);
      const moved = (await api.ok(UPDATE_SHIFT, { input: { id: t.shiftIds[0], startsAt, endsAt, place: '  North gate  ' } }, coordinator.token)).updateShift;
      expect(moved).toMatchObject({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), place: 'North gate' });
      await api.eventsSettled();
      expect((await api.notificationKinds(first)).at(-1)).toBe('SHIFT_RESCHEDULED');
      expect((await api.notificationKinds(second)).at(-1)).toBe('SHIFT_RESCHEDULED');
      expect(await api.notificationKinds(coordinator)).not.toContain('SHIFT_RESCHEDULED');
      const [note] = await api.sql(`SELECT params FROM notification WHERE user_id = $1 AND kind = 'SHIFT_RESCHEDULED'`, [first.id]);
      expect(note.params).toMatchObject({ startsAt: startsAt.toISOString(), previousStartsAt: was.toISOString() });
      // The old reminders are cancelled and new ones wait for the new time.
      expect((await api.sql(`SELECT state FROM pgboss.job WHERE id = ANY($1::uuid[])`, [oldJobs])).map((r) => r.state)).toEqual(oldJobs.map(() => 'cancelled'));
      const due = await api.sql(`SELECT offset_minutes, due_at FROM claim_reminder WHERE claim_id = $1 ORDER BY offset_minutes`, [confirmed.id]);
      expect(due.map((r) => r.due_at.getTime())).toEqual([startsAt.getTime() - 2 * HOUR, startsAt.getTime() - DAY]);
      const audit = await api.sql(`SELECT detail FROM audit_entry WHERE action = 'shift.update' AND subject_id = $1`, [t.shiftIds[0]]);
      expect(audit[0].detail.after).toMatchObject({ startsAt: startsAt.toISOString(), place: 'North gate' });
    });

    it('should refuse moving a shift that has started, into the past, or beyond a day, and outsiders', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -0.5, hours: 2, capacity: 2 }, { startInHours: 30, capacity: 2 }] });
      const later = new Date(Date.now() + 50 * HOUR);
      expect(await api.fails(UPDATE_SHIFT, { input: { id: t.shiftIds[0], startsAt: later, endsAt: new Date(later.getTime() + HOUR) } }, coordinator.token)).toMatchObject({
        code: 'CONFLICT',
        key: 'shift.started',
      });
      expect(await api.fails(UPDATE_SHIFT, { input: { id: t.shiftIds[1], startsAt: new Date(Date.now() - HOUR) } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
      expect(await api.fails(UPDATE_SHIFT, { input: { id: t.shiftIds[1], endsAt: new Date(Date.now() + 60 * HOUR) } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt', key: 'shift.tooLong' });
      expect(await api.fails(UPDATE_SHIFT, { input: { id: t.shiftIds[1], capacity: 5 } }, outsider.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(UPDATE_SHIFT, { input: { id: '00000000-0000-4000-8000-000000000000', capacity: 5 } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND' });
      // Capacity and place of a shift under way may still change.
      expect((await api.ok(UPDATE_SHIFT, { input: { id: t.shiftIds[0], capacity: 4, place: 'Hall' } }, coordinator.token)).updateShift).toMatchObject({ capacity: 4, place: 'Hall' });
    });

    it('should add a shift with its place to a published task, on the board at once', async () => {
      const t = await api.make.task(orgId, regions.grid);
      const startsAt = new Date(Date.now() + 72 * HOUR);
      const added = (await api.ok(ADD_SHIFT, { input: { taskId: t.id, startsAt, endsAt: new Date(startsAt.getTime() + 2 * HOUR), capacity: 4, place: 'Library steps' } }, coordinator.token)).addShift;
      expect(added.place).toBe('Library steps');
      expect(await onBoard(added.id)).toBe(true);
    });
  });

  describe('cancelling', () => {
    it('should cancel a shift with a reason: claims CANCELLED, claimants told, off the board, no more claims or check-ins', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 0.25, capacity: 1 }, { startInHours: 48, capacity: 2 }] });
      const [a, b, late] = await api.make.users(3);
      const held = await claim(a, t.shiftIds[0]);
      await claim(b, t.shiftIds[0]);
      await api.eventsSettled();
      const cancelled = (await api.ok(CANCEL_SHIFT, { input: { id: t.shiftIds[0], reason: ' Heavy rain forecast ' } }, coordinator.token)).cancelShift;
      expect(cancelled).toMatchObject({ cancelReason: 'Heavy rain forecast' });
      expect(cancelled.cancelledAt).not.toBeNull();
      expect(await statusesOn(t.shiftIds[0])).toEqual(['CANCELLED', 'CANCELLED']);
      const [counts] = await api.sql(`SELECT confirmed_count, waitlist_count, board_region_id FROM shift WHERE id = $1`, [t.shiftIds[0]]);
      expect(counts).toEqual({ confirmed_count: 0, waitlist_count: 0, board_region_id: null });
      expect(await onBoard(t.shiftIds[0])).toBe(false);
      expect(await onBoard(t.shiftIds[1])).toBe(true);
      expect(await api.fails(CLAIM, { input: { shiftId: t.shiftIds[0] } }, late.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.shiftCancelled' });
      expect(await api.fails(CHECK_IN, { id: held.id }, a.token)).toMatchObject({ code: 'CONFLICT' });
      await api.eventsSettled();
      for (const p of [a, b]) expect((await api.notificationKinds(p)).at(-1)).toBe('SHIFT_CANCELLED');
      const [note] = await api.sql(`SELECT params FROM notification WHERE user_id = $1 AND kind = 'SHIFT_CANCELLED'`, [a.id]);
      expect(note.params).toMatchObject({ reason: 'Heavy rain forecast' });
      expect(await api.sql(`SELECT * FROM claim_reminder WHERE claim_id = $1`, [held.id])).toEqual([]);
      expect(await api.sql(`SELECT 1 FROM audit_entry WHERE action = 'shift.cancel' AND subject_id = $1`, [t.shiftIds[0]])).toHaveLength(1);
    });

    it('should refuse to cancel without a reason, twice, once started, or for outsiders', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -0.5, capacity: 2 }, { startInHours: 24, capacity: 2 }] });
      expect(await api.fails(CANCEL_SHIFT, { input: { id: t.shiftIds[1], reason: '   ' } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await api.fails(CANCEL_SHIFT, { input: { id: t.shiftIds[1], reason: 'x'.repeat(501) } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(await api.fails(CANCEL_SHIFT, { input: { id: t.shiftIds[1], reason: 'Mine' } }, outsider.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(CANCEL_SHIFT, { input: { id: t.shiftIds[0], reason: 'Too late' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'shift.started' });
      await api.ok(CANCEL_SHIFT, { input: { id: t.shiftIds[1], reason: 'No hall' } }, coordinator.token);
      expect(await api.fails(CANCEL_SHIFT, { input: { id: t.shiftIds[1], reason: 'Again' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'shift.cancelled' });
      expect(await api.fails(UPDATE_SHIFT, { input: { id: t.shiftIds[1], capacity: 9 } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'shift.cancelled' });
    });

    it('should cancel a whole task: every shift ahead cancelled, its claimants told, past shifts kept', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -30, capacity: 2 }, { startInHours: 24, capacity: 2 }, { startInHours: 48, capacity: 2 }] });
      const [a, b] = await api.make.users(2);
      const attended = await api.make.claim(t.shiftIds[0], a, 'ATTENDED', { check_in_at: new Date(Date.now() - 30 * HOUR), check_out_at: new Date(Date.now() - 28 * HOUR) });
      await claim(a, t.shiftIds[1]);
      await claim(b, t.shiftIds[2]);
      await api.eventsSettled();
      const task = (await api.ok(CANCEL_TASK, { input: { id: t.id, reason: 'The park is closed for works' } }, coordinator.token)).cancelTask;
      expect(task).toMatchObject({ status: 'CANCELLED', cancelReason: 'The park is closed for works' });
      expect(task.shifts.map((s: { cancelledAt: string | null }) => s.cancelledAt !== null)).toEqual([false, true, true]);
      expect(await statusesOn(t.shiftIds[1])).toEqual(['CANCELLED']);
      expect(await statusesOn(t.shiftIds[2])).toEqual(['CANCELLED']);
      expect((await api.sql(`SELECT status FROM shift_claim WHERE id = $1`, [attended]))[0].status).toBe('ATTENDED');
      await api.eventsSettled();
      expect((await api.notificationKinds(a)).filter((k) => k === 'SHIFT_CANCELLED')).toHaveLength(1);
      expect((await api.notificationKinds(b)).at(-1)).toBe('SHIFT_CANCELLED');
      expect(await api.fails(UPDATE_TASK, { input: { id: t.id, title: 'Back on' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'task.notEditable' });
      expect(await api.fails(CANCEL_TASK, { input: { id: t.id, reason: 'Again' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });
      expect(await api.fails(`mutation($id: ID!) { publishTask(id: $id) { id } }`, { id: t.id }, coordinator.token)).toMatchObject({ code: 'CONFLICT' });
    });

    it('should refuse to cancel a task while one of its shifts is under way', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -0.5, capacity: 2 }, { startInHours: 24, capacity: 2 }] });
      const v = await api.make.user();
      await claim(v, t.shiftIds[1]);
      expect(await api.fails(CANCEL_TASK, { input: { id: t.id, reason: 'Storm' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'task.shiftUnderway' });
      expect(await statusesOn(t.shiftIds[1])).toEqual(['CONFIRMED']);
      expect((await api.sql(`SELECT status FROM task WHERE id = $1`, [t.id]))[0].status).toBe('PUBLISHED');
    });
  });

  describe('completing', () => {
    it('should refuse to complete a task while a shift of it has not ended, and complete it once only cancelled or ended shifts are left', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -5, hours: 2, capacity: 2 }, { startInHours: 72, capacity: 2 }] });
      const COMPLETE = `mutation($id: ID!) { completeTask(id: $id) { id status } }`;
      expect(await api.fails(COMPLETE, { id: t.id }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'task.complete.shiftsAhead' });
      expect((await api.sql(`SELECT status FROM task WHERE id = $1`, [t.id]))[0].status).toBe('PUBLISHED');
      await api.ok(CANCEL_SHIFT, { input: { id: t.shiftIds[1], reason: 'Not needed after all' } }, coordinator.token);
      expect((await api.ok(COMPLETE, { id: t.id }, coordinator.token)).completeTask.status).toBe('COMPLETED');
    });
  });

  describe('copying a task', () => {
    it('should copy a task as a draft with its shifts moved by the offset, cancelled shifts left behind', async () => {
      const t = await api.make.task(orgId, regions.grid, { skills: ['FIRST_AID'], shifts: [{ startInHours: 24, capacity: 3 }, { startInHours: 48, capacity: 5 }, { startInHours: 50, capacity: 1 }] });
      await api.ok(UPDATE_SHIFT, { input: { id: t.shiftIds[0], place: 'East gate' } }, coordinator.token);
      await api.ok(CANCEL_SHIFT, { input: { id: t.shiftIds[2], reason: 'Not needed' } }, coordinator.token);
      const source = await api.sql(`SELECT starts_at, ends_at FROM shift WHERE task_id = $1 ORDER BY starts_at`, [t.id]);
      const copy = (await api.ok(COPY_TASK, { input: { id: t.id, offsetDays: 7, title: 'Test task, week 2' } }, coordinator.token)).copyTask;
      expect(copy).toMatchObject({ status: 'DRAFT', title: 'Test task, week 2', requiredSkills: ['FIRST_AID'] });
      expect(copy.id).not.toBe(t.id);
      expect(copy.shifts).toEqual([
        { startsAt: new Date(source[0].starts_at.getTime() + 7 * DAY).toISOString(), endsAt: new Date(source[0].ends_at.getTime() + 7 * DAY).toISOString(), capacity: 3, place: 'East gate' },
        { startsAt: new Date(source[1].starts_at.getTime() + 7 * DAY).toISOString(), endsAt: new Date(source[1].ends_at.getTime() + 7 * DAY).toISOString(), capacity: 5, place: null },
      ]);
      const codes = await api.sql(`SELECT count(DISTINCT check_in_code)::int AS n FROM shift WHERE task_id = $1`, [copy.id]);
      expect(codes[0].n).toBeGreaterThanOrEqual(1);
      expect(await api.sql(`SELECT 1 FROM audit_entry WHERE action = 'task.copy' AND subject_id = $1`, [copy.id])).toHaveLength(1);
    });

    it('should refuse an offset that leaves a shift in the past, outsiders, and bad offsets', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: -24 * 10, capacity: 3 }, { startInHours: 24, capacity: 3 }] });
      expect(await api.fails(COPY_TASK, { input: { id: t.id, offsetDays: 7 } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offsetDays', key: 'task.copy.startsInPast' });
      expect(await api.fails(COPY_TASK, { input: { id: t.id, offsetDays: 0 } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offsetDays' });
      expect(await api.fails(COPY_TASK, { input: { id: t.id, offsetDays: 14 } }, outsider.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect((await api.ok(COPY_TASK, { input: { id: t.id, offsetDays: 14 } }, coordinator.token)).copyTask.shifts).toHaveLength(2);
    });
  });

  describe('prerequisites', () => {
    it('should refuse claims by volunteers under the minimum age, without a birth date, or lacking a mandatory skill, naming what is missing', async () => {
      const t = await api.make.task(orgId, regions.grid, { skills: ['FIRST_AID', 'SIGN_LANGUAGE'] });
      await api.ok(UPDATE_TASK, { input: { id: t.id, minimumAge: 18, skillsMandatory: true } }, coordinator.token);
      const [young, unknown, unskilled, ready] = await api.make.users(4);
      const startsOn = (await api.sql(`SELECT (starts_at AT TIME ZONE 'Asia/Shanghai')::date AS d FROM shift WHERE id = $1`, [t.shiftIds[0]]))[0].d as string;
      const yearsBefore = (years: number, days = 0) => api.sql(`SELECT ($1::date - make_interval(years => $2) + make_interval(days => $3))::date AS d`, [startsOn, years, days]).then((r) => r[0].d);
      await api.sql(`UPDATE user_account SET birth_date = $2, skills = '{FIRST_AID,SIGN_LANGUAGE}' WHERE id = $1`, [young.id, await yearsBefore(18, 1)]);
      await api.sql(`UPDATE user_account SET skills = '{FIRST_AID,SIGN_LANGUAGE}' WHERE id = $1`, [unknown.id]);
      await api.sql(`UPDATE user_account SET birth_date = $2, skills = '{FIRST_AID}' WHERE id = $1`, [unskilled.id, await yearsBefore(30)]);
      await api.sql(`UPDATE user_account SET birth_date = $2, skills = '{FIRST_AID,SIGN_LANGUAGE}' WHERE id = $1`, [ready.id, await yearsBefore(18)]);
      const shiftId = t.shiftIds[0];
      expect(await api.fails(CLAIM, { input: { shiftId } }, young.token)).toMatchObject({ code: 'FORBIDDEN', key: 'claim.tooYoung' });
      expect(await api.fails(CLAIM, { input: { shiftId } }, unknown.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'claim.birthDateRequired', field: 'birthDate' });
      const missing = await api.fails(CLAIM, { input: { shiftId } }, unskilled.token);
      expect(missing).toMatchObject({ code: 'FORBIDDEN', key: 'claim.missingSkills' });
      expect(missing.message).toContain('SIGN_LANGUAGE');
      expect(missing.message).not.toContain('FIRST_AID');
      // Eighteen on the day of the shift is old enough.
      expect((await claim(ready, shiftId)).status).toBe('CONFIRMED');
      expect(await statusesOn(shiftId)).toEqual(['CONFIRMED']);
    });
  });
});
