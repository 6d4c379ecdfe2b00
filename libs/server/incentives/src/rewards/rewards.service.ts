import { Injectable } from '@nestjs/common';
import { GeoService } from '@civicgrid/geo';
import { AlliancesService, OrganizationsService } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  can,
  Clock,
  ConflictError,
  InvalidInputError,
  loadById,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { In } from 'typeorm';
import { RewardEntity, RewardStatus } from './reward.entities';

export interface NewReward {
  organizationId: string;
  allianceId: string;
  title: string;
  description?: string | null;
  pointsCost: number;
  stock: number;
  validUntil?: Date | null;
}

export interface RewardChanges {
  rewardId: string;
  title?: string | null;
  description?: string | null;
  pointsCost?: number | null;
  stock?: number | null;
  validUntil?: Date | null;
}

export interface RewardFilterData {
  regionId?: string | null;
  allianceId?: string | null;
  merchantId?: string | null;
  maxPointsCost?: number | null;
}

/** Where a reward stands at an instant: an expiry outlasts a pause, a pause outlasts an empty stock. */
export function rewardStatus(r: RewardEntity, now: Date): RewardStatus {
  if (r.validUntil && r.validUntil.getTime() <= now.getTime()) return 'EXPIRED';
  if (r.paused) return 'PAUSED';
  if (r.stock <= 0) return 'SOLD_OUT';
  return 'ACTIVE';
}

/**
 * Rewards offered by alliance merchants. A merchant offers them in an alliance it is an
 * ACTIVE member of; its administrators change and pause them. The catalogue shows what
 * can be redeemed now; the merchant's administrators see every status of their own.
 */
