import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Limits } from '@civicgrid/contracts';
import { GeoService } from '@civicgrid/geo';
import { OrganizationsService } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  badCursor,
  can,
  Clock,
  ConflictError,
  Connection,
  cursorValueFits,
  decodeCursor,
  encodeCursor,
  EventBus,
  findByIds,
  InvalidInputError,
  LiveHub,
  loadAllBy,
  loadById,
  NotFoundError,
  PageArgs,
  pageSize,
  paginateUnderParent,
  primeById,
  RequestContext,
  returning,
  TransactionRunner,
} from '@civicgrid/platform';
import { ShiftEntity } from './shift.entity';
import { BoardQuery, ShiftBoard } from './shift-board';
import { TaskEntity } from './task.entity';
import { viewerClaimLoader } from './viewer-claims';
import type { ClaimEventPayload, ShiftCancelledPayload, ShiftRescheduledPayload, TaskCancelledPayload, TaskCompletedPayload } from './volunteering.events';
import { SHIFT_UPDATED } from './volunteering.events';

const HOUR = 3_600_000;
/** Up to this many regions under the board's filter, each is walked on its own index range. */
const BOARD_FEW_REGIONS = 40;

export interface NewShift {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  place?: string | null;
}
/** A shift's changes: absent fields stay; `place: null` clears it. */
export interface ShiftChanges {
  startsAt?: Date | null;
  endsAt?: Date | null;
  capacity?: number | null;
  place?: string | null;
}
/** A task's changes: absent (or null) fields stay, except `description` and `minimumAge`, which null clears. */
export interface TaskChanges {
  title?: string | null;
  description?: string | null;
  category?: string | null;
  regionId?: string | null;
  requiredSkills?: string[] | null;
  skillsMandatory?: boolean | null;
  minimumAge?: number | null;
  requiresApproval?: boolean | null;
  requiresCheckInCode?: boolean | null;
}
export interface NewTask {
  organizationId: string;
  title: string;
  description?: string | null;
  category: string;
  regionId: string;
  requiredSkills?: string[] | null;
  requiresApproval?: boolean | null;
  requiresCheckInCode?: boolean | null;
  skillsMandatory?: boolean | null;
  minimumAge?: number | null;
  shifts: NewShift[];
}
export interface DraftTask {
  title: string;
  description: string | null;
  category: string;
  regionId: string;
  regionPath: string;
}
export interface ShiftFilterData {
  regionId?: string | null;
  category?: string | null;
  skills?: string[] | null;
  from?: Date | null;
  to?: Date | null;
  onlyWithSpace?: boolean | null;
}

/** Six digits shown on site (and as a QR code) for volunteers to check in with. */
export function newCheckInCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** A shift starts in the future, ends after it starts and lasts at most a day. `field` prefixes the input's field names. */
function checkShift(s: Pick<NewShift, 'startsAt' | 'endsAt'>, field: string, nowMs: number): void {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (s.startsAt.getTime() <= nowMs) throw new InvalidInputError(at('startsAt'), 'shift.startsInPast', 'A shift must start in the future');
  if (s.endsAt.getTime() <= s.startsAt.getTime()) throw new InvalidInputError(at('endsAt'), 'shift.endsBeforeStart', 'A shift must end after it starts');
  if (s.endsAt.getTime() - s.startsAt.getTime() > Limits.shiftMaxHours * HOUR) {
    throw new InvalidInputError(at('endsAt'), 'shift.tooLong', `A shift may last at most ${Limits.shiftMaxHours} hours`);
  }
}

/** Blank places are no place. */
function placeOf(place: string | null | undefined): string | null {
  return place?.trim() || null;
}

/** A reason told to volunteers: required, trimmed. */
function reasonOf(reason: string): string {
  const r = reason.trim();
  if (!r) throw new InvalidInputError('reason', 'validation.isNotEmpty', 'Give volunteers a reason');
  return r;
}

/** Statuses in which a task's details and shifts may still change. */
const EDITABLE: TaskEntity['status'][] = ['DRAFT', 'PUBLISHED', 'CLOSED'];

/**
 * A finished task (`t`), as of the instant in the parameter `now`: published or closed,
 * its shifts all ended, nobody still expected, every attended claim's minutes decided.
 */
