import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, Limit, minutesFrom, RateLimiter, RequestContext, SETTINGS, Settings, TransactionRunner } from '@civicgrid/platform';

const FIFTEEN_MINUTES = 15 * 60;
const HOUR = 3600;

const tooManySignIns = (s: number) => `Too many failed sign-ins; try again in ${minutesFrom(s)} minutes`;

/**
 * The limits on signing in and signing up (README, "Sign-in and sign-up limits").
 * Failures are counted before the password is checked, so guesses sent in parallel
 * cannot all be checked.
 */
export const SIGN_IN_LIMITS = {
  /** wrong passwords for one phone from devices and addresses it never signed in from */
  phone: { name: 'login.phone', points: 5, windowSeconds: FIFTEEN_MINUTES, errorKey: 'auth.tooManyAttempts', message: tooManySignIns },
  /** wrong passwords for one phone from one device or address it signed in from before */
  phoneKnownSource: { name: 'login.phone.known', points: 5, windowSeconds: FIFTEEN_MINUTES, errorKey: 'auth.tooManyAttempts', message: tooManySignIns },
  /** wrong passwords from one address, whatever the phone */
  ip: { name: 'login.ip', points: 30, windowSeconds: FIFTEEN_MINUTES, errorKey: 'auth.tooManyAttempts', message: tooManySignIns },
  /** accounts created from one address */
  registerIp: {
    name: 'register.ip',
    points: 20,
    windowSeconds: HOUR,
    errorKey: 'register.tooMany',
    message: (s) => `Too many sign-ups from this network; try again in ${minutesFrom(s)} minutes`,
  },
  /** accounts created for numbers in one block of 10,000 (the first seven digits) */
  registerPrefix: {
    name: 'register.prefix',
    points: 30,
    windowSeconds: HOUR,
    errorKey: 'register.tooMany',
    message: (s) => `Too many sign-ups for similar numbers; try again in ${minutesFrom(s)} minutes`,
  },
  /** password checks when changing the password, per person */
  changePassword: { name: 'password.change', points: 5, windowSeconds: FIFTEEN_MINUTES, errorKey: 'auth.tooManyAttempts', message: tooManySignIns },
} satisfies Record<string, Limit>;

/** Where a sign-in attempt comes from, as far as counting failures goes. */
export interface SignInSource {
  /** a device or address this person signed in from before: its own counter */
  knownKey?: string;
}

/**
 * Guards sign-in: per-phone and per-address failure limits, spent before the password
 * check. A device (its device token) or address that has signed in to an account
 * before keeps its own counter, so a stranger's wrong guesses cannot lock the owner out
 * of the phone they always use.
 */
@Injectable()
export class SignInGuard {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Device tokens and addresses are kept as keyed hashes only. */
  private hash(kind: 'DEVICE' | 'ADDRESS', value: string): Buffer {
    return createHmac('sha256', this.settings.jwtSecret).update(`${kind}:${value}`).digest();
  }

  /** The device or address of this request, if this person signed in from it before. */
  async knownSource(ctx: RequestContext, userId: string | undefined, deviceToken: string | null | undefined): Promise<SignInSource> {
    if (!userId) return {};
    const candidates: ['DEVICE' | 'ADDRESS', Buffer][] = [['ADDRESS', this.hash('ADDRESS', ctx.ip)]];
    if (deviceToken) candidates.unshift(['DEVICE', this.hash('DEVICE', deviceToken)]);
    const rows: { kind: string; value_hash: Buffer }[] = await this.tx
      .manager(ctx)
      .query(`SELECT kind, value_hash FROM trusted_sign_in WHERE user_id = $1 AND (kind, value_hash) IN (${candidates.map((_, i) => `($${2 * i + 2}, $${2 * i + 3})`).join(', ')})`, [
        userId,
        ...candidates.flat(),
      ]);
    // A device outranks an address: several people may share one network.
    const found = candidates.find(([kind, h]) => rows.some((r) => r.kind === kind && Buffer.compare(r.value_hash, h) === 0));
    return found ? { knownKey: `${found[0]}:${found[1].toString('base64url')}` } : {};
  }

  /** Spends one attempt on every counter that applies; RATE_LIMITED when any is spent. */
  async spendAttempt(ctx: RequestContext, phone: string, source: SignInSource): Promise<void> {
    const byPhone = source.knownKey ? this.limiter.consume(ctx, SIGN_IN_LIMITS.phoneKnownSource, `${phone}|${source.knownKey}`) : this.limiter.consume(ctx, SIGN_IN_LIMITS.phone, phone);
    const [p, i] = await Promise.all([byPhone, this.limiter.consume(ctx, SIGN_IN_LIMITS.ip, ctx.ip)]);
    if (!p.allowed) throw this.limiter.error(SIGN_IN_LIMITS.phone, p.retryAfterSeconds);
    if (!i.allowed) throw this.limiter.error(SIGN_IN_LIMITS.ip, i.retryAfterSeconds);
  }

  /**
   * A sign-in succeeded: it does not count as a failure, and this device and address
   * are remembered. Returns a new device token when the request brought no valid one.
   */
  async succeeded(ctx: RequestContext, userId: string, phone: string, source: SignInSource, deviceToken: string | null | undefined): Promise<string | undefined> {
    await Promise.all([
      source.knownKey ? this.limiter.reset(ctx, SIGN_IN_LIMITS.phoneKnownSource, `${phone}|${source.knownKey}`) : this.limiter.reset(ctx, SIGN_IN_LIMITS.phone, phone),
      this.limiter.refund(ctx, SIGN_IN_LIMITS.ip, ctx.ip),
    ]);
    return this.trust(ctx, userId, source.knownKey?.startsWith('DEVICE:') ? deviceToken : null);
  }

  /** Remembers this address and device for the person; a new device token when `deviceToken` is not already theirs. */
  async trust(ctx: RequestContext, userId: string, deviceToken: string | null | undefined): Promise<string | undefined> {
    const token = deviceToken ? undefined : randomBytes(32).toString('base64url');
    await this.remember(ctx, userId, 'ADDRESS', ctx.ip);
    await this.remember(ctx, userId, 'DEVICE', deviceToken ?? token!);
    return token;
  }

  private async remember(ctx: RequestContext, userId: string, kind: 'DEVICE' | 'ADDRESS', value: string): Promise<void> {
    await this.tx
      .manager(ctx)
      .query(
        `INSERT INTO trusted_sign_in (user_id, kind, value_hash, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)
         ON CONFLICT (user_id, kind, value_hash) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at`,
        [userId, kind, this.hash(kind, value), this.clock.now()],
      );
  }

  /** Sign-ups: per address and per block of numbers, spent before the account is made. */
  async spendRegistration(ctx: RequestContext, phone: string): Promise<void> {
    const [i, p] = await Promise.all([this.limiter.consume(ctx, SIGN_IN_LIMITS.registerIp, ctx.ip), this.limiter.consume(ctx, SIGN_IN_LIMITS.registerPrefix, phone.slice(0, 7))]);
    if (!i.allowed) throw this.limiter.error(SIGN_IN_LIMITS.registerIp, i.retryAfterSeconds);
    if (!p.allowed) throw this.limiter.error(SIGN_IN_LIMITS.registerPrefix, p.retryAfterSeconds);
  }

  /** Password checks while signed in (changing the password), per person. */
  spendPasswordCheck(ctx: RequestContext, userId: string): Promise<void> {
    return this.limiter.take(ctx, SIGN_IN_LIMITS.changePassword, userId);
  }
}
