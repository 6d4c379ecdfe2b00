import { Injectable, OnModuleInit } from '@nestjs/common';
import { TransactionRunner } from '../database/transactions';
import { JobsService } from './jobs.service';

export const PURGE_JOB = 'platform.purge';

/**
 * Hourly housekeeping of the platform's tables: rate-limit counters whose window is long
 * over, and delivered events older than 30 days (with their delivery records), except
 * those with a dead-lettered delivery, kept for whoever looks into it. Contexts purge
 * their own tables with jobs of their own (sessions, development messages).
 */
@Injectable()
export class MaintenanceJobs implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: PURGE_JOB, cron: '17 * * * *', retryLimit: 1, handle: (ctx) => this.purge(ctx) });
  }

  async purge(ctx: Parameters<TransactionRunner['manager']>[0]): Promise<void> {
    const em = this.tx.manager(ctx);
    await em.query(`DELETE FROM rate_limit WHERE expires_at < now() - interval '1 day'`);
    await em.query(
      `DELETE FROM outbox_event e WHERE e.dispatched_at < now() - interval '30 days'
          AND NOT EXISTS (SELECT 1 FROM event_delivery d WHERE d.event_id = e.event_id AND d.status = 'DEAD')`,
    );
  }
}