const finished = (now: string) => `t.status IN ('PUBLISHED','CLOSED')
  AND EXISTS (SELECT 1 FROM shift s WHERE s.task_id = t.id AND s.cancelled_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM shift s WHERE s.task_id = t.id AND s.cancelled_at IS NULL AND s.ends_at > ${now}::timestamptz)
  AND NOT EXISTS (SELECT 1 FROM shift s JOIN shift_claim c ON c.shift_id = s.id
                   LEFT JOIN service_record r ON r.claim_id = c.id
                   WHERE s.task_id = t.id
                     AND (claim_is_expected(c.status) OR (c.status = 'ATTENDED' AND (r.status IS NULL OR r.status = 'PENDING'))))`;

/** Tasks and their shifts: creation, publication, the board, completion. */
@Injectable()
export class TasksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly board: ShiftBoard,
    private readonly clock: Clock,
    private readonly live: LiveHub,
  ) {}

  private tasks(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(TaskEntity);
  }
  private shifts(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(ShiftEntity);
  }

  private fetchTasks(ctx: RequestContext) {
    return (ids: string[]) => findByIds(this.tx.manager(ctx), TaskEntity, ids);
  }
  private fetchShifts(ctx: RequestContext) {
    return (ids: string[]) => findByIds(this.tx.manager(ctx), ShiftEntity, ids);
  }

  loadTask(ctx: RequestContext, id: string): Promise<TaskEntity | null> {
    return loadById(ctx, 'task.byId', id, this.fetchTasks(ctx));
  }


  /** What notifications about a shift say: its task's title, its start and the organisation's name. */
  async shiftFacts(ctx: RequestContext, shiftId: string): Promise<{ shift: ShiftEntity; task: TaskEntity; params: { task: string; startsAt: string; organization: string } } | null> {
    const shift = await this.loadShift(ctx, shiftId);
    const task = shift && (await this.loadTask(ctx, shift.taskId));
    if (!shift || !task) return null;
    const org = await this.organizations.load(ctx, task.organizationId);
    return { shift, task, params: { task: task.title, startsAt: shift.startsAt.toISOString(), organization: org?.name ?? '' } };
  }
  loadShift(ctx: RequestContext, id: string): Promise<ShiftEntity | null> {
    return loadById(ctx, 'shift.byId', id, this.fetchShifts(ctx));
  }

  shiftsOfTask(ctx: RequestContext, taskId: string): Promise<ShiftEntity[]> {
    return loadAllBy(ctx, 'shift.byTask', taskId, (ids) => this.shifts(ctx).find({ where: { taskId: In(ids) }, order: { startsAt: 'ASC', id: 'ASC' } }), (s) => s.taskId);
  }

  /** Drafts are seen by their organisation's members only; to others they do not exist. */
  async visibleTask(ctx: RequestContext, id: string): Promise<TaskEntity | null> {
    const task = await this.loadTask(ctx, id);
    if (!task) return null;
    if (task.status !== 'DRAFT') return task;
    return can(await ctx.actor(), 'organization.viewInternal', { organizationId: task.organizationId }) ? task : null;
  }

  async create(ctx: RequestContext, input: NewTask): Promise<TaskEntity> {
    const actor = await ctx.requireActor();
    await this.organizations.require(ctx, input.organizationId, 'organizationId');
    authorize(actor, 'task.manage', { organizationId: input.organizationId });
    const region = await this.geo.require(ctx, input.regionId, 'regionId');
    const title = input.title.trim();
    if (!title) throw new InvalidInputError('title', 'validation.isNotEmpty', 'title must not be blank');
    const category = input.category.trim().toUpperCase();
    if (!category) throw new InvalidInputError('category', 'validation.isNotEmpty', 'category must not be blank');
    input.shifts.forEach((s, i) => checkShift(s, `shifts.${i}`, this.clock.nowMs()));
    return this.tx.run(ctx, async (t) => {
      const task = await this.tasks(t).save(
        this.tasks(t).create({
          organizationId: input.organizationId,
          title,
          description: input.description?.trim() || null,
          category,
          regionId: region.id,
          regionPath: region.path,
          requiredSkills: [...new Set((input.requiredSkills ?? []).map((s) => s.trim()).filter(Boolean))],
          requiresApproval: input.requiresApproval ?? false,
          requiresCheckInCode: input.requiresCheckInCode ?? false,
          skillsMandatory: input.skillsMandatory ?? false,
          minimumAge: input.minimumAge ?? null,
          status: 'DRAFT',
          createdById: actor.userId,
        }),
      );
      await this.shifts(t).insert(input.shifts.map((s) => ({ taskId: task.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, place: placeOf(s.place), checkInCode: newCheckInCode() })));
      return task;
    });
  }

  async publish(ctx: RequestContext, id: string): Promise<TaskEntity> {
    return this.transition(ctx, id, 'DRAFT', 'PUBLISHED', 'task.publish');
  }

  /** Adds a shift to a task that is still a draft or open (COORDINATOR or above). */
  async addShift(ctx: RequestContext, taskId: string, shift: NewShift): Promise<ShiftEntity> {
    const actor = await ctx.requireActor();
    checkShift(shift, 'shift', this.clock.nowMs());
    return this.tx.run(ctx, async (t) => {
      const task = await this.tasks(t).findOne({ where: { id: taskId }, lock: { mode: 'pessimistic_write' } });
      if (!task || (task.status === 'DRAFT' && !can(actor, 'organization.viewInternal', { organizationId: task.organizationId }))) {
        throw new NotFoundError('Task', 'taskId');
      }
      authorize(actor, 'task.manage', { organizationId: task.organizationId });
      if (task.status !== 'DRAFT' && task.status !== 'PUBLISHED') throw new ConflictError('task.notEditable', `A ${task.status.toLowerCase()} task takes no new shifts`);
      if ((await this.shifts(t).countBy({ taskId })) >= Limits.shiftsPerTaskMax) {
        throw new ConflictError('task.tooManyShifts', `A task has at most ${Limits.shiftsPerTaskMax} shifts`);
      }
      const saved = await this.shifts(t).save(
        this.shifts(t).create({ taskId, startsAt: shift.startsAt, endsAt: shift.endsAt, capacity: shift.capacity, place: placeOf(shift.place), checkInCode: newCheckInCode() }),
      );
      await this.audit.record(t, { action: 'shift.add', subjectType: 'shift', subjectId: saved.id, detail: { taskId } });
      if (task.status === 'PUBLISHED') await this.live.publish(t, SHIFT_UPDATED, { shiftId: saved.id, regionPath: task.regionPath });
      return saved;
    });
  }

  /**
   * The task locked for a change by its organisation's coordinators: NOT_FOUND for a
   * draft the actor may not see, FORBIDDEN without `task.manage`, CONFLICT once it is
   * completed or cancelled.
   */
  private async lockForChange(t: RequestContext, id: string, field: string): Promise<TaskEntity> {
    const actor = await t.requireActor();
    const task = await this.tasks(t).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!task || (task.status === 'DRAFT' && !can(actor, 'organization.viewInternal', { organizationId: task.organizationId }))) {
      throw new NotFoundError('Task', field);
    }
    authorize(actor, 'task.manage', { organizationId: task.organizationId });
    if (!EDITABLE.includes(task.status)) throw new ConflictError('task.notEditable', `A ${task.status.toLowerCase()} task can no longer be changed`);
    return task;
  }

  /** Edits a task's details, before or after publishing. */
  async update(ctx: RequestContext, id: string, changes: TaskChanges): Promise<TaskEntity> {
    return this.tx.run(ctx, async (t) => {
      const task = await this.lockForChange(t, id, 'id');
      const changed: string[] = [];
      const set = <K extends keyof TaskEntity>(key: K, value: TaskEntity[K]) => {
        if (JSON.stringify(task[key]) === JSON.stringify(value)) return;
        task[key] = value;
        changed.push(key);
      };
      if (changes.title != null) {
        const title = changes.title.trim();
        if (!title) throw new InvalidInputError('title', 'validation.isNotEmpty', 'title must not be blank');
        set('title', title);
      }
      if (changes.description !== undefined) set('description', changes.description?.trim() || null);
      if (changes.category != null) {
        const category = changes.category.trim().toUpperCase();
        if (!category) throw new InvalidInputError('category', 'validation.isNotEmpty', 'category must not be blank');
        set('category', category);
      }
      if (changes.regionId != null) {
        const region = await this.geo.require(t, changes.regionId, 'regionId');
        set('regionId', region.id);
        set('regionPath', region.path);
      }
      if (changes.requiredSkills != null) set('requiredSkills', [...new Set(changes.requiredSkills.map((k) => k.trim()).filter(Boolean))]);
      if (changes.skillsMandatory != null) set('skillsMandatory', changes.skillsMandatory);
      if (changes.minimumAge !== undefined) set('minimumAge', changes.minimumAge ?? null);
      if (changes.requiresApproval != null) set('requiresApproval', changes.requiresApproval);
      if (changes.requiresCheckInCode != null) set('requiresCheckInCode', changes.requiresCheckInCode);
      if (!changed.length) return task;
      const saved = await this.tasks(t).save(task);
      await this.audit.record(t, { action: 'task.update', subjectType: 'task', subjectId: id, detail: { changed } });
      if (task.status === 'PUBLISHED') {
        for (const shift of await this.shifts(t).findBy({ taskId: id })) await this.live.publish(t, SHIFT_UPDATED, { shiftId: shift.id, regionPath: task.regionPath });
      }
      return saved;
    });
  }

  /**
   * Edits a shift: its time (before it starts; every claimant is told and their reminders
   * follow), its capacity (raised: the waitlist moves up in the same transaction; never
   * below the places taken, whose claims the coordinator cancels first), its place.
   */
  async updateShift(ctx: RequestContext, shiftId: string, changes: ShiftChanges): Promise<ShiftEntity> {
    return this.tx.run(ctx, async (t) => {
      const found = await this.shifts(t).findOneBy({ id: shiftId });
      if (!found) throw new NotFoundError('Shift', 'id');
      const task = await this.lockForChange(t, found.taskId, 'id');
      const shift = await this.shifts(t).findOneOrFail({ where: { id: shiftId }, lock: { mode: 'pessimistic_write' } });
      if (shift.cancelledAt) throw new ConflictError('shift.cancelled', 'This shift was cancelled');
      const now = this.clock.nowMs();
      const before = { startsAt: shift.startsAt.toISOString(), endsAt: shift.endsAt.toISOString(), capacity: shift.capacity, place: shift.place };
      const startsAt = changes.startsAt ?? shift.startsAt;
      const endsAt = changes.endsAt ?? shift.endsAt;
      const moved = startsAt.getTime() !== shift.startsAt.getTime() || endsAt.getTime() !== shift.endsAt.getTime();
      if (moved) {
        if (shift.startsAt.getTime() <= now) throw new ConflictError('shift.started', 'A shift that has started keeps its time');
        checkShift({ startsAt, endsAt }, '', now);
      }
      const capacity = changes.capacity ?? shift.capacity;
      if (capacity < shift.confirmedCount) {
        throw new InvalidInputError('capacity', 'shift.capacityBelowPlacesTaken', `${shift.confirmedCount} volunteers hold places on this shift: cancel claims before lowering the capacity below that`);
      }
      const raised = capacity > shift.capacity;
      Object.assign(shift, { startsAt, endsAt, capacity });
      if (changes.place !== undefined) shift.place = placeOf(changes.place);
      const after = { startsAt: shift.startsAt.toISOString(), endsAt: shift.endsAt.toISOString(), capacity: shift.capacity, place: shift.place };
      if (JSON.stringify(before) === JSON.stringify(after)) return shift;
      await this.shifts(t).save(shift);
      await this.audit.record(t, { action: 'shift.update', subjectType: 'shift', subjectId: shift.id, detail: { before, after } });
      if (moved) {
        await this.events.publish<ShiftRescheduledPayload>(t, {
          type: 'shift.rescheduled',
          aggregateType: 'shift',
          aggregateId: shift.id,
          payload: { shiftId: shift.id, taskId: task.id, organizationId: task.organizationId, regionPath: task.regionPath, previousStartsAt: before.startsAt, startsAt: after.startsAt, endsAt: after.endsAt },
        });
      }
      if (raised) await this.promoteWaitlist(t, shift.id);
      await this.live.publish(t, SHIFT_UPDATED, { shiftId: shift.id, regionPath: task.regionPath });
      return this.shifts(t).findOneByOrFail({ id: shift.id });
    });
  }

  /**
   * Fills a shift's free places from its waitlist in arrival order (a party only when all
   * of it fits), each promotion audited and announced as `claim.promoted`.
   */
  async promoteWaitlist(t: RequestContext, shiftId: string): Promise<void> {
    const em = this.tx.manager(t);
    const rows: { promote_waitlist: string }[] = await em.query(`SELECT promote_waitlist($1)`, [shiftId]);
    if (!rows.length) return;
    const shift = await this.shifts(t).findOneByOrFail({ id: shiftId });
    const task = await this.tasks(t).findOneByOrFail({ id: shift.taskId });
    const claims: { id: string; volunteer_id: string; status: string }[] = await em.query(`SELECT id, volunteer_id, status FROM shift_claim WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.promote_waitlist)]);
    for (const c of claims) {
      await this.audit.record(t, { action: 'claim.promoted', subjectType: 'shift_claim', subjectId: c.id, detail: { shiftId } });
    }
    await this.events.publishMany<ClaimEventPayload>(
      t,
      claims.map((c) => ({
        type: 'claim.promoted',
        aggregateType: 'shift',
        aggregateId: shiftId,
        payload: { claimId: c.id, shiftId, taskId: task.id, organizationId: task.organizationId, regionPath: task.regionPath, volunteerId: c.volunteer_id, status: c.status },
      })),
    );
  }

  /**
   * Cancels shifts of a task that have not started (locked by the caller): their standing
   * claims become CANCELLED and `shift.cancelled` tells the claimants why. Recurring
   * shifts call off occurrences through it too.
   */
  async cancelShiftsOf(t: RequestContext, task: TaskEntity, shifts: ShiftEntity[], reason: string): Promise<void> {
    const em = this.tx.manager(t);
    const now = this.clock.now();
    for (const shift of shifts) {
      const claims = await returning<{ id: string; volunteer_id: string }>(
        em,
        `UPDATE shift_claim SET status = 'CANCELLED', updated_at = now() WHERE shift_id = $1 AND claim_is_standing(status) RETURNING id, volunteer_id`,
        [shift.id],
      );
      await em.query(`UPDATE shift SET cancelled_at = $2, cancel_reason = $3 WHERE id = $1`, [shift.id, now, reason]);
      await this.audit.record(t, { action: 'shift.cancel', subjectType: 'shift', subjectId: shift.id, detail: { taskId: task.id, claims: claims.length } });
      await this.events.publish<ShiftCancelledPayload>(t, {
        type: 'shift.cancelled',
        aggregateType: 'shift',
        aggregateId: shift.id,
        payload: { shiftId: shift.id, taskId: task.id, organizationId: task.organizationId, regionPath: task.regionPath, reason, claimIds: claims.map((c) => c.id), volunteerIds: claims.map((c) => c.volunteer_id) },
      });
      await this.live.publish(t, SHIFT_UPDATED, { shiftId: shift.id, regionPath: task.regionPath });
    }
  }

  /** Cancels one shift that has not started, with a reason its claimants are told. */
  async cancelShift(ctx: RequestContext, shiftId: string, reason: string): Promise<ShiftEntity> {
    const why = reasonOf(reason);
    return this.tx.run(ctx, async (t) => {
      const found = await this.shifts(t).findOneBy({ id: shiftId });
      if (!found) throw new NotFoundError('Shift', 'id');
      const task = await this.lockForChange(t, found.taskId, 'id');
      const shift = await this.shifts(t).findOneOrFail({ where: { id: shiftId }, lock: { mode: 'pessimistic_write' } });
      if (shift.cancelledAt) throw new ConflictError('shift.cancelled', 'This shift was already cancelled');
      if (shift.startsAt.getTime() <= this.clock.nowMs()) throw new ConflictError('shift.started', 'A shift that has started cannot be cancelled: check its volunteers out instead');
      await this.cancelShiftsOf(t, task, [shift], why);
      return this.shifts(t).findOneByOrFail({ id: shiftId });
    });
  }

  /**
   * Cancels a task with a reason: every shift not yet started is cancelled (claims
   * CANCELLED, claimants told); shifts already over keep their records. Refused while a
   * shift is under way.
   */
  async cancel(ctx: RequestContext, id: string, reason: string): Promise<TaskEntity> {
    const why = reasonOf(reason);
    return this.tx.run(ctx, async (t) => {
      const task = await this.lockForChange(t, id, 'id');
      const now = this.clock.now();
      const shifts = await this.shifts(t)
        .createQueryBuilder('s')
        .setLock('pessimistic_write')
        .where('s.task_id = :id AND s.cancelled_at IS NULL AND s.ends_at > :now', { id, now })
        .orderBy('s.starts_at')
        .getMany();
      if (shifts.some((s) => s.startsAt <= now)) {
        throw new ConflictError('task.shiftUnderway', 'A shift of this task is under way: cancel the task once it has ended, or cancel the later shifts one by one');
      }
      await this.cancelShiftsOf(t, task, shifts, why);
      // Claims still waiting on shifts already over are settled with the task.
      await this.tx.manager(t).query(
        `UPDATE shift_claim SET status = 'CANCELLED', updated_at = now() WHERE claim_is_waiting(status) AND shift_id IN (SELECT id FROM shift WHERE task_id = $1)`,
        [id],
      );
      const from = task.status;
      task.status = 'CANCELLED';
      task.cancelledAt = now;
      task.cancelReason = why;
      task.closedAt ??= now;
      const saved = await this.tasks(t).save(task);
      await this.audit.record(t, { action: 'task.cancel', subjectType: 'task', subjectId: id, detail: { from, shifts: shifts.length } });
      await this.events.publish<TaskCancelledPayload>(t, {
        type: 'task.cancelled',
        aggregateType: 'task',
        aggregateId: id,
        payload: { taskId: id, organizationId: task.organizationId, regionPath: task.regionPath, reason: why },
      });
      return saved;
    });
  }

  /**
   * A new DRAFT copy of a task, its shifts (those not cancelled) moved by `offsetDays`, to
   * repeat a programme. Every copied shift must start in the future.
   */
  async copy(ctx: RequestContext, id: string, offsetDays: number, title?: string | null): Promise<TaskEntity> {
    const actor = await ctx.requireActor();
    const source = await this.loadTask(ctx, id);
    if (!source || (source.status === 'DRAFT' && !can(actor, 'organization.viewInternal', { organizationId: source.organizationId }))) {
      throw new NotFoundError('Task', 'id');
    }
    authorize(actor, 'task.manage', { organizationId: source.organizationId });
    const shifts = (await this.shifts(ctx).find({ where: { taskId: id }, order: { startsAt: 'ASC' } })).filter((s) => !s.cancelledAt);
    if (!shifts.length) throw new ConflictError('task.copy.noShifts', 'This task has no shifts to copy');
    const offset = offsetDays * 24 * HOUR;
    const moved = shifts.map((s) => ({ startsAt: new Date(s.startsAt.getTime() + offset), endsAt: new Date(s.endsAt.getTime() + offset), capacity: s.capacity, place: s.place }));
    if (moved[0].startsAt.getTime() <= this.clock.nowMs()) {
      throw new InvalidInputError('offsetDays', 'task.copy.startsInPast', `Moved by ${offsetDays} days, the first shift would start in the past: choose a larger offset`);
    }
    const copyTitle = title?.trim() || source.title;
    return this.tx.run(ctx, async (t) => {
      const task = await this.tasks(t).save(
        this.tasks(t).create({
          organizationId: source.organizationId,
          title: copyTitle,
          description: source.description,
          category: source.category,
          regionId: source.regionId,
          regionPath: source.regionPath,
          requiredSkills: source.requiredSkills,
          requiresApproval: source.requiresApproval,
          requiresCheckInCode: source.requiresCheckInCode,
          skillsMandatory: source.skillsMandatory,
          minimumAge: source.minimumAge,
          status: 'DRAFT',
          createdById: actor.userId,
        }),
      );
      await this.shifts(t).insert(moved.map((s) => ({ ...s, taskId: task.id, checkInCode: newCheckInCode() })));
      await this.audit.record(t, { action: 'task.copy', subjectType: 'task', subjectId: task.id, detail: { from: id, offsetDays } });
      return task;
    });
  }

  /**
   * A DRAFT task without shifts, created in the caller's transaction for a caller that
   * has already authorized it (community's adoptNeed checks `need.adopt`).
   */
  async createDraft(ctx: RequestContext, organizationId: string, draft: DraftTask): Promise<TaskEntity> {
    const actor = await ctx.requireActor();
    return this.tasks(ctx).save(
      this.tasks(ctx).create({
        organizationId,
        title: draft.title,
        description: draft.description,
        category: draft.category,
        regionId: draft.regionId,
        regionPath: draft.regionPath,
        status: 'DRAFT',
        createdById: actor.userId,
      }),
    );
  }

  /** The organisation declares the task done (COORDINATOR or above); `task.completed` tells the others (a need it answers is fulfilled). */
  async complete(ctx: RequestContext, id: string): Promise<TaskEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const task = await this.tasks(t).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!task || (task.status === 'DRAFT' && !can(actor, 'organization.viewInternal', { organizationId: task.organizationId }))) {
        throw new NotFoundError('Task', 'id');
      }
      authorize(actor, 'task.manage', { organizationId: task.organizationId });
      if (task.status !== 'PUBLISHED' && task.status !== 'CLOSED') throw new ConflictError('task.complete.badStatus', `A ${task.status.toLowerCase()} task cannot be completed`);
      // Done means done: a shift still ahead is cancelled first (its volunteers told), not silently dropped.
      const ahead = await this.shifts(t).createQueryBuilder('s').where('s.task_id = :id AND s.cancelled_at IS NULL AND s.ends_at > :now', { id, now: this.clock.now() }).getCount();
      if (ahead) throw new ConflictError('task.complete.shiftsAhead', `${ahead} shift(s) of this task have not ended: wait until the last has ended, or cancel them first`);
      const saved = await this.markCompleted(t, task);
      await this.audit.record(t, { action: 'task.complete', subjectType: 'task', subjectId: id });
      return saved;
    });
  }

  private async markCompleted(ctx: RequestContext, task: TaskEntity): Promise<TaskEntity> {
    const em = this.tx.manager(ctx);
    // Claims that can no longer be served are settled with the task.
    await em.query(
      `UPDATE shift_claim SET status = 'CANCELLED', updated_at = now()
        WHERE claim_is_waiting(status) AND shift_id IN (SELECT id FROM shift WHERE task_id = $1)`,
      [task.id],
    );
    task.status = 'COMPLETED';
    task.completedAt = this.clock.now();
    task.closedAt ??= task.completedAt;
    const saved = await this.tasks(ctx).save(task);
    await this.events.publish<TaskCompletedPayload>(ctx, {
      type: 'task.completed',
      aggregateType: 'task',
      aggregateId: task.id,
      payload: { taskId: task.id, organizationId: task.organizationId, regionPath: task.regionPath },
    });
    return saved;
  }

  /**
   * Completes the task when its last shift has ended and every claim is settled (nobody
   * still confirmed or checked in, every attended claim's minutes decided). Called when
   * a claim settles, and by the periodic sweep.
   */
  async completeIfFinished(ctx: RequestContext, taskId: string): Promise<boolean> {
    const em = this.tx.manager(ctx);
    const [row] = await em.query(`SELECT t.id FROM task t WHERE t.id = $1 AND ${finished('$2')} FOR UPDATE OF t SKIP LOCKED`, [taskId, this.clock.now()]);
    if (!row) return false;
    const task = await this.tasks(ctx).findOneByOrFail({ id: taskId });
    await this.markCompleted(ctx, task);
    await this.audit.record(ctx, { action: 'task.autoComplete', subjectType: 'task', subjectId: taskId });
    return true;
  }

  /** The periodic sweep: completes every finished task. Returns how many. */
  async completeFinishedTasks(ctx: RequestContext): Promise<number> {
    // The same test as completeIfFinished: tasks that cannot complete yet (a claim still
    // to settle) are not picked, so they never crowd finished ones out of the batch.
    const candidates: { id: string }[] = await this.tx.manager(ctx).query(`SELECT t.id FROM task t WHERE ${finished('$1')} ORDER BY t.id LIMIT 500`, [this.clock.now()]);
    let done = 0;
    for (const { id } of candidates) {
      if (await this.tx.run(ctx, (t) => this.completeIfFinished(t, id))) done++;
    }
    return done;
  }

  /** No more claims are taken; existing claims stand. */
  async close(ctx: RequestContext, id: string): Promise<TaskEntity> {
    return this.transition(ctx, id, 'PUBLISHED', 'CLOSED', 'task.close');
  }

  private async transition(ctx: RequestContext, id: string, from: TaskEntity['status'], to: TaskEntity['status'], action: string): Promise<TaskEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const task = await this.tasks(t).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!task || (task.status === 'DRAFT' && !can(actor, 'organization.viewInternal', { organizationId: task.organizationId }))) {
        throw new NotFoundError('Task', 'id');
      }
      authorize(actor, 'task.manage', { organizationId: task.organizationId });
      if (task.status !== from) throw new ConflictError(`${action}.badStatus`, `Only a ${from} task can be moved to ${to}; this one is ${task.status}`);
      if (to === 'PUBLISHED') {
        const future = await this.shifts(t).createQueryBuilder('s').where('s.task_id = :id AND s.cancelled_at IS NULL AND s.ends_at > :now', { id, now: this.clock.now() }).getCount();
        if (!future) throw new ConflictError('task.publish.noFutureShift', 'A task needs at least one shift that has not ended to be published');
        task.publishedAt = this.clock.now();
      }
      if (to === 'CLOSED') task.closedAt = this.clock.now();
      task.status = to;
      const saved = await this.tasks(t).save(task);
      await this.audit.record(t, { action, subjectType: 'task', subjectId: id, detail: { from, to } });
      return saved;
    });
  }

  /** Tasks of an organisation, newest first; drafts only for its members. */
  async tasksOf(ctx: RequestContext, organizationId: string, page: PageArgs) {
    const actor = await ctx.actor();
    return paginateUnderParent(ctx, 'organization.tasks', organizationId, page, {
      query: (ids) => {
        const insiders = ids.filter((id) => can(actor, 'organization.viewInternal', { organizationId: id }));
        const qb = this.tasks(ctx).createQueryBuilder('t').where('t.organization_id IN (:...ids)', { ids });
        return insiders.length ? qb.andWhere("(t.status <> 'DRAFT' OR t.organization_id IN (:...insiders))", { insiders }) : qb.andWhere("t.status <> 'DRAFT'");
      },
      parentExpr: 't.organization_id',
      parentOf: (t) => t.organizationId,
      keyset: {
        columns: [
          { expr: 't.created_at', kind: 'timestamp' },
          { expr: 't.id', kind: 'uuid' },
        ],
        direction: 'DESC',
        keyOf: (t) => [t.createdAt.toISOString(), t.id],
      },
    });
  }

  /**
   * The shift board: shifts of published tasks that have not ended, soonest first, counted
   * up to `Limits.boardCountCap`. One statement (see ShiftBoard); the tasks and the
   * viewer's claims it read are handed to their loaders, so the card's fields cost nothing more.
   */
  async openShifts(ctx: RequestContext, filter: ShiftFilterData, page: PageArgs): Promise<Connection<ShiftEntity>> {
    const limit = pageSize(page.first);
    let area: BoardQuery['area'];
    if (filter.regionId) {
      const region = await this.geo.require(ctx, filter.regionId, 'filter.regionId');
      const ids = await this.geo.subtree(ctx, region.id);
      area = ids && ids.length <= BOARD_FEW_REGIONS ? { regionIds: [...ids] } : { path: region.path };
    }
    if (filter.from && filter.to && filter.from >= filter.to) throw new InvalidInputError('filter.to', 'filter.emptyWindow', '`to` must be after `from`');
    let after: BoardQuery['after'];
    if (page.after) {
      const [startsAt, id] = decodeCursor(page.after, 2);
      if (!cursorValueFits('timestamp', startsAt) || !cursorValueFits('uuid', id)) badCursor();
      after = { startsAt: String(startsAt), id: String(id) };
    }
    const skills = (filter.skills ?? []).map((s) => s.trim()).filter(Boolean);
    const actor = await ctx.actor();
    const board = await this.board.page({
      now: this.clock.now(),
      viewerId: actor?.userId ?? null,
      area,
      category: filter.category?.trim().toUpperCase() || undefined,
      skills,
      from: filter.from ?? undefined,
      to: filter.to ?? undefined,
      onlyWithSpace: filter.onlyWithSpace ?? undefined,
      after,
      limit,
    });

    primeById(ctx, 'task.byId', board.rows.map((r) => r.task), this.fetchTasks(ctx));
    primeById(ctx, 'shift.byId', board.rows.map((r) => r.shift), this.fetchShifts(ctx));
    if (actor) {
      const claims = viewerClaimLoader(ctx, this.tx.manager(ctx), actor.userId);
      for (const r of board.rows) claims.prime(r.shift.id, r.viewerClaim);
    }
    const edges = board.rows.map(({ shift }) => ({ node: shift, cursor: encodeCursor([shift.startsAt.toISOString(), shift.id]) }));
    return {
      edges,
      pageInfo: { hasNextPage: board.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: Math.min(board.counted, Limits.boardCountCap),
      totalCountExact: board.counted <= Limits.boardCountCap,
    };
  }

  /**
   * Shifts with a free place, of published tasks located in these regions, starting
   * after now and before `startsBefore`, soonest first: matching's candidates.
   */
  async openShiftsIn(ctx: RequestContext, regionIds: readonly string[], startsBefore: Date, limit: number): Promise<ShiftEntity[]> {
    if (!regionIds.length) return [];
    return this.shifts(ctx)
      .createQueryBuilder('s')
      // The board's copy of the region: set exactly while the task is published.
      .where('s.board_region_id IN (:...regionIds)', { regionIds })
      .andWhere('s.starts_at > :now AND s.starts_at < :startsBefore', { now: this.clock.now(), startsBefore })
      .andWhere('s.confirmed_count < s.capacity')
      .orderBy('s.starts_at')
      .limit(limit)
      .getMany();
  }

  /** The code is for the organisation's coordinators only. */
  async checkInCodeFor(ctx: RequestContext, shift: ShiftEntity): Promise<string | null> {
    const actor = await ctx.actor();
    if (!actor) return null;
    const task = await this.loadTask(ctx, shift.taskId);
    return task && can(actor, 'shift.viewCheckInCode', { organizationId: task.organizationId }) ? shift.checkInCode : null;
  }
}
