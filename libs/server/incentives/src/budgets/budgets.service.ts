import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import { OrganizationsService } from '@civicgrid/organizations';
import type { Organization } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  can,
  checkPage,
  Clock,
  ConflictError,
  DomainError,
  EventBus,
  ForbiddenError,
  InvalidInputError,
  KeysetColumn,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  TransactionRunner,
  within,
} from '@civicgrid/platform';
import { In } from 'typeorm';
import { IdempotencyService } from '../ledger/idempotency.service';
import { LedgerService } from '../ledger/ledger.service';
import { BudgetSettingsService } from './budget-settings.service';
import { IncentiveEntity, IncentiveStatus } from './budget.entities';

/** Incentives newest first. */
const NEWEST_FIRST: KeysetColumn[] = [
  { expr: 'i.created_at', kind: 'timestamp' },
  { expr: 'i.id', kind: 'uuid' },
];

export interface BudgetFigures {
  organizationId: string;
  allocated: number;
  issued: number;
  pendingApproval: number;
  remaining: number;
  pointsPerHour: number;
  approvalThreshold: number;
  regionPath: string;
}

export interface IncentiveEventPayload {
  incentiveId: string;
  budgetOrganizationId: string;
  status: IncentiveStatus;
  points: number;
  issuedById: string;
  recipientUserId: string | null;
  recipientOrganizationId: string | null;
}

export interface BudgetAllocatedPayload {
  organizationId: string;
  points: number;
}

/**
 * Street offices' budgets and the incentives officials issue from them. A budget's points
 * are its office's POINTS account: allocations fill it, incentives empty it, and an
 * incentive waiting for a second official holds its points as the account's reserve, so
 * "remaining" can never be promised twice, however many officials issue at once.
 */
