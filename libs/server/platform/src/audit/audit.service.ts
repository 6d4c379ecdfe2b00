import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { TransactionRunner } from '../database/transactions';
import { PageArgs, paginate } from '../pagination/connection';
import { AuditEntryEntity } from './audit-entry.entity';
import { authorize } from '../policy/policy';

export interface AuditRecord {
  /** e.g. `proxy.grant`, `pii.read`, `service.verify` */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

@Injectable()
export class AuditService {
  constructor(private readonly tx: TransactionRunner) {}

  /** Written in the caller's transaction when there is one: no audit row for a change that rolled back. */
  async record(ctx: RequestContext, entry: AuditRecord): Promise<void> {
    await this.tx.manager(ctx).insert(AuditEntryEntity, {
      actorUserId: ctx.userId ?? null,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      detail: (entry.detail ?? {}) as object,
      requestId: ctx.requestId,
    });
  }

  async list(ctx: RequestContext, filter: { action?: string | null; subjectId?: string | null }, page: PageArgs) {
    authorize(await ctx.requireActor(), 'audit.read');
    const qb = this.tx.manager(ctx).createQueryBuilder(AuditEntryEntity, 'a');
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
    return paginate(qb, page, {
      columns: [{ expr: 'a.id', kind: 'number' }],
      direction: 'DESC',
      keyOf: (row) => [String(row.id)],
    });
  }
}
