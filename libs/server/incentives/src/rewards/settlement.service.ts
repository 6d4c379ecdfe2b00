import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { AlliancesService, OrganizationsService } from '@civicgrid/organizations';
import type { Alliance } from '@civicgrid/organizations';
import { AuditService, authorize, ForbiddenError, InvalidInputError, NotFoundError, RequestContext, TransactionRunner, can } from '@civicgrid/platform';
import { RewardsService } from './rewards.service';

export interface SettlementFigures {
  merchantId: string;
  month: string;
  redemptions: number;
  points: number;
  amountFen: number;
  rateFen: number | null;
  lines: { rewardId: string; title: string; redemptions: number; points: number; rateFen: number | null; amountFen: number }[];
  csv: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month's bounds in Asia/Shanghai (UTC+8 all year, no daylight saving). */
export function shanghaiMonth(month: string): { from: Date; to: Date } {
  const m = MONTH.exec(month);
  if (!m) throw new InvalidInputError('month', 'settlement.badMonth', 'month must be YYYY-MM, e.g. 2026-11');
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const from = new Date(Date.UTC(y, mo - 1, 1) - 8 * 3_600_000);
  const to = new Date(Date.UTC(y, mo, 1) - 8 * 3_600_000);
  return { from, to };
}

/** A spreadsheet reads a cell starting with = + - @ as a formula: such a title is written as text. */
function cell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * A merchant's monthly settlement: its confirmed redemptions by the month they were
 * confirmed in (Shanghai calendar), and what the alliance owes it at its rate.
 */
@Injectable()
export class SettlementService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly organizations: OrganizationsService,
    private readonly alliances: AlliancesService,
    private readonly rewards: RewardsService,
    private readonly audit: AuditService,
  ) {}

  async statement(ctx: RequestContext, organizationId: string, month: string): Promise<SettlementFigures> {
    const actor = await ctx.requireActor();
    const { from, to } = shanghaiMonth(month);
    const merchant = await this.organizations.require(ctx, organizationId, 'organizationId');
    const joined = await this.alliances.joinedBy(ctx, merchant.id);
    const allowed =
      can(actor, 'settlement.view', { organizationId: merchant.id }) ||
      joined.some((a) => can(actor, 'settlement.view', { organizationId: merchant.id, stewardOrganizationId: a.stewardId, regionPath: a.regionPath }));
    if (!allowed) throw new ForbiddenError('forbidden.settlement.view', 'You are not allowed to view settlement (settlement)');
    const rows: { reward_id: string; n: number; points: number }[] = await this.tx.manager(ctx).query(
      `SELECT reward_id, count(*)::int AS n, sum(points)::int AS points FROM redemption
        WHERE merchant_id = $1 AND status = 'CONFIRMED' AND confirmed_at >= $2 AND confirmed_at < $3
        GROUP BY reward_id`,
      [merchant.id, from, to],
    );
    const rewards = new Map((await this.rewards.many(ctx, rows.map((r) => r.reward_id))).map((r) => [r.id, r]));
    const rates = new Map<string, number | null>();
    for (const r of rewards.values()) if (!rates.has(r.allianceId)) rates.set(r.allianceId, (await this.alliances.load(ctx, r.allianceId))?.settlementRateFen ?? null);
    const lines = rows
      .map((row) => {
        const reward = rewards.get(row.reward_id)!;
        const rateFen = rates.get(reward.allianceId) ?? null;
        return { rewardId: row.reward_id, title: reward.title, redemptions: row.n, points: row.points, rateFen, amountFen: row.points * (rateFen ?? 0) };
      })
      .sort((a, b) => a.title.localeCompare(b.title, 'zh-CN') || a.rewardId.localeCompare(b.rewardId));
    // With no redemptions the rate is the one of the merchant's alliance, when it has one.
    const usedRates = new Set(lines.length ? lines.map((l) => l.rateFen) : joined.length === 1 ? [joined[0].settlementRateFen] : [null]);
    const rateFen = usedRates.size === 1 ? [...usedRates][0] : null;
    const totals = {
      redemptions: lines.reduce((s, l) => s + l.redemptions, 0),
      points: lines.reduce((s, l) => s + l.points, 0),
      amountFen: lines.reduce((s, l) => s + l.amountFen, 0),
    };
    const csv = stringify(
      [
        ['month', 'merchant', 'reward_id', 'reward', 'redemptions', 'points', 'rate_fen', 'amount_fen'],
        ...lines.map((l) => [month, cell(merchant.name), l.rewardId, cell(l.title), l.redemptions, l.points, l.rateFen ?? '', l.amountFen]),
        [month, cell(merchant.name), '', 'TOTAL', totals.redemptions, totals.points, rateFen ?? '', totals.amountFen],
      ],
      { record_delimiter: '\r\n' },
    );
    return { merchantId: merchant.id, month, ...totals, rateFen, lines, csv };
  }

  /** The steward (or an official over the alliance) sets the fen paid per point redeemed; audited. */
  async setRate(ctx: RequestContext, input: { allianceId: string; fenPerPoint: number }): Promise<Alliance> {
    const actor = await ctx.requireActor();
    const alliance = await this.alliances.load(ctx, input.allianceId);
    if (!alliance) throw new NotFoundError('Alliance', 'allianceId');
    const d = authorize(actor, 'settlement.setRate', { organizationId: alliance.stewardId, regionPath: alliance.regionPath });
    if (!Number.isInteger(input.fenPerPoint) || input.fenPerPoint < 0 || input.fenPerPoint > 100_000) {
      throw new InvalidInputError('fenPerPoint', 'settlement.badRate', 'fenPerPoint must be a whole number from 0 to 100000');
    }
    return this.tx.run(ctx, async (t) => {
      const saved = await this.alliances.saveSettlementRate(t, alliance.id, input.fenPerPoint);
      await this.audit.record(t, {
        action: 'settlement.setRate',
        subjectType: 'alliance',
        subjectId: alliance.id,
        detail: { before: alliance.settlementRateFen, after: input.fenPerPoint, basis: d.basis },
      });
      return saved;
    });
  }
}
