import { Injectable } from '@nestjs/common';
import {
  authorize,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { ClaimsService, TasksService } from '@civicgrid/volunteering';
import { TaskReviewEntity } from './task-review.entity';

/** Co-evaluation (效果共评): residents of the task's area and its volunteers rate a completed task. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TasksService,
    private readonly claims: ClaimsService,
  ) {}

  private reviews(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(TaskReviewEntity);
  }

  async review(ctx: RequestContext, taskId: string, rating: number, comment?: string | null): Promise<TaskReviewEntity> {
    const actor = await ctx.requireActor();
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) throw new InvalidInputError('rating', 'review.rating', 'rating must be a whole number from 1 to 5');
    const task = await this.tasks.visibleTask(ctx, taskId);
    if (!task) throw new NotFoundError('Task', 'taskId');
    const served = await this.claims.servedOn(ctx, taskId, actor.userId);
    authorize(actor, 'task.review', { regionPath: task.regionPath, isVolunteer: served });
    if (task.status !== 'COMPLETED') throw new ConflictError('review.notCompleted', 'Only a completed task can be rated');
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const rows: { id: string }[] = await em.query(
        `INSERT INTO task_review (task_id, reviewer_id, rating, comment) VALUES ($1, $2, $3, $4) ON CONFLICT (task_id, reviewer_id) DO NOTHING RETURNING id`,
        [taskId, actor.userId, rating, comment?.trim() || null],
      );
      if (!rows.length) throw new ConflictError('review.duplicate', 'You have already rated this task');
      return this.reviews(t).findOneByOrFail({ id: rows[0].id });
    });
  }

  list(ctx: RequestContext, taskId: string, page: PageArgs) {
    const qb = this.reviews(ctx).createQueryBuilder('r').where('r.task_id = :taskId', { taskId });
    return paginate(qb, page, {
      columns: [
        { expr: 'r.created_at', kind: 'timestamp' },
        { expr: 'r.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (r) => [r.createdAt.toISOString(), r.id],
    });
  }

  /** The signed-in viewer's own review of each task (batched); null when they have not rated it, or nobody is signed in. */
  async viewerReview(ctx: RequestContext, taskId: string): Promise<TaskReviewEntity | null> {
    const actor = await ctx.actor();
    if (!actor) return null;
    return ctx
      .loader<string, TaskReviewEntity | null>('review.viewer', async (ids) => {
        const rows = await this.reviews(ctx).createQueryBuilder('r').where('r.reviewer_id = :userId AND r.task_id = ANY(:ids::uuid[])', { userId: actor.userId, ids: [...ids] }).getMany();
        const byTask = new Map(rows.map((r) => [r.taskId, r]));
        return ids.map((i) => byTask.get(i) ?? null);
      })
      .load(taskId);
  }

  /** Average rating per task (batched); null when nobody has rated it. */
  average(ctx: RequestContext, taskId: string): Promise<number | null> {
    return ctx
      .loader<string, number | null>('review.average', async (ids) => {
        const rows: { task_id: string; avg: string }[] = await this.tx.manager(ctx).query(`SELECT task_id, avg(rating)::float8 AS avg FROM task_review WHERE task_id = ANY($1::uuid[]) GROUP BY task_id`, [[...ids]]);
        const byId = new Map(rows.map((r) => [r.task_id, Number(r.avg)]));
        return ids.map((i) => byId.get(i) ?? null);
      })
      .load(taskId);
  }
}
