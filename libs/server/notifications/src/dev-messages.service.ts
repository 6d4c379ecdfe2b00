import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService, authorize, Clock, JobsService, PageArgs, paginate, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message the development sink kept instead of sending it. */
@Entity('dev_message')
export class DevMessageEntity {
  @PrimaryColumn({ type: 'bigint' })
  id: string;
  @Column({ type: 'text' })
  channel: string;
  @Column({ type: 'text' })
  recipient: string;
  @Column({ type: 'text', nullable: true })
  subject: string | null;
  @Column({ type: 'text' })
  body: string;
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const DEV_MESSAGE_PURGE_JOB = 'notifications.purgeDevMessages';

/**
 * What the development sink kept: listed for administrators (the recipients' numbers and
 * the texts are personal data: every read is audited), and forgotten after 30 days.
 */
@Injectable()
export class DevMessagesService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: DEV_MESSAGE_PURGE_JOB, cron: '53 * * * *', retryLimit: 1, handle: (ctx) => this.purgeOld(ctx) });
  }

  /** Newest first. */
  async list(ctx: RequestContext, page: PageArgs) {
    authorize(await ctx.requireActor(), 'audit.read');
    await this.audit.record(ctx, { action: 'pii.read', subjectType: 'dev_message', detail: { field: 'devMessages' } });
    const qb = this.tx.manager(ctx).getRepository(DevMessageEntity).createQueryBuilder('m');
    return paginate(qb, page, { columns: [{ expr: 'm.id', kind: 'number' }], direction: 'DESC', keyOf: (m) => [String(m.id)] });
  }

  async purgeOld(ctx: RequestContext): Promise<void> {
    await this.tx.manager(ctx).query(`DELETE FROM dev_message WHERE created_at < $1::timestamptz - interval '30 days'`, [this.clock.now()]);
  }
}
