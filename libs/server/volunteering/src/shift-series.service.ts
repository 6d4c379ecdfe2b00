import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Limits } from '@civicgrid/contracts';
import { UsersService } from '@civicgrid/identity';
import {
  AuditService,
  authorize,
  can,
  Clock,
  ConflictError,
  DomainError,
  EventBus,
  findByIds,
  InvalidInputError,
  LiveHub,
  loadAllBy,
  loadById,
  NotFoundError,
  RequestContext,
  returning,
  TransactionRunner,
} from '@civicgrid/platform';
import { ClaimsService } from './claims.service';
import {
  addDays,
  allOccurrences,
  checkRecurrence,
  countBefore,
  firstOccurrences,
  Frequency,
  isLocalDate,
  nextOccurrences,
  Occurrence,
  occurrenceOn,
  occurrencesBetween,
  parseRRule,
  Recurrence,
  SERIES_TIME_ZONE,
  SeriesRule,
  toICalendar,
  toRRule,
  wallClock,
  Weekday,
  WEEKDAYS,
  weekdayOf,
  zonedInstant,
} from './recurrence';
import { SHIFT_UPDATED } from './volunteering.events';
import { ShiftSeriesClaimEntity, ShiftSeriesEntity } from './shift-series.entity';
import { SHIFT_RESCHEDULED, ShiftRescheduledPayload } from './shift-series.events';
import { ShiftClaimEntity } from './shift-claim.entity';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';
import { NewTask, newCheckInCode, TasksService } from './tasks.service';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Tasks whose series make occurrences: not closed, completed or cancelled ones. */
const MATERIALIZING: readonly TaskEntity['status'][] = ['DRAFT', 'PUBLISHED'];

/** A rule as a client gives it: structured fields (the portal's) or RRULE text, exactly one. */
export interface RuleInput {
  recurrence?: { frequency: Frequency; interval?: number | null; byWeekday?: Weekday[] | null; until?: string | null; count?: number | null } | null;
  rrule?: string | null;
}
export interface NewSeries extends RuleInput {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  exceptions?: string[] | null;
}
export interface SeriesPreviewRequest extends RuleInput {
  startsAt: Date;
  endsAt: Date;
  exceptions?: string[] | null;
  first?: number | null;
}
/** "This and following": from an occurrence on, what changes; what is not given stays. */
export interface SeriesChange extends RuleInput {
  seriesId: string;
  fromShiftId?: string | null;
  fromDate?: string | null;
  startTime?: string | null;
  endTime?: string | null;
  capacity?: number | null;
  exceptions?: string[] | null;
}

/** What claiming every occurrence did on one occurrence. */
export type SeriesClaimOutcome = 'CONFIRMED' | 'WAITLISTED' | 'PENDING_APPROVAL' | 'ALREADY_CLAIMED' | 'OVERLAP';
export interface OccurrenceClaim {
  shift: ShiftEntity;
  outcome: SeriesClaimOutcome;
  claim: ShiftClaimEntity | null;
}

export interface SeriesUpdate {
  series: ShiftSeriesEntity;
  /** the series that now ends before the change, when the change did not start at the first occurrence */
  previous: ShiftSeriesEntity | null;
  moved: number;
  cancelled: number;
}

export interface SeriesOccurrence extends Occurrence {
  shift: ShiftEntity | null;
}

/** A checked rule with its stored forms. */
interface CheckedRule {
  rule: SeriesRule;
  rrule: string;
  finalStartsAt: Date | null;
}

const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The series' rule as recurrence.ts computes it. */
export function ruleOf(series: ShiftSeriesEntity): SeriesRule {
  const recurrence = parseRRule(series.rrule, 'rrule', { startTime: series.startTime, timeZone: series.timeZone });
  return { timeZone: series.timeZone, startsOn: series.startsOn, startTime: series.startTime, durationMinutes: series.durationMinutes, recurrence, exceptions: series.exceptions };
}

/** Local wall time at which occurrences end (the next day's for one that runs past midnight). */
export function endTimeOf(series: Pick<ShiftSeriesEntity, 'startTime' | 'durationMinutes'>): string {
  return timeOf(minutesOf(series.startTime) + series.durationMinutes);
}

function finalStart(rule: SeriesRule): Date | null {
  const all = allOccurrences(rule);
  return all ? (all.at(-1)?.startsAt ?? null) : null;
}

/**
 * Recurring shifts: series of a task, their occurrences made as ordinary shifts a rolling
 * window ahead (`Limits.shiftSeriesWindowDays`), "this and following" changes, skipped
 * dates, and volunteers' standing claims on every occurrence.
 *
 * Locks, always in this order: the task, then the series, then shifts (and, inside
 * decide_shift_claim, the volunteer and the shift). Making occurrences holds the series'
 * row lock, and the UNIQUE (series_id, occurrence_date) refuses a second copy whatever
 * happens: running the job twice, or on two replicas at once, makes nothing new.
 *
 * A skipped occurrence, or one a change no longer has, is removed: volunteers holding a
 * place are told (`shift.cancelled`) and the removal is audited with who they were.
 * One that moves keeps its claims, and its claimants are told (`shift.rescheduled`).
 */
