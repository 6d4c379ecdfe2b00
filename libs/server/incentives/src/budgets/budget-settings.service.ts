import { Injectable } from '@nestjs/common';
import { RequestContext, TransactionRunner } from '@civicgrid/platform';
import { BudgetSettingsEntity } from './budget.entities';

/** Where an office has set nothing: 10 points an hour, a second official above 500 points. */
export const BUDGET_DEFAULTS = { pointsPerHour: 10, approvalThreshold: 500 } as const;

@Injectable()
export class BudgetSettingsService {
  constructor(private readonly tx: TransactionRunner) {}

  defaults(): { pointsPerHour: number; approvalThreshold: number } {
    return BUDGET_DEFAULTS;
  }

  async of(ctx: RequestContext, organizationId: string): Promise<{ pointsPerHour: number; approvalThreshold: number }> {
    const row = await this.tx.manager(ctx).findOne(BudgetSettingsEntity, { where: { organizationId } });
    return row ? { pointsPerHour: row.pointsPerHour, approvalThreshold: row.approvalThreshold } : BUDGET_DEFAULTS;
  }

  async save(ctx: RequestContext, organizationId: string, change: { pointsPerHour?: number | null; approvalThreshold?: number | null }, now: Date): Promise<void> {
    const current = await this.of(ctx, organizationId);
    await this.tx.manager(ctx).query(
      `INSERT INTO incentive_budget (organization_id, points_per_hour, approval_threshold, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id) DO UPDATE SET points_per_hour = EXCLUDED.points_per_hour, approval_threshold = EXCLUDED.approval_threshold, updated_at = EXCLUDED.updated_at`,
      [organizationId, change.pointsPerHour ?? current.pointsPerHour, change.approvalThreshold ?? current.approvalThreshold, now],
    );
  }
}
