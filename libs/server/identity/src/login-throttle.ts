import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '@civicgrid/platform';

const WINDOW_SECONDS = 15 * 60;
export const LOGIN_LIMITS = { failuresPerPhone: 5, failuresPerIp: 30, windowSeconds: WINDOW_SECONDS };

/**
 * Failed sign-ins are counted per phone and per IP address in PostgreSQL (so every
 * replica sees them); past the limit, sign-in is refused until the window passes.
 */
@Injectable()
export class LoginThrottle {
  private limiters?: { phone: RateLimiterPostgres; ip: RateLimiterPostgres };

  constructor(private readonly dataSource: DataSource) {}

  private get(): { phone: RateLimiterPostgres; ip: RateLimiterPostgres } {
    if (!this.limiters) {
      const pool = (this.dataSource.driver as unknown as { master: unknown }).master;
      const common = { storeClient: pool, storeType: 'pool', tableName: 'login_throttle', tableCreated: true, clearExpiredByTimeout: false, duration: WINDOW_SECONDS };
      this.limiters = {
        phone: new RateLimiterPostgres({ ...common, keyPrefix: 'phone', points: LOGIN_LIMITS.failuresPerPhone }),
        ip: new RateLimiterPostgres({ ...common, keyPrefix: 'ip', points: LOGIN_LIMITS.failuresPerIp }),
      };
    }
    return this.limiters;
  }

  /** Refuses before any password is checked when either counter is spent. */
  async assertAllowed(phone: string, ip: string): Promise<void> {
    const { phone: byPhone, ip: byIp } = this.get();
    const [p, i] = await Promise.all([byPhone.get(phone), byIp.get(ip)]);
    for (const [res, limit] of [
      [p, LOGIN_LIMITS.failuresPerPhone],
      [i, LOGIN_LIMITS.failuresPerIp],
    ] as const) {
      if (res && res.consumedPoints >= limit) throw this.limited(res);
    }
  }

  async recordFailure(phone: string, ip: string): Promise<void> {
    const { phone: byPhone, ip: byIp } = this.get();
    // consume() rejects with a RateLimiterRes once spent: that is the expected outcome here.
    await Promise.all([byPhone.consume(phone).catch(() => undefined), byIp.consume(ip).catch(() => undefined)]);
  }

  async recordSuccess(phone: string): Promise<void> {
    await this.get().phone.delete(phone);
  }

  private limited(res: RateLimiterRes): RateLimitedError {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return new RateLimitedError('auth.tooManyAttempts', `Too many failed sign-ins; try again in ${Math.ceil(seconds / 60)} minutes`, seconds);
  }
}