@Injectable()
export class BudgetsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly settings: BudgetSettingsService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  private incentives(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(IncentiveEntity);
  }

  /** The street office and its region path, or BAD_USER_INPUT naming the field. */
  async office(ctx: RequestContext, organizationId: string, field = 'organizationId'): Promise<{ office: Organization; regionPath: string }> {
    const office = await this.organizations.require(ctx, organizationId, field);
    if (office.kind !== 'STREET_OFFICE') throw new InvalidInputError(field, 'budget.notStreetOffice', 'Budgets are held by street offices');
    return { office, regionPath: (await this.geo.pathOf(ctx, office.regionId)) ?? '' };
  }

  async figures(ctx: RequestContext, organizationId: string): Promise<BudgetFigures> {
    const { regionPath } = await this.office(ctx, organizationId);
    const em = this.tx.manager(ctx);
    const account = await this.ledger.account(ctx, { organization: organizationId }, 'POINTS');
    // A reversal counts against what it reverses: an undone allocation was never allocated.
    const [sums]: { allocated: number; issued: number }[] = account.id
      ? await em.query(
          `SELECT coalesce(sum(e.amount) FILTER (WHERE coalesce(r.kind, t.kind) = 'BUDGET_ALLOCATION'), 0)::int AS allocated,
                  coalesce(-sum(e.amount) FILTER (WHERE coalesce(r.kind, t.kind) = 'INCENTIVE'), 0)::int AS issued
             FROM ledger_entry e JOIN ledger_transfer t ON t.id = e.transfer_id LEFT JOIN ledger_transfer r ON r.id = t.reverses_id
            WHERE e.account_id = $1`,
          [account.id],
        )
      : [{ allocated: 0, issued: 0 }];
    const s = await this.settings.of(ctx, organizationId);
    return {
      organizationId,
      allocated: sums.allocated,
      issued: sums.issued,
      pendingApproval: account.reserved,
      remaining: Math.max(0, account.balance - account.reserved),
      pointsPerHour: s.pointsPerHour,
      approvalThreshold: s.approvalThreshold,
      regionPath,
    };
  }

  async budget(ctx: RequestContext, organizationId: string): Promise<BudgetFigures> {
    const { regionPath } = await this.office(ctx, organizationId);
    authorize(await ctx.requireActor(), 'budget.view', { organizationId, regionPath });
    return this.figures(ctx, organizationId);
  }

  /** The budgets the viewer works with: an official's offices (a district official's, all below), an administrator's all. */
  async mine(ctx: RequestContext): Promise<BudgetFigures[]> {
    const actor = await ctx.requireActor();
    const offices = await this.organizations.allOfKind(ctx, 'STREET_OFFICE');
    const mine: BudgetFigures[] = [];
    for (const o of offices) {
      const regionPath = (await this.geo.pathOf(ctx, o.regionId)) ?? '';
      if (can(actor, 'budget.view', { organizationId: o.id, regionPath })) mine.push(await this.figures(ctx, o.id));
    }
    return mine;
  }

  async viewerCan(ctx: RequestContext, action: 'budget.issue' | 'budget.allocate', b: { organizationId: string; regionPath: string }): Promise<boolean> {
    return can(await ctx.actor(), action, { organizationId: b.organizationId, regionPath: b.regionPath });
  }

  async allocate(ctx: RequestContext, input: { organizationId: string; points: number; memo?: string | null; idempotencyKey: string }): Promise<BudgetFigures> {
    const { regionPath } = await this.office(ctx, input.organizationId);
    authorize(await ctx.requireActor(), 'budget.allocate', { organizationId: input.organizationId, regionPath });
    const { idempotencyKey, ...rest } = input;
    await this.idempotency.once(ctx, idempotencyKey, 'allocateBudget', rest, async (t) => {
      const memo = input.memo?.trim() || null;
      const posted = await this.ledger.transfer(t, { kind: 'BUDGET_ALLOCATION', currency: 'POINTS', from: { system: 'ISSUANCE' }, to: { organization: input.organizationId }, amount: input.points, memo });
      await this.audit.record(t, { action: 'budget.allocate', subjectType: 'organization', subjectId: input.organizationId, detail: { points: input.points, memo, transferId: posted.transferId } });
      await this.events.publish<BudgetAllocatedPayload>(t, {
        type: 'budget.allocated',
        aggregateType: 'organization',
        aggregateId: input.organizationId,
        payload: { organizationId: input.organizationId, points: input.points },
      });
      return posted.transferId;
    });
    return this.figures(ctx, input.organizationId);
  }

  async configure(ctx: RequestContext, input: { organizationId: string; pointsPerHour?: number | null; approvalThreshold?: number | null }): Promise<BudgetFigures> {
    const { regionPath } = await this.office(ctx, input.organizationId);
    authorize(await ctx.requireActor(), 'budget.allocate', { organizationId: input.organizationId, regionPath });
    await this.tx.run(ctx, async (t) => {
      const before = await this.settings.of(t, input.organizationId);
      await this.settings.save(t, input.organizationId, input, this.clock.now());
      await this.audit.record(t, { action: 'budget.configure', subjectType: 'organization', subjectId: input.organizationId, detail: { before, after: await this.settings.of(t, input.organizationId) } });
    });
    return this.figures(ctx, input.organizationId);
  }

  /**
   * Issues an incentive: paid at once up to the office's threshold, above it held from
   * the budget until a second official decides. Either way the budget can never promise
   * more than it holds (the account's CHECK, under any number of concurrent issues).
   */
  async issue(
    ctx: RequestContext,
    input: { budgetOrganizationId: string; recipientUserId?: string | null; recipientOrganizationId?: string | null; points: number; reason: string; idempotencyKey: string },
  ): Promise<IncentiveEntity> {
    const actor = await ctx.requireActor();
    const { regionPath } = await this.office(ctx, input.budgetOrganizationId, 'budgetOrganizationId');
    authorize(actor, 'budget.issue', { organizationId: input.budgetOrganizationId, regionPath });
    if (!!input.recipientUserId === !!input.recipientOrganizationId) {
      throw new InvalidInputError('recipientUserId', 'incentive.oneRecipient', 'Name exactly one recipient: a person or an organisation');
    }
    const reason = input.reason.trim();
    if (!reason) throw new InvalidInputError('reason', 'incentive.reasonRequired', 'Say why the incentive is given: it is published with the award');
    const { idempotencyKey, ...rest } = input;
    const id = await this.idempotency.once(ctx, idempotencyKey, 'issueIncentive', rest, async (t) => {
      if (input.recipientUserId) await this.users.require(t, input.recipientUserId, 'recipientUserId');
      if (input.recipientOrganizationId) {
        await this.organizations.require(t, input.recipientOrganizationId, 'recipientOrganizationId');
        if (input.recipientOrganizationId === input.budgetOrganizationId) {
          throw new InvalidInputError('recipientOrganizationId', 'incentive.toOwnBudget', 'An office does not give its own budget to itself');
        }
      }
      if (input.recipientUserId === actor.userId) throw new InvalidInputError('recipientUserId', 'incentive.toSelf', 'An official does not give an incentive to themselves');
      const { approvalThreshold } = await this.settings.of(t, input.budgetOrganizationId);
      const incentiveId = randomUUID();
      const pending = input.points > approvalThreshold;
      let transferId: string | null = null;
      await this.budgetMoves(async () => {
        if (pending) await this.ledger.reserve(t, { organization: input.budgetOrganizationId }, input.points);
        else transferId = (await this.pay(t, incentiveId, input.budgetOrganizationId, input, reason)).transferId;
      });
      const saved = await this.incentives(t).save(
        this.incentives(t).create({
          id: incentiveId,
          budgetOrganizationId: input.budgetOrganizationId,
          recipientUserId: input.recipientUserId ?? null,
          recipientOrganizationId: input.recipientOrganizationId ?? null,
          points: input.points,
          reason,
          status: pending ? 'PENDING_APPROVAL' : 'ISSUED',
          issuedById: actor.userId,
          transferId,
          createdAt: this.clock.now(),
        }),
      );
      await this.audit.record(t, {
        action: 'incentive.issue',
        subjectType: 'incentive',
        subjectId: saved.id,
        detail: { budget: input.budgetOrganizationId, points: input.points, status: saved.status, recipientUserId: saved.recipientUserId, recipientOrganizationId: saved.recipientOrganizationId },
      });
      await this.publish(t, pending ? 'incentive.pending' : 'incentive.issued', saved);
      return saved.id;
    });
    return (await this.incentives(ctx).findOneBy({ id }))!;
  }

  /** A second official of the office approves (the points are paid) or rejects (they return to the budget). */
  async decide(ctx: RequestContext, input: { incentiveId: string; approve: boolean; reason?: string | null }): Promise<IncentiveEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const incentive = await this.incentives(t).findOne({ where: { id: input.incentiveId }, lock: { mode: 'pessimistic_write' } });
      if (!incentive) throw new NotFoundError('Incentive', 'incentiveId');
      const { regionPath } = await this.office(t, incentive.budgetOrganizationId);
      if (incentive.issuedById === actor.userId) {
        throw new ForbiddenError('incentive.ownIssue', 'A second official decides: the issuer cannot approve or reject their own incentive');
      }
      authorize(actor, 'budget.decide', { organizationId: incentive.budgetOrganizationId, regionPath, userId: incentive.issuedById });
      if (incentive.status !== 'PENDING_APPROVAL') throw new ConflictError('incentive.alreadyDecided', `This incentive is already ${incentive.status.toLowerCase().replace('_', ' ')}`);
      const reason = input.reason?.trim() || null;
      if (!input.approve && !reason) throw new InvalidInputError('reason', 'incentive.reasonRequired', 'Say why the incentive is rejected');
      await this.ledger.release(t, { organization: incentive.budgetOrganizationId }, incentive.points);
      if (input.approve) {
        const posted = await this.budgetMoves(() => this.pay(t, incentive.id, incentive.budgetOrganizationId, incentive, incentive.reason));
        incentive.transferId = posted.transferId;
        incentive.status = 'ISSUED';
        incentive.approvedById = actor.userId;
      } else {
        incentive.status = 'REJECTED';
      }
      incentive.decidedById = actor.userId;
      incentive.decidedAt = this.clock.now();
      incentive.decidedReason = reason;
      const saved = await this.incentives(t).save(incentive);
      await this.audit.record(t, { action: input.approve ? 'incentive.approve' : 'incentive.reject', subjectType: 'incentive', subjectId: saved.id, detail: { points: saved.points, reason } });
      await this.publish(t, 'incentive.decided', saved);
      return saved;
    });
  }

  private pay(t: RequestContext, incentiveId: string, budgetOrganizationId: string, to: { recipientUserId?: string | null; recipientOrganizationId?: string | null; points: number }, reason: string) {
    return this.ledger.transfer(t, {
      kind: 'INCENTIVE',
      currency: 'POINTS',
      from: { organization: budgetOrganizationId },
      to: to.recipientUserId ? { user: to.recipientUserId } : { organization: to.recipientOrganizationId! },
      amount: to.points,
      memo: reason,
      ref: { type: 'incentive', id: incentiveId },
    });
  }

  /** The ledger's "not enough" said as the budget's. */
  private async budgetMoves<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof DomainError && (err.key === 'ledger.insufficientBalance' || err.key === 'budget.insufficient')) {
        throw new ConflictError('budget.insufficient', 'The budget has not enough points left for this incentive');
      }
      throw err;
    }
  }

  private publish(t: RequestContext, type: string, i: IncentiveEntity) {
    return this.events.publish<IncentiveEventPayload>(t, {
      type,
      aggregateType: 'incentive',
      aggregateId: i.id,
      payload: {
        incentiveId: i.id,
        budgetOrganizationId: i.budgetOrganizationId,
        status: i.status,
        points: i.points,
        issuedById: i.issuedById,
        recipientUserId: i.recipientUserId,
        recipientOrganizationId: i.recipientOrganizationId,
      },
    });
  }

  load(ctx: RequestContext, id: string): Promise<IncentiveEntity | null> {
    return this.incentives(ctx).findOneBy({ id });
  }

  /** An office's incentives, every status, for its officials and administrators. */
  async ofBudget(ctx: RequestContext, organizationId: string, status: IncentiveStatus | null | undefined, page: PageArgs) {
    checkPage(page, NEWEST_FIRST);
    const { regionPath } = await this.office(ctx, organizationId);
    authorize(await ctx.requireActor(), 'budget.view', { organizationId, regionPath });
    const qb = this.incentives(ctx).createQueryBuilder('i').where('i.budget_organization_id = :organizationId', { organizationId });
    if (status) qb.andWhere('i.status = :status', { status });
    return paginate(qb, page, { columns: NEWEST_FIRST, direction: 'DESC', keyOf: (i) => [i.createdAt.toISOString(), i.id] });
  }

  /**
   * The public list of issued awards (publicity): of the street offices in the region's
   * subtree or over it, newest first. Persons' names are masked by the field resolvers.
   */
  async publicList(ctx: RequestContext, regionId: string | null | undefined, page: PageArgs) {
    checkPage(page, NEWEST_FIRST);
    const qb = this.incentives(ctx).createQueryBuilder('i').where(`i.status = 'ISSUED'`);
    if (regionId) {
      const region = await this.geo.require(ctx, regionId, 'regionId');
      const offices = await this.organizations.allOfKind(ctx, 'STREET_OFFICE');
      const ids: string[] = [];
      for (const o of offices) {
        const path = (await this.geo.pathOf(ctx, o.regionId)) ?? '';
        if (within(region.path, path) || within(path, region.path)) ids.push(o.id);
      }
      qb.andWhere('i.budget_organization_id IN (:...ids)', { ids: ids.length ? ids : ['00000000-0000-0000-0000-000000000000'] });
    }
    return paginate(qb, page, { columns: NEWEST_FIRST, direction: 'DESC', keyOf: (i) => [i.createdAt.toISOString(), i.id] });
  }

  /** Whether the viewer sees who an incentive's person is: the recipient, and the office's officials and administrators. */
  async viewerSeesRecipient(ctx: RequestContext, i: IncentiveEntity): Promise<boolean> {
    const actor = await ctx.actor();
    if (!actor) return false;
    if (actor.userId === i.recipientUserId) return true;
    const { regionPath } = await this.office(ctx, i.budgetOrganizationId);
    return can(actor, 'budget.view', { organizationId: i.budgetOrganizationId, regionPath });
  }

  async viewerCanDecide(ctx: RequestContext, i: IncentiveEntity): Promise<boolean> {
    if (i.status !== 'PENDING_APPROVAL') return false;
    const { regionPath } = await this.office(ctx, i.budgetOrganizationId);
    return can(await ctx.actor(), 'budget.decide', { organizationId: i.budgetOrganizationId, regionPath, userId: i.issuedById });
  }

  /** Officials of an office (who hear of its budget's affairs), except one. */
  async officialsOf(ctx: RequestContext, organizationId: string): Promise<string[]> {
    const { regionPath } = await this.office(ctx, organizationId);
    return this.users.officialsOver(ctx, regionPath);
  }

  async many(ctx: RequestContext, ids: string[]): Promise<IncentiveEntity[]> {
    return this.incentives(ctx).find({ where: { id: In(ids) } });
  }
}
