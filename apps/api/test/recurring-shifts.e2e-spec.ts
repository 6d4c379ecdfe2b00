import { Clock, RequestContext, statementCounter } from '@civicgrid/platform';
import { ShiftSeriesService } from '@civicgrid/volunteering';
import { TestApi, toShanghaiHour } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const SERIES_FIELDS = `id rrule timeZone startsOn startTime endTime durationMinutes capacity exceptions iCalendar firstStartsAt materializedUntil
  recurrence { frequency interval byWeekday until count } nextOccurrences(first: 3) { date startsAt endsAt shift { id } }`;
const ADD = `mutation($input: AddShiftSeriesInput!) { addShiftSeries(input: $input) { ${SERIES_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateShiftSeriesInput!) { updateShiftSeries(input: $input) { moved cancelled series { ${SERIES_FIELDS} splitFrom { id } } previous { id rrule } } }`;
const SKIP = `mutation($input: AddShiftSeriesExceptionInput!) { addShiftSeriesException(input: $input) { id exceptions } }`;
const PREVIEW = `query($input: PreviewShiftSeriesInput!) { previewShiftSeries(input: $input) { rrule iCalendar totalCount windowCount recurrence { frequency byWeekday count } occurrences { date startsAt endsAt shift { id } } } }`;
const CLAIM_EVERY = `mutation($input: ClaimShiftSeriesInput!) { claimShiftSeries(input: $input) { standingClaim { id endedAt volunteer { id } series { id } } occurrences { outcome shift { id occurrenceDate } claim { id status } } } }`;
const STOP = `mutation($input: StopClaimingShiftSeriesInput!) { stopClaimingShiftSeries(input: $input) { id endedAt } }`;
const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id shifts { id startsAt series { id } occurrenceDate } shiftSeries { id recurrence { frequency byWeekday } } } }`;
const TASK = `query($id: ID!) { task(id: $id) { id shiftSeries { id rrule viewerStandingClaim { id } } shifts { id occurrenceDate series { id recurrence { frequency interval byWeekday } } viewerClaim { status } } } }`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEKDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/**
 * Recurring shifts: their rules in Shanghai's wall-clock time, occurrences made as ordinary
 * shifts a rolling window ahead by an idempotent job, "this and following" changes,
 * skipped dates, and claiming every occurrence.
 */
describe('recurring shifts', () => {
  let api: TestApi;
  let clock: Clock;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    clock = api.get(Clock);
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
  });
  afterEach(() => clock.reset());
  afterAll(async () => {
    await api.close();
  });

  /** The Shanghai date of an instant. */
  const shanghaiDate = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10);
  const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
  /** The first date after tomorrow (Shanghai, at the app's clock) falling on a weekday (MO…SU). */
  const next = (weekday: string) => {
    let d = shanghaiDate(clock.nowMs() + 2 * DAY);
    while (WEEKDAY[new Date(`${d}T00:00:00Z`).getUTCDay()] !== weekday) d = plusDays(d, 1);
    return d;
  };
  const at = (date: string, time: string) => `${date}T${time}:00+08:00`;
  const publishedTask = async () => (await api.make.task(orgId, regions.grid, { shifts: [] })).id;
  const add = async (input: Record<string, unknown>) => (await api.ok(ADD, { input }, coordinator.token)).addShiftSeries;
  const runJob = () => api.get(ShiftSeriesService).materializeDue(RequestContext.system());
  /** A series' occurrences still held (a called-off one stays, cancelled, so its date is never made again). */
  const occurrences = (seriesId: string) =>
    api.sql<{ id: string; day: string; starts_at: Date; ends_at: Date; capacity: number }>(
      `SELECT id, occurrence_date::text AS day, starts_at, ends_at, capacity FROM shift WHERE series_id = $1 AND cancelled_at IS NULL ORDER BY starts_at`,
      [seriesId],
    );
  const iso = (d: Date) => new Date(d).toISOString();
  /** A token signed at the moved clock (access tokens live 15 minutes of the app's time). */
  const now = async (who: TestUser) => ({ ...who, token: await api.make.token(who.id) });

  describe('rules', () => {
    it('should make a weekly shift on the chosen days every two weeks for a count, at 09:00 Shanghai (01:00 UTC) each time', async () => {
      const taskId = await publishedTask();
      const monday = next('MO');
      const s = await add({ taskId, startsAt: at(monday, '09:00'), endsAt: at(monday, '11:30'), capacity: 4, recurrence: { frequency: 'WEEKLY', interval: 2, byWeekday: ['WE', 'MO'], count: 6 } });
      expect(s).toMatchObject({
        rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6',
        timeZone: 'Asia/Shanghai',
        startsOn: monday,
        startTime: '09:00',
        endTime: '11:30',
        durationMinutes: 150,
        capacity: 4,
        recurrence: { frequency: 'WEEKLY', interval: 2, byWeekday: ['MO', 'WE'], until: null, count: 6 },
        firstStartsAt: `${monday}T01:00:00.000Z`,
      });
      expect(s.iCalendar).toBe(`DTSTART;TZID=Asia/Shanghai:${monday.replace(/-/g, '')}T090000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=6`);
      const made = await occurrences(s.id);
      expect(made.map((o) => o.day)).toEqual([0, 2, 14, 16, 28, 30].map((n) => plusDays(monday, n)));
      expect(made.map((o) => iso(o.starts_at).slice(11))).toEqual(Array(6).fill('01:00:00.000Z'));
      expect(made.map((o) => iso(o.ends_at).slice(11))).toEqual(Array(6).fill('03:30:00.000Z'));
      expect(made.every((o) => o.capacity === 4)).toBe(true);
      expect(s.nextOccurrences).toEqual(made.slice(0, 3).map((o) => ({ date: o.day, startsAt: iso(o.starts_at), endsAt: iso(o.ends_at), shift: { id: o.id } })));
      // They are ordinary shifts: on the task, on the board, claimable.
      const volunteer = await api.make.user();
      expect((await api.ok(CLAIM, { input: { shiftId: made[0].id } }, volunteer.token)).claimShift.status).toBe('CONFIRMED');
      const { task } = await api.ok(TASK, { id: taskId }, volunteer.token);
      expect(task.shifts).toHaveLength(6);
      expect(task.shifts[0]).toMatchObject({ occurrenceDate: monday, series: { id: s.id, recurrence: { frequency: 'WEEKLY', interval: 2, byWeekday: ['MO', 'WE'] } }, viewerClaim: { status: 'CONFIRMED' } });
      expect(task.shiftSeries).toEqual([{ id: s.id, rrule: s.rrule, viewerStandingClaim: null }]);
    });

    it('should take RRULE text with UNTIL, skip the exceptions, and never make the skipped dates', async () => {
      const taskId = await publishedTask();
      const tuesday = next('TU');
      const until = plusDays(tuesday, 28);
      const s = await add({ taskId, startsAt: at(tuesday, '18:00'), endsAt: at(tuesday, '20:00'), capacity: 2, rrule: `FREQ=WEEKLY;BYDAY=TU;UNTIL=${until.replace(/-/g, '')}`, exceptions: [plusDays(tuesday, 7)] });
      expect(s.recurrence).toEqual({ frequency: 'WEEKLY', interval: 1, byWeekday: ['TU'], until, count: null });
      expect(s.rrule).toBe(`FREQ=WEEKLY;INTERVAL=1;BYDAY=TU;UNTIL=${until.replace(/-/g, '')}T155959Z`);
      expect(s.exceptions).toEqual([plusDays(tuesday, 7)]);
      expect((await occurrences(s.id)).map((o) => o.day)).toEqual([0, 14, 21, 28].map((n) => plusDays(tuesday, n)));
      await runJob();
      expect((await occurrences(s.id)).map((o) => o.day)).toEqual([0, 14, 21, 28].map((n) => plusDays(tuesday, n)));
    });

    it('should preview a rule with the same computation, across the dates America and Europe change their clocks', async () => {
      // Six Mondays from the first in March at 09:00 Shanghai span both dates (the second and last Sundays of March).
      let year = new Date(clock.nowMs()).getUTCFullYear();
      if (Date.parse(`${year}-03-01T00:00:00Z`) < clock.nowMs() + 2 * DAY) year++;
      let monday = `${year}-03-01`;
      while (new Date(`${monday}T00:00:00Z`).getUTCDay() !== 1) monday = plusDays(monday, 1);
      const { previewShiftSeries: p } = await api.ok(PREVIEW, { input: { startsAt: at(monday, '09:00'), endsAt: at(monday, '10:00'), recurrence: { frequency: 'WEEKLY', count: 6 } } }, coordinator.token);
      const mondays = [0, 7, 14, 21, 28, 35].map((n) => plusDays(monday, n));
      expect(p.occurrences.map((o: { date: string; startsAt: string }) => [o.date, o.startsAt])).toEqual(mondays.map((d) => [d, `${d}T01:00:00.000Z`]));
      expect(p).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO;COUNT=6', totalCount: 6, recurrence: { frequency: 'WEEKLY', byWeekday: ['MO'], count: 6 } });
      expect(p.windowCount).toBe(mondays.filter((d) => Date.parse(`${d}T01:00:00Z`) < clock.nowMs() + 56 * DAY).length);
      expect(p.occurrences.every((o: { shift: unknown }) => o.shift === null)).toBe(true);
      expect(await api.sql(`SELECT count(*)::int AS n FROM shift_series WHERE starts_on = $1`, [monday])).toEqual([{ n: 0 }]);
    });

    it('should make a task with recurring shifts only, its occurrences at once', async () => {
      const monday = next('MO');
      const { createTask } = await api.ok(
        CREATE_TASK,
        {
          input: {
            organizationId: orgId,
            title: 'Weekly tea with elders',
            category: 'ELDER_CARE',
            regionId: regions.grid.id,
            shifts: [],
            series: [{ startsAt: at(monday, '15:00'), endsAt: at(monday, '16:00'), capacity: 3, recurrence: { frequency: 'WEEKLY', count: 3 } }],
          },
        },
        coordinator.token,
      );
      expect(createTask.shiftSeries).toEqual([{ id: expect.any(String), recurrence: { frequency: 'WEEKLY', byWeekday: ['MO'] } }]);
      expect(createTask.shifts.map((s: { occurrenceDate: string }) => s.occurrenceDate)).toEqual([monday, plusDays(monday, 7), plusDays(monday, 14)]);
      expect(createTask.shifts.every((s: { series: { id: string } }) => s.series.id === createTask.shiftSeries[0].id)).toBe(true);
    });
  });

  describe('reading', () => {
    it("should read series, their next occurrences and the viewer's standing claims in as many statements for many tasks as for few", async () => {
      const BOARD = `query($f: ShiftFilter, $n: Int) { openShifts(filter: $f, first: $n) { edges { node { id series { id rrule recurrence { byWeekday } nextOccurrences(first: 2) { date shift { id } } viewerStandingClaim { id } task { shiftSeries { id } } } } } } }`;
      const category = 'CULTURE';
      const viewer = await api.make.user();
      for (let i = 0; i < 6; i++) {
        const taskId = (await api.make.task(orgId, regions.grid, { category, shifts: [] })).id;
        const day = plusDays(next('MO'), 7 * i);
        await add({ taskId, startsAt: at(day, '09:00'), endsAt: at(day, '10:00'), capacity: 2, recurrence: { frequency: 'WEEKLY', count: 1 } });
      }
      const count = async (n: number) => {
        statementCounter.count = 0;
        const r = await api.ok(BOARD, { f: { category }, n }, viewer.token);
        expect(r.openShifts.edges).toHaveLength(n);
        expect(r.openShifts.edges.every((e: { node: { series: { id: string } | null } }) => e.node.series)).toBe(true);
        return statementCounter.count;
      };
      expect(await count(6)).toBe(await count(2));
    });
  });

  describe('the rolling window', () => {
    it('should make occurrences 8 weeks ahead, move the window on when the clock moves, and make nothing twice however often or concurrently the job runs', async () => {
      const taskId = await publishedTask();
      const start = shanghaiDate(clock.nowMs() + 2 * DAY);
      const s = await add({ taskId, startsAt: at(start, '07:30'), endsAt: at(start, '09:00'), capacity: 2, recurrence: { frequency: 'DAILY', interval: 3 } });
      const window = (await occurrences(s.id)).map((o) => o.day);
      expect(window[0]).toBe(start);
      expect(window.length).toBeGreaterThanOrEqual(18);
      expect(window.length).toBeLessThanOrEqual(19);
      const last = (await occurrences(s.id)).at(-1)!;
      expect(last.starts_at.getTime()).toBeLessThan(clock.nowMs() + 56 * DAY);

      clock.travel(10 * DAY);
      await runJob();
      const later = await occurrences(s.id);
      expect(later.at(-1)!.starts_at.getTime()).toBeGreaterThan(clock.nowMs() + 53 * DAY);
      expect(later.at(-1)!.starts_at.getTime()).toBeLessThan(clock.nowMs() + 56 * DAY);
      expect(later.length).toBeGreaterThan(window.length);
      // Every third day from the start, none missing.
      expect(later.map((o) => o.day)).toEqual(later.map((_, i) => plusDays(start, 3 * i)));
      // Again, and twice at once: nothing new.
      expect(await runJob()).toBe(0);
      clock.travel(4 * DAY);
      const [a, b] = await Promise.all([runJob(), runJob()]);
      const after = await occurrences(s.id);
      expect(after.length).toBe(later.length + a + b);
      expect(a + b).toBeGreaterThan(0);
      expect(await api.sql(`SELECT occurrence_date FROM shift WHERE series_id = $1 GROUP BY occurrence_date HAVING count(*) > 1`, [s.id])).toEqual([]);
      expect(after.map((o) => o.day)).toEqual(after.map((_, i) => plusDays(start, 3 * i)));
      const [w] = await api.sql(`SELECT materialized_until FROM shift_series WHERE id = $1`, [s.id]);
      expect(Math.abs(new Date(w.materialized_until).getTime() - (clock.nowMs() + 56 * DAY))).toBeLessThan(60_000);
    });

    it('should keep 09:00 Shanghai at 01:00 UTC on every occurrence made as the window crosses the dates other zones change their clocks', async () => {
      const taskId = await publishedTask();
      const monday = next('MO');
      const s = await add({ taskId, startsAt: at(monday, '09:00'), endsAt: at(monday, '10:00'), capacity: 1, recurrence: { frequency: 'WEEKLY' } });
      // Forward until the window passes the last Sunday of March and the first Sunday of November.
      for (let i = 0; i < 8; i++) {
        clock.travel(6 * 7 * DAY);
        await runJob();
      }
      const made = await occurrences(s.id);
      expect(made.length).toBeGreaterThan(50);
      expect(made.map((o) => o.day)).toEqual(made.map((_, i) => plusDays(monday, 7 * i)));
      expect(new Set(made.map((o) => iso(o.starts_at).slice(11)))).toEqual(new Set(['01:00:00.000Z']));
      // More than a year of Mondays: past every date on which Europe and America change their clocks.
      expect(Date.parse(made.at(-1)!.day) - Date.parse(made[0].day)).toBeGreaterThan(365 * DAY);
    });

    it('should make no occurrences for a task that is cancelled or completed, nor past the limit of shifts to come', async () => {
      // At noon in Shanghai the 56-day window holds 55 daily 10:00 occurrences from the day after tomorrow, whatever the real hour.
      clock.travel(toShanghaiHour(clock.nowMs(), 12));
      const taskId = await publishedTask();
      const start = shanghaiDate(clock.nowMs() + 2 * DAY);
      // Access tokens live 15 minutes of the app's time: one signed at the moved clock.
      const token = await api.make.token(coordinator.id);
      const s = (await api.ok(ADD, { input: { taskId, startsAt: at(start, '10:00'), endsAt: at(start, '11:00'), capacity: 1, recurrence: { frequency: 'DAILY' } } }, token)).addShiftSeries;
      const made = (await occurrences(s.id)).length;
      expect(made).toBeGreaterThanOrEqual(55);
      // A second daily series would pass 100 shifts to come.
      expect(await api.fails(ADD, { input: { taskId, startsAt: at(start, '14:00'), endsAt: at(start, '15:00'), capacity: 1, recurrence: { frequency: 'DAILY' } } }, token)).toMatchObject({
        code: 'CONFLICT',
        key: 'task.tooManyShifts',
      });
      await api.sql(`UPDATE task SET status = 'CANCELLED', cancelled_at = now(), cancel_reason = 'Park closed' WHERE id = $1`, [taskId]);
      clock.travel(7 * DAY);
      await runJob();
      expect((await occurrences(s.id)).length).toBe(made);
    });
  });

  describe('this and following', () => {
    it('should leave earlier occurrences and their claims alone, move later ones with their claims and tell the claimants, and call off those the new rule drops', async () => {
      const taskId = await publishedTask();
      const monday = next('MO');
      const s = await add({ taskId, startsAt: at(monday, '09:00'), endsAt: at(monday, '11:00'), capacity: 2, recurrence: { frequency: 'WEEKLY', byWeekday: ['MO', 'WE'], count: 8 } });
      const made = await occurrences(s.id);
      const [early, onWednesday, kept, dropped] = await api.make.users(4);
      const claimOn = async (who: TestUser, i: number) => (await api.ok(CLAIM, { input: { shiftId: made[i].id } }, who.token)).claimShift.id as string;
      const earlyClaim = await claimOn(early, 0);
      await claimOn(onWednesday, 1);
      const keptClaim = await claimOn(kept, 2);
      await claimOn(dropped, 3);
      await api.eventsSettled();

      // The first Monday has passed; from the second Monday on: Mondays and Thursdays, 10:00 to 12:30, three places.
      clock.travel(made[0].ends_at.getTime() + HOUR - clock.nowMs());
      const me = await now(coordinator);
      const { updateShiftSeries: u } = await api.ok(
        UPDATE,
        { input: { seriesId: s.id, fromShiftId: made[2].id, startTime: '10:00', endTime: '12:30', capacity: 3, recurrence: { frequency: 'WEEKLY', byWeekday: ['MO', 'TH'], count: 4 } } },
        me.token,
      );
      expect(u).toMatchObject({ moved: 2, cancelled: 4, previous: { id: s.id, rrule: `FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;UNTIL=${plusDays(monday, 6).replace(/-/g, '')}T155959Z` } });
      expect(u.series).toMatchObject({ startsOn: plusDays(monday, 7), startTime: '10:00', endTime: '12:30', capacity: 3, rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TH;COUNT=4', splitFrom: { id: s.id } });

      // Before the change: as they were.
      const before = await occurrences(s.id);
      expect(before.map((o) => [o.id, iso(o.starts_at), o.capacity])).toEqual(made.slice(0, 2).map((o) => [o.id, iso(o.starts_at), 2]));
      const [earlyRow] = await api.sql(`SELECT status FROM shift_claim WHERE id = $1`, [earlyClaim]);
      expect(earlyRow.status).toBe('CONFIRMED');
      // From it: Monday, Thursday, Monday, Thursday at 02:00 UTC; the kept Monday is the same shift with its claim.
      const after = await occurrences(u.series.id);
      expect(after.map((o) => o.day)).toEqual([7, 10, 14, 17].map((n) => plusDays(monday, n)));
      expect(after.map((o) => [iso(o.starts_at).slice(11), iso(o.ends_at).slice(11), o.capacity])).toEqual(Array(4).fill(['02:00:00.000Z', '04:30:00.000Z', 3]));
      expect(after[0].id).toBe(made[2].id);
      const [keptRow] = await api.sql(`SELECT status, shift_id FROM shift_claim WHERE id = $1`, [keptClaim]);
      expect(keptRow).toEqual({ status: 'CONFIRMED', shift_id: made[2].id });
      // The Wednesdays are called off, and so is the Monday past the new count: cancelled with their claims.
      const calledOff = await api.sql(`SELECT count(*)::int AS n FROM shift WHERE id = ANY($1::uuid[]) AND cancelled_at IS NOT NULL AND board_region_id IS NULL`, [[made[3].id, made[5].id, made[6].id, made[7].id]]);
      expect(calledOff).toEqual([{ n: 4 }]);
      expect(await api.sql(`SELECT status FROM shift_claim WHERE shift_id = $1`, [made[3].id])).toEqual([{ status: 'CANCELLED' }]);

      await api.eventsSettled();
      expect(await api.notificationKinds(early)).toEqual(['CLAIM_CONFIRMED']);
      expect(await api.notificationKinds(onWednesday)).toEqual(['CLAIM_CONFIRMED']);
      expect(await api.notificationKinds(kept)).toEqual(['CLAIM_CONFIRMED', 'SHIFT_RESCHEDULED']);
      expect(await api.notificationKinds(dropped)).toEqual(['CLAIM_CONFIRMED', 'SHIFT_CANCELLED']);
      const [moved] = await api.sql(`SELECT params FROM notification WHERE user_id = $1 AND kind = 'SHIFT_RESCHEDULED'`, [kept.id]);
      expect(moved.params).toMatchObject({ startsAt: iso(after[0].starts_at), previousStartsAt: iso(made[2].starts_at) });
      // The moved claim's reminders follow the new time.
      const reminders = await api.sql(`SELECT due_at FROM claim_reminder WHERE claim_id = $1 ORDER BY due_at`, [keptClaim]);
      expect(reminders.map((r) => iso(r.due_at))).toEqual([new Date(after[0].starts_at.getTime() - 24 * HOUR), new Date(after[0].starts_at.getTime() - 2 * HOUR)].map(iso));
      const audit = await api.sql(`SELECT detail FROM audit_entry WHERE action = 'shiftSeries.occurrenceCancelled' AND subject_id = $1`, [made[3].id]);
      expect(audit[0].detail).toMatchObject({ cause: 'shiftSeries.changed', seriesId: s.id });
    });

    it('should change a series in place from its first occurrence, and refuse what cannot change', async () => {
      const taskId = await publishedTask();
      const friday = next('FR');
      const s = await add({ taskId, startsAt: at(friday, '19:00'), endsAt: at(friday, '21:00'), capacity: 2, recurrence: { frequency: 'WEEKLY', count: 3 } });
      const made = await occurrences(s.id);
      const full = await api.make.users(2);
      for (const v of full) await api.ok(CLAIM, { input: { shiftId: made[1].id } }, v.token);
      expect(await api.fails(UPDATE, { input: { seriesId: s.id, fromDate: friday, capacity: 1 } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'shiftSeries.capacityBelowTaken' });
      expect(await api.fails(UPDATE, { input: { seriesId: s.id, fromDate: plusDays(friday, 1) } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromDate', key: 'shiftSeries.notAnOccurrence' });
      expect(await api.fails(UPDATE, { input: { seriesId: s.id, fromDate: friday, startTime: '20:00', endTime: '20:00' } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endTime' });
      const { updateShiftSeries: u } = await api.ok(UPDATE, { input: { seriesId: s.id, fromDate: friday, startTime: '22:00', endTime: '06:00' } }, coordinator.token);
      expect(u).toMatchObject({ previous: null, moved: 3, cancelled: 0, series: { id: s.id, startTime: '22:00', endTime: '06:00', durationMinutes: 480, rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=FR;COUNT=3' } });
      // 22:00 to 06:00 the next morning in Shanghai: 14:00 to 22:00 UTC.
      expect((await occurrences(s.id)).map((o) => [o.id, iso(o.starts_at), iso(o.ends_at)])).toEqual(made.map((o) => [o.id, `${o.day}T14:00:00.000Z`, `${o.day}T22:00:00.000Z`]));
    });
  });

  describe('skipping an occurrence', () => {
    it('should call off a made occurrence, tell its claimants, and never make it again', async () => {
      const taskId = await publishedTask();
      const thursday = next('TH');
      const s = await add({ taskId, startsAt: at(thursday, '09:00'), endsAt: at(thursday, '10:00'), capacity: 2, recurrence: { frequency: 'WEEKLY' } });
      const made = await occurrences(s.id);
      const volunteer = await api.make.user();
      await api.ok(CLAIM, { input: { shiftId: made[1].id } }, volunteer.token);
      await api.eventsSettled();
      const skipped = plusDays(thursday, 7);
      expect((await api.ok(SKIP, { input: { seriesId: s.id, date: skipped } }, coordinator.token)).addShiftSeriesException.exceptions).toEqual([skipped]);
      // Again: no change.
      expect((await api.ok(SKIP, { input: { seriesId: s.id, date: skipped } }, coordinator.token)).addShiftSeriesException.exceptions).toEqual([skipped]);
      expect((await occurrences(s.id)).map((o) => o.day)).not.toContain(skipped);
      await api.eventsSettled();
      expect(await api.notificationKinds(volunteer)).toEqual(['CLAIM_CONFIRMED', 'SHIFT_CANCELLED']);
      const [told] = await api.sql(`SELECT link, params FROM notification WHERE user_id = $1 AND kind = 'SHIFT_CANCELLED'`, [volunteer.id]);
      expect(told).toMatchObject({ link: '/my-shifts', params: { startsAt: iso(made[1].starts_at), reason: expect.stringContaining('This date is skipped') } });
      await api.sql(`UPDATE shift_series SET materialized_until = NULL WHERE id = $1`, [s.id]);
      await runJob();
      expect((await occurrences(s.id)).map((o) => o.day)).not.toContain(skipped);
      expect(await api.fails(SKIP, { input: { seriesId: s.id, date: plusDays(thursday, 1) } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date', key: 'shiftSeries.notAnOccurrence' });
    });
  });

  describe('claiming every occurrence', () => {
    it('should claim each occurrence under its own rules, waitlist only the full one, claim occurrences made later, and stop when asked', async () => {
      const taskId = await publishedTask();
      const sunday = next('SU');
      const s = await add({ taskId, startsAt: at(sunday, '08:00'), endsAt: at(sunday, '10:00'), capacity: 1, recurrence: { frequency: 'WEEKLY' } });
      const made = await occurrences(s.id);
      expect(made).toHaveLength(8);
      const [first, regular, resident, leader, stranger] = await api.make.users(5);
      await api.ok(CLAIM, { input: { shiftId: made[1].id } }, first.token);
      // The regular already has a shift at the time of the fourth occurrence elsewhere.
      const elsewhere = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: (made[3].starts_at.getTime() - Date.now()) / HOUR, capacity: 3 }] });
      await api.ok(CLAIM, { input: { shiftId: elsewhere.shiftIds[0] } }, regular.token);

      const { claimShiftSeries: r } = await api.ok(CLAIM_EVERY, { input: { seriesId: s.id } }, regular.token);
      expect(r.standingClaim).toMatchObject({ endedAt: null, volunteer: { id: regular.id }, series: { id: s.id } });
      expect(r.occurrences.map((o: { outcome: string; shift: { id: string } }) => [o.shift.id, o.outcome])).toEqual(
        made.map((o, i) => [o.id, i === 1 ? 'WAITLISTED' : i === 3 ? 'OVERLAP' : 'CONFIRMED']),
      );
      expect(r.occurrences[0].claim.status).toBe('CONFIRMED');
      expect(r.occurrences[3].claim).toBeNull();
      // Asking again claims nothing new.
      const again = (await api.ok(CLAIM_EVERY, { input: { seriesId: s.id } }, regular.token)).claimShiftSeries;
      expect(again.standingClaim.id).toBe(r.standingClaim.id);
      expect(again.occurrences.map((o: { outcome: string }) => o.outcome)).toEqual(made.map((_, i) => (i === 3 ? 'OVERLAP' : 'ALREADY_CLAIMED')));
      expect((await api.ok(TASK, { id: taskId }, regular.token)).task.shiftSeries[0].viewerStandingClaim).toEqual({ id: r.standingClaim.id });

      // A grid leader for a resident who granted them a proxy; a stranger may not.
      await api.make.proxyGrant(resident, leader);
      expect(await api.fails(CLAIM_EVERY, { input: { seriesId: s.id, onBehalfOfUserId: resident.id } }, stranger.token)).toMatchObject({ code: 'FORBIDDEN' });
      const forResident = (await api.ok(CLAIM_EVERY, { input: { seriesId: s.id, onBehalfOfUserId: resident.id } }, leader.token)).claimShiftSeries;
      expect(forResident.standingClaim.volunteer.id).toBe(resident.id);
      // Full everywhere but where the regular was busy elsewhere.
      expect(forResident.occurrences.map((o: { outcome: string }) => o.outcome)).toEqual(made.map((_, i) => (i === 3 ? 'CONFIRMED' : 'WAITLISTED')));

      // A week on, the window has a new occurrence: claimed for both standing claims, in order.
      clock.travel(7 * DAY);
      await runJob();
      const ninth = (await occurrences(s.id)).at(-1)!;
      expect(ninth.day).toBe(plusDays(sunday, 56));
      const onNinth = await api.sql(`SELECT volunteer_id, status, acting_proxy_id FROM shift_claim WHERE shift_id = $1 ORDER BY seq`, [ninth.id]);
      expect(onNinth).toEqual([
        { volunteer_id: regular.id, status: 'CONFIRMED', acting_proxy_id: null },
        { volunteer_id: resident.id, status: 'WAITLISTED', acting_proxy_id: leader.id },
      ]);

      // Stopping (and giving up the places to come): the next occurrence is not claimed.
      const me = await now(regular);
      expect((await api.ok(STOP, { input: { seriesId: s.id, cancelClaims: true } }, me.token)).stopClaimingShiftSeries.endedAt).not.toBeNull();
      const standing = await api.sql(`SELECT c.status FROM shift_claim c JOIN shift s ON s.id = c.shift_id WHERE s.series_id = $1 AND c.volunteer_id = $2 AND s.starts_at > $3`, [s.id, regular.id, clock.now()]);
      expect(new Set(standing.map((c) => c.status))).toEqual(new Set(['CANCELLED']));
      // The resident, next on each waitlist, got the places freed.
      const residentNow = await api.sql(`SELECT c.status FROM shift_claim c JOIN shift s ON s.id = c.shift_id WHERE s.id = $1 AND c.volunteer_id = $2`, [ninth.id, resident.id]);
      expect(residentNow[0].status).toBe('CONFIRMED');
      clock.travel(7 * DAY);
      await runJob();
      const tenth = (await occurrences(s.id)).at(-1)!;
      expect(await api.sql(`SELECT volunteer_id FROM shift_claim WHERE shift_id = $1 ORDER BY seq`, [tenth.id])).toEqual([{ volunteer_id: resident.id }]);
      expect(await api.fails(STOP, { input: { seriesId: s.id } }, (await now(regular)).token)).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('refusals', () => {
    it.each([
      ['a rule a series cannot say', { rrule: 'FREQ=HOURLY;COUNT=3' }, 'rrule', 'shiftSeries.frequencyUnsupported'],
      ['RRULE text that does not parse', { rrule: 'FREQ=WEEKLY;BYDAY=XX' }, 'rrule', 'shiftSeries.byWeekdayInvalid'],
      ['an interval of 0', { recurrence: { frequency: 'WEEKLY', interval: 0 } }, 'recurrence.interval', 'shiftSeries.intervalRange'],
      ['a count and an end date both', { recurrence: { frequency: 'WEEKLY', count: 3, until: '2099-01-01' } }, 'recurrence.count', 'shiftSeries.countAndUntil'],
      ['an end date before the start', { recurrence: { frequency: 'DAILY', until: '2001-01-01' } }, 'recurrence.until', 'shiftSeries.untilBeforeStart'],
      ['a start on a day the rule has not', { recurrence: { frequency: 'WEEKLY', byWeekday: ['SA'] } }, 'startsAt', 'shiftSeries.startNotOnRule'],
      ['both forms of the rule', { rrule: 'FREQ=DAILY', recurrence: { frequency: 'DAILY' } }, 'rrule', 'shiftSeries.ruleTwice'],
      ['no rule', {}, 'recurrence', 'shiftSeries.ruleRequired'],
      ['a shift too long', { long: true, recurrence: { frequency: 'DAILY' } }, 'endsAt', 'shift.tooLong'],
      ['an exception that is no occurrence', { recurrence: { frequency: 'WEEKLY' }, exceptionOffset: 1 }, 'exceptions.0', 'shiftSeries.notAnOccurrence'],
    ])('should refuse %s as BAD_USER_INPUT and make nothing', async (_what, over, field, key) => {
      const taskId = await publishedTask();
      const monday = next('MO');
      const { long, exceptionOffset, ...rule } = over as { long?: boolean; exceptionOffset?: number };
      const input = {
        taskId,
        startsAt: at(monday, '09:00'),
        endsAt: long ? at(plusDays(monday, 1), '10:00') : at(monday, '10:00'),
        capacity: 2,
        ...(exceptionOffset ? { exceptions: [plusDays(monday, exceptionOffset)] } : {}),
        ...rule,
      };
      expect(await api.fails(ADD, { input }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field, key });
      expect(await api.sql(`SELECT id FROM shift_series WHERE task_id = $1`, [taskId])).toEqual([]);
      expect(await api.sql(`SELECT id FROM shift WHERE task_id = $1`, [taskId])).toEqual([]);
    });

    it('should refuse a start in the past, a bad date, someone who is not a coordinator, and series or tasks that do not exist', async () => {
      const taskId = await publishedTask();
      const monday = next('MO');
      const input = { taskId, startsAt: at(monday, '09:00'), endsAt: at(monday, '10:00'), capacity: 2, recurrence: { frequency: 'WEEKLY' } };
      expect(await api.fails(ADD, { input: { ...input, startsAt: '2020-01-06T09:00:00+08:00' } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt', key: 'shift.startsInPast' });
      expect((await api.gql(ADD, { input: { ...input, exceptions: ['2027-02-30'] } }, coordinator.token)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      const member = await api.make.user();
      await api.make.member(orgId, member, 'MEMBER');
      expect(await api.fails(ADD, { input }, member.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(ADD, { input: { ...input, taskId: '00000000-0000-4000-8000-000000000001' } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'taskId' });
      const s = await add(input);
      const unknown = '00000000-0000-4000-8000-000000000002';
      expect(await api.fails(UPDATE, { input: { seriesId: unknown, fromDate: monday, capacity: 3 } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND', field: 'seriesId' });
      expect(await api.fails(SKIP, { input: { seriesId: unknown, date: monday } }, coordinator.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await api.fails(CLAIM_EVERY, { input: { seriesId: unknown } }, member.token)).toMatchObject({ code: 'NOT_FOUND' });
      expect(await api.fails(UPDATE, { input: { seriesId: s.id, fromDate: monday, capacity: 3 } }, member.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(SKIP, { input: { seriesId: s.id, date: monday } }, member.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(UPDATE, { input: { seriesId: s.id, capacity: 3 } }, coordinator.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fromDate', key: 'shiftSeries.pointRequired' });
      // A draft's series is its organisation's only: claiming it is refused as if it did not exist.
      const draft = (await api.make.task(orgId, regions.grid, { status: 'DRAFT', shifts: [] })).id;
      const d = await add({ ...input, taskId: draft });
      expect(await api.fails(CLAIM_EVERY, { input: { seriesId: d.id } }, member.token)).toMatchObject({ code: 'CONFLICT', key: 'claim.taskNotOpen' });
      const outsider = await api.make.user();
      expect(await api.fails(CLAIM_EVERY, { input: { seriesId: d.id } }, outsider.token)).toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
