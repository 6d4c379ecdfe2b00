import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { SETTINGS, Settings } from '../config/settings';
import { RequestContext } from '../context/request-context';
import { TransactionRunner } from '../database/transactions';
import { RateLimitedError } from '../errors/domain-errors';

/** A limit: at most `points` in a window of `windowSeconds`, counted per key. */
export interface Limit {
  /** names the counter; keys are stored as `name:hash(key)` */
  name: string;
  points: number;
  windowSeconds: number;
  /** the error's translatable key and message when the limit is spent */
  errorKey: string;
  message: (retryAfterSeconds: number) => string;
}

export interface Consumed {
  /** points used in the window, this one included */
  used: number;
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counters in PostgreSQL, shared by every replica. `consume` counts and
 * decides in one atomic upsert, so requests sent in parallel cannot all slip under a
 * limit: the attempt is spent before the work it guards (a password check, a code
 * check) runs. Windows follow the app's Clock, so tests move time instead of sleeping.
 * (rate-limiter-flexible, which this replaced, reads Date.now().) Keys are phones and
 * addresses: they are stored only as keyed hashes.
 *
 * Every call takes the request context and runs in its transaction when one is open:
 * a transaction that waited for a second pool connection could starve the pool under
 * load. Inside a transaction the count commits or rolls back with the work.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  private key(limit: Limit, key: string): string {
    return `${limit.name}:${createHmac('sha256', this.settings.jwtSecret).update(key).digest('base64url').slice(0, 32)}`;
  }

  async consume(ctx: RequestContext, limit: Limit, key: string, points = 1): Promise<Consumed> {
    const now = this.clock.now();
    const expires = new Date(now.getTime() + limit.windowSeconds * 1000);
    const [row]: { points: number; expires_at: Date }[] = await this.tx.manager(ctx).query(
      `INSERT INTO rate_limit AS r (key, points, expires_at) VALUES ($1, $2, $4)
       ON CONFLICT (key) DO UPDATE SET
         points = CASE WHEN r.expires_at <= $3 THEN EXCLUDED.points ELSE r.points + EXCLUDED.points END,
         expires_at = CASE WHEN r.expires_at <= $3 THEN EXCLUDED.expires_at ELSE r.expires_at END
       RETURNING points, expires_at`,
      [this.key(limit, key), points, now, expires],
    );
    const retryAfterSeconds = Math.max(1, Math.ceil((new Date(row.expires_at).getTime() - now.getTime()) / 1000));
    return { used: row.points, allowed: row.points <= limit.points, retryAfterSeconds };
  }

  /** Consumes and throws RATE_LIMITED when the limit is spent. */
  async take(ctx: RequestContext, limit: Limit, key: string): Promise<void> {
    const r = await this.consume(ctx, limit, key);
    if (!r.allowed) throw this.error(limit, r.retryAfterSeconds);
  }

  /** Gives points back (a success that should not count), never below zero. */
  async refund(ctx: RequestContext, limit: Limit, key: string, points = 1): Promise<void> {
    await this.tx.manager(ctx).query(`UPDATE rate_limit SET points = GREATEST(points - $2, 0) WHERE key = $1`, [this.key(limit, key), points]);
  }

  async reset(ctx: RequestContext, limit: Limit, key: string): Promise<void> {
    await this.tx.manager(ctx).query(`DELETE FROM rate_limit WHERE key = $1`, [this.key(limit, key)]);
  }

  error(limit: Limit, retryAfterSeconds: number): RateLimitedError {
    return new RateLimitedError(limit.errorKey, limit.message(retryAfterSeconds), retryAfterSeconds);
  }
}

/** "in N minutes", rounded up, for messages. */
export function minutesFrom(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