/**
 * What an occurrence's volunteers are told when the series calls it off (its reason, kept
 * on the shift). Organisers write their own reasons in their language; these carry both.
 */
const OCCURRENCE_CANCEL_REASONS = {
  'shiftSeries.changed': '重复安排已调整，这一次不再举行 · The repeating schedule changed and this date is no longer held',
  'shiftSeries.exception': '这一次暂停 · This date is skipped',
} as const;

@Injectable()
export class ShiftSeriesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TasksService,
    private readonly claims: ClaimsService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly live: LiveHub,
  ) {}

  private em(ctx: RequestContext): EntityManager {
    return this.tx.manager(ctx);
  }

  private horizon(): Date {
    return new Date(this.clock.nowMs() + Limits.shiftSeriesWindowDays * DAY);
  }

  // ── reading ──────────────────────────────────────────────────────────────

  load(ctx: RequestContext, id: string): Promise<ShiftSeriesEntity | null> {
    return loadById(ctx, 'shiftSeries.byId', id, (ids) => findByIds(this.em(ctx), ShiftSeriesEntity, ids));
  }

  /** A task's series, oldest first (those a change ended included). */
  ofTask(ctx: RequestContext, taskId: string): Promise<ShiftSeriesEntity[]> {
    return loadAllBy(ctx, 'shiftSeries.byTask', taskId, (ids) => this.em(ctx).find(ShiftSeriesEntity, { where: { taskId: In(ids) }, order: { startsOn: 'ASC', id: 'ASC' } }), (s) => s.taskId);
  }

  forShift(ctx: RequestContext, shift: ShiftEntity): Promise<ShiftSeriesEntity | null> {
    return shift.seriesId ? this.load(ctx, shift.seriesId) : Promise.resolve(null);
  }

  /** The viewer's own open standing claim on the series, batched. */
  async viewerStandingClaim(ctx: RequestContext, seriesId: string): Promise<ShiftSeriesClaimEntity | null> {
    const actor = await ctx.actor();
    if (!actor) return null;
    const rows = await loadAllBy(
      ctx,
      'shiftSeriesClaim.viewer',
      seriesId,
      (ids) => this.em(ctx).find(ShiftSeriesClaimEntity, { where: { seriesId: In(ids), volunteerId: actor.userId, endedAt: IsNull() } }),
      (c) => c.seriesId,
    );
    return rows[0] ?? null;
  }

  /** The next occurrences, with their shifts where they are already made. */
  async upcoming(ctx: RequestContext, series: ShiftSeriesEntity, first: number): Promise<SeriesOccurrence[]> {
    const now = this.clock.now();
    const found = nextOccurrences(ruleOf(series), now, Math.min(Math.max(first, 1), Limits.shiftSeriesPreviewMax));
    const shifts = await loadAllBy(
      ctx,
      'shift.upcomingBySeries',
      series.id,
      (ids) => this.em(ctx).createQueryBuilder(ShiftEntity, 's').where('s.series_id IN (:...ids) AND s.ends_at > :now', { ids, now }).getMany(),
      (s) => s.seriesId!,
    );
    const byDate = new Map(shifts.map((s) => [s.occurrenceDate, s]));
    return found.map((o) => ({ ...o, shift: byDate.get(o.date) ?? null }));
  }

  describe(series: ShiftSeriesEntity): { recurrence: Recurrence; iCalendar: string; firstStartsAt: Date; endTime: string } {
    const rule = ruleOf(series);
    return { recurrence: rule.recurrence, iCalendar: toICalendar(rule), firstStartsAt: zonedInstant(series.startsOn, series.startTime, series.timeZone), endTime: endTimeOf(series) };
  }

  // ── checking what clients send ───────────────────────────────────────────

  /**
   * A new series' rule from its first occurrence and the rule given, checked: the first
   * occurrence in the future on whole minutes, at most a day long, exactly one of the
   * structured rule and RRULE text, exceptions that are occurrences. `at` prefixes the
   * fields named in errors (`series.0.` inside createTask).
   */
  private checkNew(input: NewSeries | SeriesPreviewRequest, at = ''): CheckedRule {
    const f = (name: string) => `${at}${name}`;
    const { startsAt, endsAt } = input;
    if (startsAt.getTime() <= this.clock.nowMs()) throw new InvalidInputError(f('startsAt'), 'shift.startsInPast', 'A shift must start in the future');
    if (startsAt.getTime() % MINUTE || endsAt.getTime() % MINUTE) throw new InvalidInputError(f('startsAt'), 'shiftSeries.wholeMinutes', 'A recurring shift starts and ends on whole minutes');
    const minutes = (endsAt.getTime() - startsAt.getTime()) / MINUTE;
    if (minutes <= 0) throw new InvalidInputError(f('endsAt'), 'shift.endsBeforeStart', 'A shift must end after it starts');
    if (minutes > Limits.shiftMaxHours * 60) throw new InvalidInputError(f('endsAt'), 'shift.tooLong', `A shift may last at most ${Limits.shiftMaxHours} hours`);
    const local = wallClock(startsAt, SERIES_TIME_ZONE);
    const given = this.givenRecurrence(input, at, local.time);
    if (!given) throw new InvalidInputError(f('recurrence'), 'shiftSeries.ruleRequired', 'Say how the shift repeats: recurrence or rrule');
    const recurrence = checkRecurrence(given.recurrence, { field: given.field, startField: f('startsAt') }, local.date);
    return this.checked({ timeZone: SERIES_TIME_ZONE, startsOn: local.date, startTime: local.time, durationMinutes: minutes, recurrence, exceptions: [] }, input.exceptions, at);
  }

  /**
   * The recurrence the input gives, read but not yet checked against a start (see
   * checkRecurrence), with how its fields are named in errors; null when it gives none.
   */
  private givenRecurrence(input: RuleInput, at: string, startTime: string): { recurrence: Recurrence; field: (part: string) => string } | null {
    if (input.recurrence && input.rrule != null) throw new InvalidInputError(`${at}rrule`, 'shiftSeries.ruleTwice', 'Give the rule either as fields (recurrence) or as RRULE text (rrule), not both');
    if (input.rrule != null) return { recurrence: parseRRule(input.rrule, `${at}rrule`, { startTime, timeZone: SERIES_TIME_ZONE }), field: () => `${at}rrule` };
    if (!input.recurrence) return null;
    const r = input.recurrence;
    return {
      recurrence: { frequency: r.frequency, interval: r.interval ?? 1, byWeekday: r.byWeekday ?? [], until: r.until ?? null, count: r.count ?? null },
      field: (p) => `${at}recurrence.${p}`,
    };
  }

  /** Adds the exceptions (each an occurrence of the rule on or after its start) and checks that some occurrence is left. */
  private checked(rule: SeriesRule, exceptions: string[] | null | undefined, at: string): CheckedRule {
    const dates = [...new Set(exceptions ?? rule.exceptions)].sort();
    if (dates.length > Limits.shiftSeriesExceptionsMax) throw new InvalidInputError(`${at}exceptions`, 'shiftSeries.tooManyExceptions', `At most ${Limits.shiftSeriesExceptionsMax} dates may be skipped`);
    dates.forEach((d, i) => {
      if (!isLocalDate(d) || !occurrenceOn(rule, d)) throw new InvalidInputError(`${at}exceptions.${i}`, 'shiftSeries.notAnOccurrence', `${d} is not a date the shift repeats on`);
    });
    const full: SeriesRule = { ...rule, exceptions: dates };
    if (!firstOccurrences(full, 1).length) throw new InvalidInputError(`${at}exceptions`, 'shiftSeries.noOccurrence', 'Every occurrence would be skipped');
    return { rule: full, rrule: toRRule(full.recurrence, full.timeZone), finalStartsAt: finalStart(full) };
  }

  /** The occurrences a rule would have, for the form's preview: the same computation as the series' own. */
  preview(ctx: RequestContext, input: SeriesPreviewRequest) {
    const { rule, rrule } = this.checkNew(input);
    const all = allOccurrences(rule);
    const first = Math.min(Math.max(input.first ?? 10, 1), Limits.shiftSeriesPreviewMax);
    return {
      rrule,
      iCalendar: toICalendar(rule),
      recurrence: rule.recurrence,
      occurrences: firstOccurrences(rule, first).map((o) => ({ ...o, shift: null })),
      totalCount: all ? all.length : null,
      windowCount: occurrencesBetween(rule, this.clock.now(), this.horizon()).length,
    };
  }

  // ── creating ─────────────────────────────────────────────────────────────

  /** Locks the task (FOR UPDATE, or FOR SHARE) for a caller who must see it: a draft is its organisation's only. */
  private async lockTask(ctx: RequestContext, taskId: string, mode: 'pessimistic_write' | 'pessimistic_read', field: string): Promise<TaskEntity> {
    const actor = await ctx.actor();
    const task = await this.em(ctx).getRepository(TaskEntity).findOne({ where: { id: taskId }, lock: { mode } });
    if (!task || (task.status === 'DRAFT' && !can(actor, 'organization.viewInternal', { organizationId: task.organizationId }))) throw new NotFoundError('Task', field);
    return task;
  }

  /** Locks a series' task, then the series. NOT_FOUND for a series the caller may not see. */
  private async lockSeries(ctx: RequestContext, seriesId: string, mode: 'pessimistic_write' | 'pessimistic_read'): Promise<{ task: TaskEntity; series: ShiftSeriesEntity }> {
    const found = await this.em(ctx).findOneBy(ShiftSeriesEntity, { id: seriesId });
    if (!found) throw new NotFoundError('ShiftSeries', 'seriesId');
    const task = await this.lockTask(ctx, found.taskId, mode, 'seriesId').catch((e: unknown) => {
      throw e instanceof NotFoundError ? new NotFoundError('ShiftSeries', 'seriesId') : e;
    });
    const series = await this.em(ctx).getRepository(ShiftSeriesEntity).findOneOrFail({ where: { id: seriesId }, lock: { mode: 'pessimistic_write' } });
    return { task, series };
  }

  private editable(task: TaskEntity): void {
    if (!MATERIALIZING.includes(task.status)) throw new ConflictError('task.notEditable', `A ${task.status.toLowerCase()} task takes no new shifts`);
  }

  private async upcomingShifts(ctx: RequestContext, taskId: string): Promise<number> {
    const [r]: { n: number }[] = await this.em(ctx).query(`SELECT count(*)::int AS n FROM shift WHERE task_id = $1 AND ends_at > $2 AND cancelled_at IS NULL`, [taskId, this.clock.now()]);
    return r.n;
  }

  /** Adds a recurring shift to a draft or published task (COORDINATOR or above); its window's occurrences are made at once. */
  async add(ctx: RequestContext, taskId: string, input: NewSeries): Promise<ShiftSeriesEntity> {
    const actor = await ctx.requireActor();
    const checked = this.checkNew(input);
    return this.tx.run(ctx, async (t) => {
      const task = await this.lockTask(t, taskId, 'pessimistic_write', 'taskId');
      authorize(actor, 'task.manage', { organizationId: task.organizationId });
      this.editable(task);
      return this.create(t, task, checked, input.capacity);
    });
  }

  /**
   * createTask with recurring shifts besides its one-off ones: the task and every series
   * in one transaction, so a bad rule creates nothing.
   */
  async createTask(ctx: RequestContext, input: NewTask & { series?: NewSeries[] | null }): Promise<TaskEntity> {
    const series = input.series ?? [];
    if (!series.length) return this.tasks.create(ctx, input);
    if (series.length > Limits.shiftSeriesPerTaskMax) throw new InvalidInputError('series', 'shiftSeries.tooMany', `A task has at most ${Limits.shiftSeriesPerTaskMax} recurring shifts`);
    const checked = series.map((s, i) => this.checkNew(s, `series.${i}.`));
    return this.tx.run(ctx, async (t) => {
      const task = await this.tasks.create(t, input);
      for (const [i, c] of checked.entries()) await this.create(t, task, c, series[i].capacity);
      return task;
    });
  }

  private async create(ctx: RequestContext, task: TaskEntity, checked: CheckedRule, capacity: number): Promise<ShiftSeriesEntity> {
    const actor = await ctx.requireActor();
    const em = this.em(ctx);
    if ((await em.countBy(ShiftSeriesEntity, { taskId: task.id })) >= Limits.shiftSeriesPerTaskMax) {
      throw new ConflictError('task.tooManySeries', `A task has at most ${Limits.shiftSeriesPerTaskMax} recurring shifts`);
    }
    const inWindow = occurrencesBetween(checked.rule, this.clock.now(), this.horizon()).length;
    if ((await this.upcomingShifts(ctx, task.id)) + inWindow > Limits.shiftsPerTaskMax) {
      throw new ConflictError('task.tooManyShifts', `A task has at most ${Limits.shiftsPerTaskMax} shifts to come; this rule would make ${inWindow} in the next ${Limits.shiftSeriesWindowDays} days`);
    }
    const { rule } = checked;
    const series = await em.save(
      em.create(ShiftSeriesEntity, {
        taskId: task.id,
        rrule: checked.rrule,
        timeZone: rule.timeZone,
        startsOn: rule.startsOn,
        startTime: rule.startTime,
        durationMinutes: rule.durationMinutes,
        capacity,
        exceptions: [...rule.exceptions],
        finalStartsAt: checked.finalStartsAt,
        materializedUntil: null,
        splitFromId: null,
        createdById: actor.userId,
      }),
    );
    await this.materialize(ctx, task, series);
    await this.audit.record(ctx, { action: 'shiftSeries.add', subjectType: 'shift_series', subjectId: series.id, detail: { taskId: task.id, rrule: series.rrule, startsOn: series.startsOn, startTime: series.startTime } });
    return series;
  }

  // ── making occurrences ──────────────────────────────────────────────────

  /**
   * Makes the occurrences due in the window that are not made yet: those starting from
   * the series' watermark (or now) until now + the window, never past the task's limit of
   * shifts to come (the rest wait for the next run), then claims them for every standing
   * claim. The caller holds the task's and the series' locks. Returns the shifts made.
   */
  private async materialize(ctx: RequestContext, task: TaskEntity, series: ShiftSeriesEntity): Promise<ShiftEntity[]> {
    if (!MATERIALIZING.includes(task.status)) return [];
    const em = this.em(ctx);
    const now = this.clock.now();
    const horizon = this.horizon();
    const from = series.materializedUntil && series.materializedUntil > now ? series.materializedUntil : now;
    if (from >= horizon) return [];
    const due = occurrencesBetween(ruleOf(series), from, horizon);
    const room = Math.max(0, Limits.shiftsPerTaskMax - (await this.upcomingShifts(ctx, task.id)));
    const take = due.slice(0, room);
    const until = take.length < due.length ? due[take.length].startsAt : horizon;
    const made: { id: string }[] = take.length
      ? await em.query(
          `INSERT INTO shift (task_id, series_id, occurrence_date, starts_at, ends_at, capacity, check_in_code)
           SELECT $1, $2, o.day, o.starts_at, o.ends_at, $3, o.code
             FROM unnest($4::date[], $5::timestamptz[], $6::timestamptz[], $7::text[]) AS o(day, starts_at, ends_at, code)
           ON CONFLICT ON CONSTRAINT shift_series_occurrence_uq DO NOTHING
           RETURNING id`,
          [task.id, series.id, series.capacity, take.map((o) => o.date), take.map((o) => o.startsAt), take.map((o) => o.endsAt), take.map(() => newCheckInCode())],
        )
      : [];
    await em.query(`UPDATE shift_series SET materialized_until = GREATEST(COALESCE(materialized_until, '-infinity'), $2), updated_at = now() WHERE id = $1`, [series.id, until]);
    if (!series.materializedUntil || until > series.materializedUntil) series.materializedUntil = until;
    if (!made.length) return [];
    const shifts = await em.find(ShiftEntity, { where: { id: In(made.map((m) => m.id)) }, order: { startsAt: 'ASC' } });
    await this.claimForStanding(ctx, series.id, shifts);
    return shifts;
  }

  /**
   * Claims new occurrences for the series' standing claims, in the caller's transaction:
   * each claim is the one statement claiming always is, so a full occurrence waitlists
   * that one only and a duplicate or an overlap skips it. A standing claim made by a proxy
   * whose grant has been revoked ends instead.
   */
  private async claimForStanding(ctx: RequestContext, seriesId: string, shifts: ShiftEntity[]): Promise<void> {
    const em = this.em(ctx);
    const standing = await em.find(ShiftSeriesClaimEntity, { where: { seriesId, endedAt: IsNull() }, order: { createdAt: 'ASC' } });
    if (!standing.length) return;
    const viaProxy = standing.filter((s) => s.actingProxyId);
    const proxies = viaProxy.length ? await this.users.proxiesOf(ctx, viaProxy.map((s) => s.volunteerId)) : new Map<string, string[]>();
    for (const s of standing) {
      if (s.actingProxyId && !proxies.get(s.volunteerId)?.includes(s.actingProxyId)) {
        await em.update(ShiftSeriesClaimEntity, { id: s.id }, { endedAt: this.clock.now(), endReason: 'PROXY_REVOKED' });
        continue;
      }
      for (const shift of shifts) {
        try {
          await this.claims.claimForStandingRequest(ctx, shift.id, s.volunteerId, s.actingProxyId);
        } catch (e) {
          // Not this occurrence (full for an invitation, a claim already held, a prerequisite unmet): the others still are.
          if (!(e instanceof DomainError)) throw e;
        }
      }
    }
  }

  /** The job: moves every series' window on. Each series in its own transaction; returns the shifts made. */
  async materializeDue(ctx: RequestContext): Promise<number> {
    const due: { id: string }[] = await this.em(ctx).query(
      `SELECT s.id FROM shift_series s JOIN task t ON t.id = s.task_id
        WHERE t.status = ANY($2::text[])
          AND (s.materialized_until IS NULL OR s.materialized_until < $1)
          AND (s.final_starts_at IS NULL OR s.final_starts_at >= COALESCE(s.materialized_until, '-infinity'))
        ORDER BY s.materialized_until NULLS FIRST, s.id LIMIT 500`,
      [this.horizon(), MATERIALIZING],
    );
    let made = 0;
    for (const { id } of due) {
      made += await this.tx.run(ctx, async (t) => {
        const [row]: { task_id: string }[] = await this.em(t).query(`SELECT task_id FROM shift_series WHERE id = $1`, [id]);
        if (!row) return 0;
        const task = await this.em(t).getRepository(TaskEntity).findOne({ where: { id: row.task_id }, lock: { mode: 'pessimistic_read' } });
        const series = await this.em(t).getRepository(ShiftSeriesEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
        return task && series ? (await this.materialize(t, task, series)).length : 0;
      });
    }
    return made;
  }

  // ── changing ─────────────────────────────────────────────────────────────

  /**
   * "This and following": from one occurrence on, the series takes new times, places,
   * rule or skipped dates. Occurrences before it, and their claims, stay as they are: the
   * series is split, the old part ending the day before (UNTIL), the new part starting at
   * the occurrence (or, with new weekdays, the first of them from that date). Made
   * occurrences from that point that the new rule has move to the new series (their
   * claims with them; claimants told when the time moves); those it has not are removed
   * (claimants told). Changing from the first occurrence changes the series in place.
   */
  async update(ctx: RequestContext, input: SeriesChange): Promise<SeriesUpdate> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.em(t);
      const { task, series } = await this.lockSeries(t, input.seriesId, 'pessimistic_write');
      authorize(actor, 'task.manage', { organizationId: task.organizationId });
      this.editable(task);
      const old = ruleOf(series);
      const now = this.clock.now();

      let fromDate: string;
      let pointField: string;
      if (input.fromShiftId) {
        pointField = 'fromShiftId';
        const shift = await em.findOneBy(ShiftEntity, { id: input.fromShiftId });
        if (!shift || shift.seriesId !== series.id) throw new InvalidInputError(pointField, 'shiftSeries.notAnOccurrence', 'That shift is not an occurrence of this series');
        fromDate = shift.occurrenceDate!;
      } else if (input.fromDate) {
        pointField = 'fromDate';
        fromDate = input.fromDate;
      } else throw new InvalidInputError('fromDate', 'shiftSeries.pointRequired', 'Say from which occurrence on the change applies: fromShiftId or fromDate');
      const point = old.exceptions.includes(fromDate) ? null : occurrenceOn(old, fromDate);
      if (!point) throw new InvalidInputError(pointField, 'shiftSeries.notAnOccurrence', `${fromDate} is not a date the shift repeats on`);
      if (point.startsAt <= now) throw new ConflictError('shiftSeries.occurrenceStarted', 'Only occurrences that have not started yet can change');

      const startTime = input.startTime ?? old.startTime;
      const endTime = input.endTime ?? endTimeOf(series);
      const durationMinutes = (minutesOf(endTime) - minutesOf(startTime) + 1440) % 1440;
      if (!durationMinutes) throw new InvalidInputError('endTime', 'shift.endsBeforeStart', 'A shift must end after it starts');
      const capacity = input.capacity ?? series.capacity;

      // The new part's rule: the one given, or the old one with what is left of its COUNT.
      // With new weekdays, the new part starts on the first of them from the point on.
      let startsOn = fromDate;
      let recurrence: Recurrence;
      const given = this.givenRecurrence(input, '', startTime);
      if (given) {
        const days = given.recurrence.frequency === 'WEEKLY' ? given.recurrence.byWeekday.filter((d) => (WEEKDAYS as readonly string[]).includes(d)) : [];
        for (let i = 0; i < 6 && days.length && !days.includes(weekdayOf(startsOn)); i++) startsOn = addDays(startsOn, 1);
        recurrence = checkRecurrence(given.recurrence, { field: given.field, startField: pointField }, startsOn);
      } else {
        const left = old.recurrence.count != null ? old.recurrence.count - countBefore(old, fromDate) : null;
        recurrence = { ...old.recurrence, count: left };
      }
      const keptExceptions = old.exceptions.filter((d) => d >= startsOn);
      const next = this.checked({ timeZone: old.timeZone, startsOn, startTime, durationMinutes, recurrence, exceptions: [] }, input.exceptions ?? keptExceptions, '');
      if (minutesOf(startTime) !== minutesOf(old.startTime) || durationMinutes !== series.durationMinutes) {
        const firstStart = firstOccurrences(next.rule, 1)[0].startsAt;
        if (firstStart <= now) throw new ConflictError('shiftSeries.occurrenceStarted', 'Only occurrences that have not started yet can change');
      }

      // Made occurrences from the point on: none may be under way.
      const affected = await em
        .createQueryBuilder(ShiftEntity, 's')
        .setLock('pessimistic_write')
        .where('s.series_id = :id AND s.occurrence_date >= :from AND s.cancelled_at IS NULL', { id: series.id, from: fromDate })
        .orderBy('s.starts_at')
        .getMany();
      if (affected.length) {
        const [busy]: { occurrence_date: string }[] = await em.query(
          `SELECT s.occurrence_date::text FROM shift s JOIN shift_claim c ON c.shift_id = s.id WHERE s.id = ANY($1::uuid[]) AND claim_is_present(c.status) LIMIT 1`,
          [affected.map((s) => s.id)],
        );
        if (busy) throw new ConflictError('shiftSeries.occurrenceUnderway', `Someone is already checked in on ${busy.occurrence_date}`);
      }

      let target: ShiftSeriesEntity;
      let previous: ShiftSeriesEntity | null = null;
      const fields = {
        rrule: next.rrule,
        startsOn: next.rule.startsOn,
        startTime,
        durationMinutes,
        capacity,
        exceptions: [...next.rule.exceptions],
        finalStartsAt: next.finalStartsAt,
      };
      if (fromDate === series.startsOn) {
        Object.assign(series, fields, { materializedUntil: null });
        target = await em.save(series);
      } else {
        const ended: SeriesRule = { ...old, recurrence: { ...old.recurrence, count: null, until: addDays(fromDate, -1) }, exceptions: old.exceptions.filter((d) => d < fromDate) };
        Object.assign(series, { rrule: toRRule(ended.recurrence, ended.timeZone), exceptions: [...ended.exceptions], finalStartsAt: finalStart(ended) });
        previous = await em.save(series);
        target = await em.save(em.create(ShiftSeriesEntity, { taskId: task.id, ...fields, timeZone: old.timeZone, materializedUntil: null, splitFromId: series.id, createdById: actor.userId }));
        // Those who claim every occurrence keep doing so after the change.
        await em.query(
          `INSERT INTO shift_series_claim (series_id, volunteer_id, acting_proxy_id)
           SELECT $2, volunteer_id, acting_proxy_id FROM shift_series_claim WHERE series_id = $1 AND ended_at IS NULL`,
          [series.id, target.id],
        );
      }

      const wanted = new Map(occurrencesBetween(next.rule, now, new Date(Math.max(this.horizon().getTime(), ...affected.map((s) => s.startsAt.getTime() + 1)))).map((o) => [o.date, o]));
      let moved = 0;
      let cancelled = 0;
      for (const shift of affected) {
        const o = wanted.get(shift.occurrenceDate!);
        if (o) {
          await this.moveOccurrence(t, task, shift, target, o, capacity);
          moved++;
        } else {
          await this.cancelOccurrence(t, task, shift, 'shiftSeries.changed');
          cancelled++;
        }
      }
      await this.materialize(t, task, target);
      await this.audit.record(t, {
        action: 'shiftSeries.update',
        subjectType: 'shift_series',
        subjectId: target.id,
        detail: { from: fromDate, previousSeriesId: previous?.id ?? null, previousRrule: old.recurrence, rrule: target.rrule, startTime, durationMinutes, capacity, moved, cancelled },
      });
      return { series: target, previous, moved, cancelled };
    });
  }

  /** An occurrence that stays under the changed series: its new times and places; claimants told if the time moved. */
  private async moveOccurrence(ctx: RequestContext, task: TaskEntity, shift: ShiftEntity, target: ShiftSeriesEntity, o: Occurrence, capacity: number): Promise<void> {
    const em = this.em(ctx);
    if (capacity < shift.confirmedCount) {
      throw new ConflictError('shiftSeries.capacityBelowTaken', `The occurrence on ${shift.occurrenceDate} already has ${shift.confirmedCount} places taken`);
    }
    const timeMoved = shift.startsAt.getTime() !== o.startsAt.getTime() || shift.endsAt.getTime() !== o.endsAt.getTime();
    await em.query(`UPDATE shift SET series_id = $2, starts_at = $3, ends_at = $4, capacity = $5 WHERE id = $1`, [shift.id, target.id, o.startsAt, o.endsAt, capacity]);
    if (capacity > shift.capacity) await this.claims.fillFreedPlaces(ctx, shift.id);
    // The board follows in the same transaction, as it does for any edited shift.
    await this.live.publish(ctx, SHIFT_UPDATED, { shiftId: shift.id, regionPath: task.regionPath });
    if (!timeMoved) return;
    await this.events.publish<ShiftRescheduledPayload>(ctx, {
      type: SHIFT_RESCHEDULED,
      aggregateType: 'shift',
      aggregateId: shift.id,
      payload: {
        shiftId: shift.id,
        taskId: task.id,
        organizationId: task.organizationId,
        regionPath: task.regionPath,
        startsAt: o.startsAt.toISOString(),
        endsAt: o.endsAt.toISOString(),
        previousStartsAt: shift.startsAt.toISOString(),
      },
    });
  }

  /**
   * Calls an occurrence off as any shift is cancelled: its standing claims become
   * CANCELLED and their holders are told why; the shift stays (cancelled), so the date is
   * never made again. The caller holds the shift's lock and has checked that nobody is
   * checked in.
   */
  private async cancelOccurrence(ctx: RequestContext, task: TaskEntity, shift: ShiftEntity, cause: 'shiftSeries.changed' | 'shiftSeries.exception'): Promise<void> {
    await this.tasks.cancelShiftsOf(ctx, task, [shift], OCCURRENCE_CANCEL_REASONS[cause]);
    await this.audit.record(ctx, {
      action: 'shiftSeries.occurrenceCancelled',
      subjectType: 'shift',
      subjectId: shift.id,
      detail: { cause, seriesId: shift.seriesId, date: shift.occurrenceDate, startsAt: shift.startsAt.toISOString() },
    });
  }

  /** Skips one occurrence (a holiday): a made one is called off, its claimants told. Skipping a date again changes nothing. */
  async addException(ctx: RequestContext, seriesId: string, date: string): Promise<ShiftSeriesEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.em(t);
      const { task, series } = await this.lockSeries(t, seriesId, 'pessimistic_write');
      authorize(actor, 'task.manage', { organizationId: task.organizationId });
      this.editable(task);
      if (series.exceptions.includes(date)) return series;
      const rule = ruleOf(series);
      const o = occurrenceOn(rule, date);
      if (!o) throw new InvalidInputError('date', 'shiftSeries.notAnOccurrence', `${date} is not a date the shift repeats on`);
      if (o.startsAt <= this.clock.now()) throw new ConflictError('shiftSeries.occurrenceStarted', 'Only occurrences that have not started yet can be skipped');
      if (series.exceptions.length >= Limits.shiftSeriesExceptionsMax) throw new ConflictError('shiftSeries.tooManyExceptions', `At most ${Limits.shiftSeriesExceptionsMax} dates may be skipped`);
      const shift = await em.createQueryBuilder(ShiftEntity, 's').setLock('pessimistic_write').where('s.series_id = :id AND s.occurrence_date = :date', { id: series.id, date }).getOne();
      if (shift) {
        const [busy] = await em.query(`SELECT 1 FROM shift_claim WHERE shift_id = $1 AND claim_is_present(status) LIMIT 1`, [shift.id]);
        if (busy) throw new ConflictError('shiftSeries.occurrenceUnderway', `Someone is already checked in on ${date}`);
        await this.cancelOccurrence(t, task, shift, 'shiftSeries.exception');
      }
      series.exceptions = [...series.exceptions, date].sort();
      series.finalStartsAt = finalStart({ ...rule, exceptions: series.exceptions });
      const saved = await em.save(series);
      await this.audit.record(t, { action: 'shiftSeries.exception', subjectType: 'shift_series', subjectId: series.id, detail: { date, shiftId: shift?.id ?? null } });
      return saved;
    });
  }

  // ── claiming every occurrence ───────────────────────────────────────────

  /**
   * Claims every occurrence made and not started, for the volunteer or a resident they
   * act for, and keeps claiming new ones as they are made. Each occurrence is its own
   * claim under the usual rules, in its own transaction: a full one waitlists only that
   * one. Asking again claims what is missing and reports the rest as already claimed.
   */
  async claimEvery(ctx: RequestContext, seriesId: string, onBehalfOfUserId?: string | null): Promise<{ standing: ShiftSeriesClaimEntity; occurrences: OccurrenceClaim[] }> {
    const actor = await ctx.requireActor();
    const volunteerId = onBehalfOfUserId ?? actor.userId;
    const onBehalf = volunteerId !== actor.userId;
    if (onBehalf) {
      await this.users.require(ctx, volunteerId, 'onBehalfOfUserId');
      authorize(actor, 'claim.actAsVolunteer', { userId: volunteerId });
    }
    const { standing, shifts } = await this.tx.run(ctx, async (t) => {
      const em = this.em(t);
      const { task, series } = await this.lockSeries(t, seriesId, 'pessimistic_read');
      if (task.status !== 'PUBLISHED') throw new ConflictError('claim.taskNotOpen', `This task is ${task.status.toLowerCase()} and takes no claims`);
      await em.query(
        `INSERT INTO shift_series_claim (series_id, volunteer_id, acting_proxy_id) VALUES ($1, $2, $3)
         ON CONFLICT (series_id, volunteer_id) WHERE ended_at IS NULL DO NOTHING`,
        [series.id, volunteerId, onBehalf ? actor.userId : null],
      );
      const open = await em.findOneByOrFail(ShiftSeriesClaimEntity, { seriesId: series.id, volunteerId, endedAt: IsNull() });
      if (onBehalf) await this.audit.record(t, { action: 'shiftSeries.claimOnBehalf', subjectType: 'shift_series_claim', subjectId: open.id, detail: { volunteerId, seriesId } });
      const future = await em
        .createQueryBuilder(ShiftEntity, 's')
        .where('s.series_id = :id AND s.starts_at > :now AND s.cancelled_at IS NULL', { id: series.id, now: this.clock.now() })
        .orderBy('s.starts_at')
        .getMany();
      return { standing: open, shifts: future };
    });
    const occurrences: OccurrenceClaim[] = [];
    for (const shift of shifts) {
      try {
        const claim = await this.claims.claim(ctx, shift.id, onBehalfOfUserId);
        occurrences.push({ shift, outcome: claim.status as SeriesClaimOutcome, claim });
      } catch (e) {
        const outcome = e instanceof DomainError ? ({ 'claim.duplicate': 'ALREADY_CLAIMED', 'claim.overlap': 'OVERLAP' } as const)[e.key as 'claim.duplicate'] : undefined;
        if (outcome) occurrences.push({ shift, outcome, claim: null });
        // Gone or ended since it was listed: nothing to claim there.
        else if (!(e instanceof NotFoundError || (e instanceof ConflictError && (e.key === 'claim.shiftEnded' || e.key === 'claim.shiftCancelled')))) throw e;
      }
    }
    return { standing, occurrences };
  }

  /**
   * Stops claiming every occurrence (of the series and of those a change split from it);
   * with `cancelClaims`, also gives up the places held on occurrences to come.
   */
  async stopClaimingEvery(ctx: RequestContext, seriesId: string, onBehalfOfUserId: string | null | undefined, cancelClaims: boolean): Promise<ShiftSeriesClaimEntity> {
    const actor = await ctx.requireActor();
    const volunteerId = onBehalfOfUserId ?? actor.userId;
    authorize(actor, 'claim.actAsVolunteer', { userId: volunteerId });
    const { ended, claimIds } = await this.tx.run(ctx, async (t) => {
      const em = this.em(t);
      const { series } = await this.lockSeries(t, seriesId, 'pessimistic_read');
      const lineage = `WITH RECURSIVE line AS (SELECT id FROM shift_series WHERE id = $1 UNION SELECT s.id FROM shift_series s JOIN line ON s.split_from_id = line.id)`;
      const rows = await returning<{ id: string }>(
        em,
        `${lineage} UPDATE shift_series_claim SET ended_at = $3, end_reason = 'CANCELLED'
          WHERE series_id IN (SELECT id FROM line) AND volunteer_id = $2 AND ended_at IS NULL RETURNING id`,
        [series.id, volunteerId, this.clock.now()],
      );
      if (!rows.length) throw new NotFoundError('ShiftSeriesClaim', 'seriesId');
      // The one on this series when there is one, else the one on the part the volunteer claimed after a change.
      const own = (await em.findBy(ShiftSeriesClaimEntity, { id: In(rows.map((r) => r.id)) })).sort((a, b) => Number(b.seriesId === series.id) - Number(a.seriesId === series.id))[0];
      const held: { id: string }[] = cancelClaims
        ? await em.query(
            `${lineage} SELECT c.id FROM shift_claim c JOIN shift s ON s.id = c.shift_id
              WHERE s.series_id IN (SELECT id FROM line) AND c.volunteer_id = $2 AND s.starts_at > $3 AND claim_is_standing(c.status) ORDER BY s.starts_at`,
            [series.id, volunteerId, this.clock.now()],
          )
        : [];
      return { ended: own, claimIds: held.map((h) => h.id) };
    });
    for (const id of claimIds) await this.claims.cancel(ctx, id);
    return ended;
  }
}
