import { randomInt, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { UsersService } from '@civicgrid/identity';
import { AlliancesService } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  can,
  Clock,
  ConflictError,
  DomainError,
  EventBus,
  InvalidInputError,
  JobsService,
  Limit,
  minutesFrom,
  NotFoundError,
  PageArgs,
  paginate,
  RateLimiter,
  KeysetColumn,
  checkPage,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { SelectQueryBuilder } from 'typeorm';
import { IdempotencyService } from '../ledger/idempotency.service';
import { LedgerService } from '../ledger/ledger.service';
import { CODE_ALPHABET, CODE_LENGTH, REDEMPTION_VALID_MINUTES, RedemptionEntity, RedemptionStatus } from './reward.entities';
import { RewardsService } from './rewards.service';

export const REDEMPTION_EXPIRE_JOB = 'incentives.redemptionExpire';
export const REDEMPTION_SWEEP_JOB = 'incentives.redemptionSweep';

/** Wrong codes at one merchant's counter: enough for typos, too few to guess a code. */
export const WRONG_CODE_LIMIT: Limit = {
  name: 'redemption.wrongCode',
  points: 10,
  windowSeconds: 10 * 60,
  errorKey: 'redemption.tooManyWrongCodes',
  message: (s) => `Too many wrong codes at this counter: try again in ${minutesFrom(s)} minutes`,
};

export interface RedemptionEventPayload {
  redemptionId: string;
  rewardId: string;
  merchantId: string;
  userId: string;
  points: number;
  status: RedemptionStatus;
}

/** A code as typed at a counter: any case, with spaces or dashes between groups. */
export function normaliseCode(raw: string): string {
  return (raw ?? '').toUpperCase().replace(/[\s-]+/g, '');
}

const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

type Outcome = { redemption: RedemptionEntity; error?: DomainError };

/**
 * Redemptions: a person's points held and a stock unit taken in one transaction, a code
 * shown at the counter, then one of three ends — confirmed by the merchant's staff (the
 * held points pass to the merchant), cancelled by the person, or expired (a job at the
 * expiry, and a sweep behind it). Each end locks the redemption's row first, so two ends
 * never both happen, and each moves the points by a ledger transfer keyed by the
 * redemption, which the ledger posts at most once.
 */
/** Redemptions newest first. */
const NEWEST_FIRST: KeysetColumn[] = [
  { expr: 'r.created_at', kind: 'timestamp' },
  { expr: 'r.id', kind: 'uuid' },
];

@Injectable()
export class RedemptionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly rewards: RewardsService,
    private readonly alliances: AlliancesService,
    private readonly users: UsersService,
    private readonly jobs: JobsService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  private redemptions(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(RedemptionEntity);
  }

  load(ctx: RequestContext, id: string): Promise<RedemptionEntity | null> {
    return this.redemptions(ctx).findOneBy({ id });
  }

  async redeem(ctx: RequestContext, input: { rewardId: string; idempotencyKey: string; onBehalfOfUserId?: string | null }): Promise<RedemptionEntity> {
    const actor = await ctx.requireActor();
    const userId = input.onBehalfOfUserId ?? actor.userId;
    authorize(actor, 'reward.redeem', { userId });
    if (input.onBehalfOfUserId) await this.users.require(ctx, input.onBehalfOfUserId, 'onBehalfOfUserId');
    const { idempotencyKey, ...rest } = input;
    const id = await this.idempotency.once(ctx, idempotencyKey, 'redeemReward', { rewardId: rest.rewardId, onBehalfOfUserId: rest.onBehalfOfUserId ?? null }, async (t) => {
      const reward = await this.rewards.require(t, input.rewardId);
      if (!(await this.alliances.isActiveMember(t, reward.allianceId, reward.merchantId))) {
        throw new ConflictError('reward.merchantNotActive', 'The merchant is no longer an active member of the alliance');
      }
      // Stock first, then the points: every redemption of a reward queues on its row in this order, and the ends take the same order.
      const taken = await this.rewards.takeOne(t, reward.id);
      const redemptionId = randomUUID();
      const hold = await this.ledger.transfer(t, {
        kind: 'REDEMPTION_HOLD',
        currency: 'POINTS',
        from: { user: userId },
        to: { system: 'REDEMPTION_HOLDS' },
        amount: taken.pointsCost,
        memo: taken.title,
        ref: { type: 'redemption', id: redemptionId },
      });
      const now = this.clock.now();
      const expiresAt = new Date(now.getTime() + REDEMPTION_VALID_MINUTES * 60_000);
      const em = this.tx.manager(t);
      // A code is unique among HELD ones; a clash (one in ~10^11) draws again.
      for (let attempt = 0; ; attempt++) {
        const inserted: unknown[] = await em.query(
          `INSERT INTO redemption (id, reward_id, merchant_id, user_id, redeemed_by_id, points, code, status, expires_at, hold_transfer_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, 'HELD', $8, $9, $10)
           ON CONFLICT (code) WHERE status = 'HELD' DO NOTHING RETURNING 1`,
          [redemptionId, taken.id, taken.merchantId, userId, actor.userId, taken.pointsCost, newCode(), expiresAt, hold.transferId, now],
        );
        if (inserted.length) break;
        if (attempt >= 5) throw new Error('could not draw a free redemption code');
      }
      await this.jobs.send(t, REDEMPTION_EXPIRE_JOB, { redemptionId }, { startAfter: expiresAt });
      await this.audit.record(t, { action: 'redemption.hold', subjectType: 'redemption', subjectId: redemptionId, detail: { rewardId: taken.id, userId, redeemedById: actor.userId, points: taken.pointsCost } });
      return redemptionId;
    });
    return (await this.load(ctx, id))!;
  }

  /** The person (or their proxy) gives the code back while it is HELD: points and stock return. */
  async cancel(ctx: RequestContext, id: string): Promise<RedemptionEntity> {
    const actor = await ctx.requireActor();
    const out = await this.tx.run(ctx, async (t): Promise<Outcome> => {
      const r = await this.lock(t, id);
      if (!r) throw new NotFoundError('Redemption', 'id');
      authorize(actor, 'reward.redeem', { userId: r.userId });
      const ended = this.ended(r);
      if (ended) return { redemption: r, error: ended };
      if (this.pastExpiry(r)) return { redemption: await this.release(t, r, 'EXPIRED'), error: this.ended({ status: 'EXPIRED' }) };
      return { redemption: await this.release(t, r, 'CANCELLED') };
    });
    if (out.error) throw out.error;
    return out.redemption;
  }

  /**
   * The merchant's staff confirm a code at the counter. Only wrong codes count against the
   * merchant's limit, and parallel guesses cannot slip under it: the guesses at one
   * counter are looked up one at a time (a lock per merchant), each counted first and
   * given back when the code was the merchant's own. Once the limit is spent every code
   * is refused, right or wrong, so the refusal tells a guesser nothing.
   */
  async confirm(ctx: RequestContext, input: { organizationId: string; code: string }): Promise<RedemptionEntity> {
    const actor = await ctx.requireActor();
    authorize(actor, 'redemption.confirm', { organizationId: input.organizationId });
    const code = normaliseCode(input.code);
    const look = await this.tx.run(ctx, async (t) => {
      await this.tx.manager(t).query('SELECT pg_advisory_xact_lock(hashtext($1))', [`redemption.counter:${input.organizationId}`]);
      const counted = await this.limiter.consume(t, WRONG_CODE_LIMIT, input.organizationId);
      if (!counted.allowed) return { retryAfterSeconds: counted.retryAfterSeconds, found: null };
      const found = CODE_PATTERN.test(code) ? await this.byCode(t, code) : null;
      if (found?.merchantId === input.organizationId) await this.limiter.refund(t, WRONG_CODE_LIMIT, input.organizationId);
      return { retryAfterSeconds: 0, found };
    });
    if (look.retryAfterSeconds) throw this.limiter.error(WRONG_CODE_LIMIT, look.retryAfterSeconds);
    const found = look.found;
    if (!found) throw new InvalidInputError('code', 'redemption.codeUnknown', 'No redemption has this code: check it with the customer');
    if (found.merchantId !== input.organizationId) throw new InvalidInputError('code', 'redemption.otherMerchant', 'This code is for a reward of another merchant');
    const out = await this.tx.run(ctx, async (t): Promise<Outcome> => {
      const r = (await this.lock(t, found.id))!;
      const ended = this.ended(r);
      if (ended) return { redemption: r, error: ended };
      // The clock decides, not the job: a code past its time is released here and then.
      if (this.pastExpiry(r)) return { redemption: await this.release(t, r, 'EXPIRED'), error: this.ended({ status: 'EXPIRED' }) };
      const settled = await this.ledger.transfer(t, {
        kind: 'REDEMPTION_SETTLED',
        currency: 'POINTS',
        from: { system: 'REDEMPTION_HOLDS' },
        to: { organization: r.merchantId },
        amount: r.points,
        memo: (await this.rewards.require(t, r.rewardId)).title,
        ref: { type: 'redemption', id: r.id },
      });
      r.status = 'CONFIRMED';
      r.settledTransferId = settled.transferId;
      r.confirmedAt = this.clock.now();
      r.confirmedById = actor.userId;
      const saved = await this.redemptions(t).save(r);
      await this.audit.record(t, { action: 'redemption.confirm', subjectType: 'redemption', subjectId: r.id, detail: { merchantId: r.merchantId, rewardId: r.rewardId, points: r.points, userId: r.userId } });
      await this.publish(t, 'redemption.confirmed', saved);
      return { redemption: saved };
    });
    if (out.error) throw out.error;
    return out.redemption;
  }

  /** The expiry job: ends a HELD code whose time has passed; anything else (already ended, not yet due) is left alone. */
  async expire(ctx: RequestContext, id: string): Promise<boolean> {
    return this.tx.run(ctx, async (t) => {
      const r = await this.lock(t, id);
      if (!r || r.status !== 'HELD' || !this.pastExpiry(r)) return false;
      await this.release(t, r, 'EXPIRED');
      return true;
    });
  }

  /** The backstop behind the expiry jobs: every HELD code past its time (a job lost, a queue restored). */
  async sweep(ctx: RequestContext): Promise<number> {
    const due: { id: string }[] = await this.tx
      .manager(ctx)
      .query(`SELECT id FROM redemption WHERE status = 'HELD' AND expires_at <= $1 ORDER BY expires_at LIMIT 500`, [this.clock.now()]);
    let n = 0;
    for (const { id } of due) if (await this.expire(ctx, id)) n++;
    return n;
  }

  /** The person's redemptions, and those they made as a proxy, newest first. */
  async mine(ctx: RequestContext, page: PageArgs) {
    const actor = await ctx.requireActor();
    const qb = this.redemptions(ctx).createQueryBuilder('r').where('(r.user_id = :me OR r.redeemed_by_id = :me)', { me: actor.userId });
    return this.page(qb, page);
  }

  async ofMerchant(ctx: RequestContext, organizationId: string, page: PageArgs) {
    checkPage(page, NEWEST_FIRST);
    authorize(await ctx.requireActor(), 'reward.manage', { organizationId });
    const qb = this.redemptions(ctx).createQueryBuilder('r').where('r.merchant_id = :organizationId', { organizationId });
    return this.page(qb, page);
  }

  /** The code, for the person and their proxy only: anyone else holding it could spend it. */
  async codeFor(ctx: RequestContext, r: RedemptionEntity): Promise<string | null> {
    const actor = await ctx.actor();
    return actor && (actor.userId === r.redeemedById || can(actor, 'reward.redeem', { userId: r.userId })) ? r.code : null;
  }

  private page(qb: SelectQueryBuilder<RedemptionEntity>, page: PageArgs) {
    return paginate(qb, page, {
      columns: NEWEST_FIRST,
      direction: 'DESC',
      keyOf: (r) => [r.createdAt.toISOString(), r.id],
    });
  }

  /** A HELD redemption with this code, else the latest that had it (to say why it no longer works). */
  private async byCode(ctx: RequestContext, code: string): Promise<{ id: string; merchantId: string } | null> {
    const [row]: { id: string; merchant_id: string }[] = await this.tx
      .manager(ctx)
      .query(`SELECT id, merchant_id FROM redemption WHERE code = $1 ORDER BY (status = 'HELD') DESC, created_at DESC LIMIT 1`, [code]);
    return row ? { id: row.id, merchantId: row.merchant_id } : null;
  }

  private lock(t: RequestContext, id: string): Promise<RedemptionEntity | null> {
    return this.redemptions(t).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private pastExpiry(r: RedemptionEntity): boolean {
    return r.expiresAt.getTime() <= this.clock.nowMs();
  }

  /** Why an ended redemption cannot be confirmed or cancelled; undefined while HELD. */
  private ended(r: { status: RedemptionStatus }): DomainError | undefined {
    if (r.status === 'CONFIRMED') return new ConflictError('redemption.alreadyConfirmed', 'This code has already been confirmed');
    if (r.status === 'CANCELLED') return new ConflictError('redemption.cancelled', 'This code was cancelled');
    if (r.status === 'EXPIRED') return new ConflictError('redemption.expired', 'This code has expired: the points went back to the person');
    return undefined;
  }

  /** Stock back, then the held points back (the order redemptions take them in), and the end recorded. */
  private async release(t: RequestContext, r: RedemptionEntity, status: 'CANCELLED' | 'EXPIRED'): Promise<RedemptionEntity> {
    await this.rewards.giveBack(t, r.rewardId);
    const released = await this.ledger.transfer(t, {
      kind: 'REDEMPTION_RELEASED',
      currency: 'POINTS',
      from: { system: 'REDEMPTION_HOLDS' },
      to: { user: r.userId },
      amount: r.points,
      memo: (await this.rewards.require(t, r.rewardId)).title,
      ref: { type: 'redemption', id: r.id },
    });
    r.status = status;
    r.releasedTransferId = released.transferId;
    r.endedAt = this.clock.now();
    const saved = await this.redemptions(t).save(r);
    if (status === 'CANCELLED') await this.audit.record(t, { action: 'redemption.cancel', subjectType: 'redemption', subjectId: r.id, detail: { points: r.points } });
    await this.publish(t, status === 'EXPIRED' ? 'redemption.expired' : 'redemption.cancelled', saved);
    return saved;
  }

  private publish(t: RequestContext, type: string, r: RedemptionEntity) {
    return this.events.publish<RedemptionEventPayload>(t, {
      type,
      aggregateType: 'redemption',
      aggregateId: r.id,
      payload: { redemptionId: r.id, rewardId: r.rewardId, merchantId: r.merchantId, userId: r.userId, points: r.points, status: r.status },
    });
  }
}
