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
  loadAllBy,
  loadById,
  NotFoundError,
  PageArgs,
  pageSize,
  paginateUnderParent,
  primeById,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { ShiftEntity } from './shift.entity';
import { BoardQuery, ShiftBoard } from './shift-board';
import { TaskEntity } from './task.entity';
import { viewerClaimLoader } from './viewer-claims';
import type { TaskCompletedPayload } from './volunteering.events';

const HOUR = 3_600_000;
/** Up to this many regions under the board's filter, each is walked on its own index range. */
const BOARD_FEW_REGIONS = 40;

export interface NewShift {
  startsAt: Date;
  endsAt: Date;
  capacity: number;
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

/** A shift starts in the future, ends after it starts and lasts at most a day. */
function checkShift(s: NewShift, field: string, nowMs: number): void {
  if (s.startsAt.getTime() <= nowMs) throw new InvalidInputError(`${field}.startsAt`, 'shift.startsInPast', 'A shift must start in the future');
  if (s.endsAt.getTime() <= s.startsAt.getTime()) throw new InvalidInputError(`${field}.endsAt`, 'shift.endsBeforeStart', 'A shift must end after it starts');
  if (s.endsAt.getTime() - s.startsAt.getTime() > Limits.shiftMaxHours * HOUR) {
    throw new InvalidInputError(`${field}.endsAt`, 'shift.tooLong', `A shift may last at most ${Limits.shiftMaxHours} hours`);
  }
}

/**
 * A finished task (`t`), as of the instant in the parameter `now`: published or closed,
 * its shifts all ended, nobody still expected, every attended claim's minutes decided.
 */
const finished = (now: string) => `t.status IN ('PUBLISHED','CLOSED')
  AND EXISTS (SELECT 1 FROM shift s WHERE s.task_id = t.id)
  AND NOT EXISTS (SELECT 1 FROM shift s WHERE s.task_id = t.id AND s.ends_at > ${now}::timestamptz)
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
      await this.shifts(t).insert(input.shifts.map((s) => ({ taskId: task.id, startsAt: s.startsAt, endsAt: s.endsAt, capacity: s.capacity, checkInCode: newCheckInCode() })));
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
      return this.shifts(t).save(this.shifts(t).create({ taskId, startsAt: shift.startsAt, endsAt: shift.endsAt, capacity: shift.capacity, checkInCode: newCheckInCode() }));
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
        const future = await this.shifts(t).createQueryBuilder('s').where('s.task_id = :id AND s.ends_at > :now', { id, now: this.clock.now() }).getCount();
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