@Injectable()
export class RewardsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly alliances: AlliancesService,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
  ) {}

  private rewards(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(RewardEntity);
  }

  load(ctx: RequestContext, id: string): Promise<RewardEntity | null> {
    return loadById(ctx, 'reward.byId', id, (ids) => this.rewards(ctx).find({ where: { id: In(ids) } }));
  }

  async require(ctx: RequestContext, id: string, field = 'rewardId'): Promise<RewardEntity> {
    const r = await this.rewards(ctx).findOneBy({ id });
    if (!r) throw new NotFoundError('Reward', field);
    return r;
  }

  status(r: RewardEntity): RewardStatus {
    return rewardStatus(r, this.clock.now());
  }

  async viewerCanManage(ctx: RequestContext, r: RewardEntity): Promise<boolean> {
    return can(await ctx.actor(), 'reward.manage', { organizationId: r.merchantId });
  }

  private title(raw: string): string {
    const title = raw.trim();
    if (!title) throw new InvalidInputError('title', 'validation.isNotEmpty', 'title must not be blank');
    return title;
  }

  private validUntil(at: Date | null | undefined): Date | null {
    if (!at) return null;
    if (at.getTime() <= this.clock.nowMs()) throw new InvalidInputError('validUntil', 'reward.validUntilPast', 'validUntil must be in the future');
    return at;
  }

  async create(ctx: RequestContext, input: NewReward): Promise<RewardEntity> {
    const actor = await ctx.requireActor();
    const merchant = await this.organizations.require(ctx, input.organizationId, 'organizationId');
    authorize(actor, 'reward.manage', { organizationId: merchant.id });
    if (merchant.kind !== 'MERCHANT') throw new InvalidInputError('organizationId', 'reward.notMerchant', 'Rewards are offered by merchants');
    const alliance = await this.alliances.load(ctx, input.allianceId);
    if (!alliance) throw new NotFoundError('Alliance', 'allianceId');
    if (!(await this.alliances.isActiveMember(ctx, alliance.id, merchant.id))) {
      throw new InvalidInputError('allianceId', 'reward.notActiveMember', 'The merchant must be an active member of the alliance to offer rewards in it');
    }
    const title = this.title(input.title);
    const validUntil = this.validUntil(input.validUntil);
    return this.tx.run(ctx, async (t) => {
      const now = this.clock.now();
      const saved = await this.rewards(t).save(
        this.rewards(t).create({
          merchantId: merchant.id,
          allianceId: alliance.id,
          regionPath: alliance.regionPath,
          title,
          description: input.description?.trim() || null,
          pointsCost: input.pointsCost,
          stock: input.stock,
          validUntil,
          paused: false,
          createdById: actor.userId,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(t, { action: 'reward.create', subjectType: 'reward', subjectId: saved.id, detail: { merchantId: merchant.id, allianceId: alliance.id, pointsCost: saved.pointsCost, stock: saved.stock } });
      return saved;
    });
  }

  async update(ctx: RequestContext, input: RewardChanges): Promise<RewardEntity> {
    const actor = await ctx.requireActor();
    const title = input.title != null ? this.title(input.title) : undefined;
    const validUntil = input.validUntil != null ? this.validUntil(input.validUntil) : undefined;
    return this.tx.run(ctx, async (t) => {
      const r = await this.rewards(t).findOne({ where: { id: input.rewardId }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw new NotFoundError('Reward', 'rewardId');
      authorize(actor, 'reward.manage', { organizationId: r.merchantId });
      const before = { title: r.title, pointsCost: r.pointsCost, stock: r.stock, validUntil: r.validUntil };
      if (title !== undefined) r.title = title;
      if (input.description !== undefined && input.description !== null) r.description = input.description.trim() || null;
      if (input.pointsCost != null) r.pointsCost = input.pointsCost;
      if (input.stock != null) r.stock = input.stock;
      if (validUntil !== undefined) r.validUntil = validUntil;
      r.updatedAt = this.clock.now();
      const saved = await this.rewards(t).save(r);
      await this.audit.record(t, { action: 'reward.update', subjectType: 'reward', subjectId: r.id, detail: { before, after: { title: r.title, pointsCost: r.pointsCost, stock: r.stock, validUntil: r.validUntil } } });
      return saved;
    });
  }

  async setPaused(ctx: RequestContext, rewardId: string, paused: boolean): Promise<RewardEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const r = await this.rewards(t).findOne({ where: { id: rewardId }, lock: { mode: 'pessimistic_write' } });
      if (!r) throw new NotFoundError('Reward', 'rewardId');
      authorize(actor, 'reward.manage', { organizationId: r.merchantId });
      if (r.paused === paused) return r;
      r.paused = paused;
      r.updatedAt = this.clock.now();
      const saved = await this.rewards(t).save(r);
      await this.audit.record(t, { action: paused ? 'reward.pause' : 'reward.resume', subjectType: 'reward', subjectId: r.id });
      return saved;
    });
  }

  /**
   * The catalogue, newest first: rewards redeemable now, for anyone; with a merchant the
   * viewer administers, every one of its rewards whatever the status.
   */
  async list(ctx: RequestContext, filter: RewardFilterData | null | undefined, page: PageArgs) {
    const f = filter ?? {};
    const qb = this.rewards(ctx).createQueryBuilder('r');
    const everyStatus = !!f.merchantId && can(await ctx.actor(), 'reward.manage', { organizationId: f.merchantId });
    if (!everyStatus) {
      qb.where('NOT r.paused AND r.stock > 0 AND (r.valid_until IS NULL OR r.valid_until > :now)', { now: this.clock.now() });
      // A merchant suspended from (or gone from) the alliance offers nothing in it.
      const members = await this.alliances.activeMemberships(ctx, f.allianceId);
      qb.andWhere(`(r.alliance_id::text || ':' || r.merchant_id::text) IN (:...members)`, { members: members.length ? members.map((m) => `${m.allianceId}:${m.organizationId}`) : [''] });
    }
    if (f.merchantId) qb.andWhere('r.merchant_id = :merchantId', { merchantId: f.merchantId });
    if (f.allianceId) qb.andWhere('r.alliance_id = :allianceId', { allianceId: f.allianceId });
    if (f.maxPointsCost != null) qb.andWhere('r.points_cost <= :max', { max: f.maxPointsCost });
    if (f.regionId) {
      const region = await this.geo.require(ctx, f.regionId, 'regionId');
      // Alliances of the region's subtree, and those whose area holds the region (a street's alliance for a grid).
      qb.andWhere(`(r.region_path = :p OR r.region_path LIKE :pp OR :p LIKE r.region_path || '/%')`, { p: region.path, pp: `${region.path}/%` });
    }
    return paginate(qb, page, {
      columns: [
        { expr: 'r.created_at', kind: 'timestamp' },
        { expr: 'r.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (r) => [r.createdAt.toISOString(), r.id],
    });
  }

  /**
   * Takes one unit of stock, in the caller's transaction: a guarded UPDATE, so concurrent
   * redemptions queue on the row and none takes a unit that is not there. Says why not.
   */
  async takeOne(t: RequestContext, rewardId: string): Promise<RewardEntity> {
    const now = this.clock.now();
    const taken: RewardEntity[] = await this.rewards(t)
      .createQueryBuilder()
      .update()
      .set({ stock: () => 'stock - 1' })
      .where('id = :id AND stock > 0 AND NOT paused AND (valid_until IS NULL OR valid_until > :now)', { id: rewardId, now })
      .returning('*')
      .execute()
      .then((res) => res.raw);
    if (taken.length) return (await this.rewards(t).findOneByOrFail({ id: rewardId }))!;
    const r = await this.rewards(t).findOneBy({ id: rewardId });
    if (!r) throw new NotFoundError('Reward', 'rewardId');
    const status = rewardStatus(r, now);
    if (status === 'EXPIRED') throw new ConflictError('reward.expired', 'This reward is no longer valid');
    if (status === 'PAUSED') throw new ConflictError('reward.paused', 'The merchant has paused this reward');
    throw new ConflictError('reward.soldOut', 'This reward is sold out');
  }

  /** Puts a unit back (a code cancelled or expired), in the caller's transaction. */
  async giveBack(t: RequestContext, rewardId: string): Promise<void> {
    await this.rewards(t).increment({ id: rewardId }, 'stock', 1);
  }

  many(ctx: RequestContext, ids: string[]): Promise<RewardEntity[]> {
    return ids.length ? this.rewards(ctx).find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }
}
