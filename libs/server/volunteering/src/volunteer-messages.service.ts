import { Injectable } from '@nestjs/common';
import { Limits } from '@civicgrid/contracts';
import {
  AuditService,
  authorize,
  ConflictError,
  EventBus,
  InvalidInputError,
  Limit,
  minutesFrom,
  NotFoundError,
  RateLimiter,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { ClaimsService } from './claims.service';
import { TasksService } from './tasks.service';

/** A coordinator may message volunteers this often. */
export const MESSAGE_LIMIT: Limit = {
  name: 'volunteers.message',
  points: 10,
  windowSeconds: 3600,
  errorKey: 'message.tooMany',
  message: (s) => `Too many messages to volunteers; try again in ${minutesFrom(s)} minutes`,
};

export interface MessageVolunteers {
  shiftId?: string | null;
  taskId?: string | null;
  message: string;
  idempotencyKey: string;
}

/**
 * A coordinator's message to everyone expected on a shift, or on a task's shifts still to
 * come: sent through each volunteer's chosen channels (a `volunteers.messaged` event the
 * notifier turns into notifications), rate-limited per sender, audited, and idempotent by
 * key: a replay answers the first send and sends nothing; the same key with another
 * message is a CONFLICT.
 */
@Injectable()
export class VolunteerMessagesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TasksService,
    private readonly claims: ClaimsService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  async send(ctx: RequestContext, input: MessageVolunteers): Promise<{ recipients: number }> {
    const actor = await ctx.requireActor();
    if (!!input.shiftId === !!input.taskId) throw new InvalidInputError('shiftId', 'message.shiftOrTask', 'Give exactly one of shiftId and taskId');
    const message = input.message.replace(/\p{Cc}/gu, (c) => (c === '\n' ? c : '')).trim();
    if (!message) throw new InvalidInputError('message', 'validation.isNotEmpty', 'message must not be blank');
    if ([...message].length > Limits.volunteerMessageMaxLength) throw new InvalidInputError('message', 'validation.maxLength', `message must be at most ${Limits.volunteerMessageMaxLength} characters`);
    const key = input.idempotencyKey.trim();
    if (!key || key.length > 100) throw new InvalidInputError('idempotencyKey', 'validation.length', 'idempotencyKey must have 1 to 100 characters');

    const shift = input.shiftId ? await this.tasks.loadShift(ctx, input.shiftId) : null;
    if (input.shiftId && !shift) throw new NotFoundError('Shift', 'shiftId');
    const taskId = shift?.taskId ?? input.taskId!;
    const task = await this.tasks.visibleTask(ctx, taskId);
    if (!task) throw new NotFoundError('Task', input.shiftId ? 'shiftId' : 'taskId');
    authorize(actor, 'task.manage', { organizationId: task.organizationId });

    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      // One decision per sender and key, so a double-tap sends once.
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`message:${actor.userId}:${key}`]);
      const [first]: { task_id: string; shift_id: string | null; message: string; recipient_ids: string[] }[] = await em.query(
        `SELECT task_id, shift_id, message, recipient_ids FROM volunteer_message WHERE sender_id = $1 AND idempotency_key = $2`,
        [actor.userId, key],
      );
      if (first) {
        const same = first.task_id === task.id && first.shift_id === (shift?.id ?? null) && first.message === message;
        if (!same) throw new ConflictError('idempotency.keyReused', 'This idempotencyKey was used for another message');
        return { recipients: first.recipient_ids.length };
      }
      await this.limiter.take(t, MESSAGE_LIMIT, actor.userId);
      const recipients = await this.claims.expectedVolunteers(t, task.id, shift?.id ?? null);
      const [row]: { id: string }[] = await em.query(
        `INSERT INTO volunteer_message (sender_id, idempotency_key, task_id, shift_id, message, recipient_ids) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actor.userId, key, task.id, shift?.id ?? null, message, recipients],
      );
      await this.audit.record(t, { action: 'volunteers.message', subjectType: 'task', subjectId: task.id, detail: { shiftId: shift?.id ?? null, recipients: recipients.length, messageId: row.id } });
      await this.events.publish(t, { type: 'volunteers.messaged', aggregateType: 'task', aggregateId: task.id, payload: { messageId: row.id, taskId: task.id, shiftId: shift?.id ?? null } });
      return { recipients: recipients.length };
    });
  }

  /** The message and its recipients, for the notifier. */
  async load(ctx: RequestContext, id: string): Promise<{ message: string; taskId: string; recipientIds: string[] } | null> {
    const [row]: { message: string; task_id: string; recipient_ids: string[] }[] = await this.tx.manager(ctx).query(`SELECT message, task_id, recipient_ids FROM volunteer_message WHERE id = $1`, [id]);
    return row ? { message: row.message, taskId: row.task_id, recipientIds: row.recipient_ids } : null;
  }
}
