import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import { OrganizationsService } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  ConflictError,
  EventBus,
  findByIds,
  InvalidInputError,
  loadById,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  returning,
  TransactionRunner,
} from '@civicgrid/platform';
import { TasksService } from '@civicgrid/volunteering';
import type { Task } from '@civicgrid/volunteering';
import { NeedEntity, NeedStatus } from './need.entity';

export interface NewNeed {
  title: string;
  description: string;
  category: string;
  regionId: string;
  onBehalfOfUserId?: string | null;
}
export interface NeedFilterData {
  regionId?: string | null;
  status?: string | null;
  category?: string | null;
}

/** Residents' needs (co-creation): published, supported, adopted by an organisation as a task. */
@Injectable()
export class NeedsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  private needs(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(NeedEntity);
  }

  load(ctx: RequestContext, id: string): Promise<NeedEntity | null> {
    return loadById(ctx, 'need.byId', id, (ids) => findByIds(this.tx.manager(ctx), NeedEntity, ids));
  }

  /** The need a task answers (batched), found by the need's link to its task. */
  forTask(ctx: RequestContext, taskId: string): Promise<NeedEntity | null> {
    return ctx
      .loader<string, NeedEntity | null>('need.byTask', async (ids) => {
        const rows = await this.needs(ctx).findBy({ taskId: In([...ids]) });
        return ids.map((i) => rows.find((n) => n.taskId === i) ?? null);
      })
      .load(taskId);
  }

  /** The need a completed task answered is fulfilled (from `task.completed`); `need.fulfilled` follows. */
  async fulfilByTask(ctx: RequestContext, taskId: string): Promise<void> {
    const rows = await returning<{ id: string }>(this.tx.manager(ctx), `UPDATE need SET status = 'FULFILLED' WHERE task_id = $1 AND status = 'ADOPTED' RETURNING id`, [taskId]);
    for (const { id } of rows) await this.events.publish(ctx, { type: 'need.fulfilled', aggregateType: 'need', aggregateId: id, payload: { needId: id, taskId } });
  }

  /**
   * The task adopted for a need was cancelled (from `task.cancelled`): the need is open
   * again for another organisation to adopt; `need.reopened` follows.
   */
  async reopenByTask(ctx: RequestContext, taskId: string, organizationId: string): Promise<void> {
    const rows = await returning<{ id: string }>(
      this.tx.manager(ctx),
      `UPDATE need SET status = 'OPEN', task_id = NULL, adopted_by_id = NULL WHERE task_id = $1 AND status = 'ADOPTED' RETURNING id`,
      [taskId],
    );
    for (const { id } of rows) await this.events.publish(ctx, { type: 'need.reopened', aggregateType: 'need', aggregateId: id, payload: { needId: id, taskId, organizationId } });
  }

  async publish(ctx: RequestContext, input: NewNeed): Promise<NeedEntity> {
    const actor = await ctx.requireActor();
    const region = await this.geo.require(ctx, input.regionId, 'regionId');
    const onBehalf = input.onBehalfOfUserId && input.onBehalfOfUserId !== actor.userId ? input.onBehalfOfUserId : null;
    if (onBehalf) {
      const resident = await this.users.require(ctx, onBehalf, 'onBehalfOfUserId');
      authorize(actor, 'resident.actFor', { userId: resident.id, regionPath: await this.geo.pathOf(ctx, resident.homeRegionId) });
    }
    const title = input.title.trim();
    const description = input.description.trim();
    const category = input.category.trim().toUpperCase();
    if (!title) throw new InvalidInputError('title', 'validation.isNotEmpty', 'title must not be blank');
    if (!description) throw new InvalidInputError('description', 'validation.isNotEmpty', 'description must not be blank');
    if (!category) throw new InvalidInputError('category', 'validation.isNotEmpty', 'category must not be blank');
    return this.tx.run(ctx, async (t) => {
      const need = await this.needs(t).save(
        this.needs(t).create({ title, description, category, regionId: region.id, regionPath: region.path, postedById: actor.userId, onBehalfOfId: onBehalf, status: 'OPEN' }),
      );
      if (onBehalf) await this.audit.record(t, { action: 'need.publishFor', subjectType: 'need', subjectId: need.id, detail: { residentId: onBehalf } });
      return need;
    });
  }

  /** +1, once per person; the count is kept by the database from the support rows. */
  async support(ctx: RequestContext, needId: string): Promise<NeedEntity> {
    const actor = await ctx.requireActor();
    const need = await this.load(ctx, needId);
    if (!need) throw new NotFoundError('Need', 'needId');
    if (need.postedById === actor.userId || need.onBehalfOfId === actor.userId) throw new ConflictError('need.ownNeed', 'You cannot support your own need');
    if (need.status === 'FULFILLED' || need.status === 'CLOSED') throw new ConflictError('need.notOpen', `This need is ${need.status.toLowerCase()}`);
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const inserted: unknown[] = await em.query(`INSERT INTO need_support (need_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING need_id`, [needId, actor.userId]);
      if (!inserted.length) throw new ConflictError('need.alreadySupported', 'You already support this need');
      return em.getRepository(NeedEntity).findOneByOrFail({ id: needId });
    });
  }

  /** An organisation's coordinator adopts an open need: a DRAFT task is created and linked. */
  async adopt(ctx: RequestContext, needId: string, organizationId: string): Promise<Task> {
    const actor = await ctx.requireActor();
    await this.organizations.require(ctx, organizationId, 'organizationId');
    authorize(actor, 'need.adopt', { organizationId });
    return this.tx.run(ctx, async (t) => {
      const need = await this.needs(t).findOne({ where: { id: needId }, lock: { mode: 'pessimistic_write' } });
      if (!need) throw new NotFoundError('Need', 'needId');
      if (need.status !== 'OPEN') throw new ConflictError('need.notOpen', `This need is already ${need.status.toLowerCase()}`);
      const task = await this.tasks.createDraft(t, organizationId, need);
      need.status = 'ADOPTED';
      need.adoptedById = organizationId;
      need.taskId = task.id;
      await this.needs(t).save(need);
      await this.audit.record(t, { action: 'need.adopt', subjectType: 'need', subjectId: need.id, detail: { organizationId, taskId: task.id } });
      await this.events.publish(t, { type: 'need.adopted', aggregateType: 'need', aggregateId: need.id, payload: { needId: need.id, taskId: task.id, organizationId } });
      return task;
    });
  }

  /** The poster (or their proxy) withdraws an open need. */
  async close(ctx: RequestContext, needId: string): Promise<NeedEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const need = await this.needs(t).findOne({ where: { id: needId }, lock: { mode: 'pessimistic_write' } });
      if (!need) throw new NotFoundError('Need', 'needId');
      if (need.postedById !== actor.userId) authorize(actor, 'resident.actFor', { userId: need.onBehalfOfId ?? need.postedById });
      if (need.status !== 'OPEN') throw new ConflictError('need.notOpen', `Only an open need can be withdrawn; this one is ${need.status.toLowerCase()}`);
      need.status = 'CLOSED';
      return this.needs(t).save(need);
    });
  }

  async list(ctx: RequestContext, filter: NeedFilterData, page: PageArgs) {
    const qb = this.needs(ctx).createQueryBuilder('n');
    if (filter.regionId) {
      const region = await this.geo.require(ctx, filter.regionId, 'filter.regionId');
      qb.andWhere('(n.region_path = :rp OR n.region_path LIKE :rpp)', { rp: region.path, rpp: `${region.path}/%` });
    }
    if (filter.status) qb.andWhere('n.status = :status', { status: filter.status as NeedStatus });
    if (filter.category?.trim()) qb.andWhere('n.category = :category', { category: filter.category.trim().toUpperCase() });
    return paginate(qb, page, {
      columns: [
        { expr: 'n.created_at', kind: 'timestamp' },
        { expr: 'n.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (n) => [n.createdAt.toISOString(), n.id],
    });
  }

  /** Whether the signed-in person already supports each need (batched), for the +1 button. */
  async viewerSupports(ctx: RequestContext, needId: string): Promise<boolean> {
    const actor = await ctx.actor();
    if (!actor) return false;
    return ctx
      .loader<string, boolean>('need.viewerSupports', async (ids) => {
        const rows: { need_id: string }[] = await this.tx.manager(ctx).query(`SELECT need_id FROM need_support WHERE user_id = $1 AND need_id = ANY($2::uuid[])`, [actor.userId, [...ids]]);
        const set = new Set(rows.map((r) => r.need_id));
        return ids.map((i) => set.has(i));
      })
      .load(needId);
  }
}
