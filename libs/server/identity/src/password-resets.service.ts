import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  AuditService,
  Clock,
  InvalidInputError,
  Limit,
  minutesFrom,
  RateLimiter,
  RequestContext,
  returning,
  SETTINGS,
  Settings,
  TransactionRunner,
} from '@civicgrid/platform';
import { checkPasswordRules, hashPassword } from './passwords';
import { maskPhone, normalizeMainlandMobile } from './phone';
import { SessionsService } from './sessions.service';
import { UserEntity } from './user.entity';

/** A code works this long after it is sent. */
export const RESET_CODE_TTL_MINUTES = 10;
/** Wrong codes allowed before the code stops working (the table's CHECK holds the same cap). */
export const RESET_CODE_MAX_ATTEMPTS = 5;

const tooManyCodes = (s: number) => `Too many codes asked for; try again in ${minutesFrom(s)} minutes`;

/** Codes asked for: per phone (so nobody floods a stranger with SMS) and per address. */
export const RESET_LIMITS = {
  phone: { name: 'reset.phone', points: 3, windowSeconds: 3600, errorKey: 'passwordReset.tooMany', message: tooManyCodes },
  ip: { name: 'reset.ip', points: 10, windowSeconds: 3600, errorKey: 'passwordReset.tooMany', message: tooManyCodes },
} satisfies Record<string, Limit>;

/** How a code reaches the person: called inside the transaction that stores the code. */
export type ResetCodeDelivery = (ctx: RequestContext, user: { id: string; phone: string }, code: string, codeId: string) => Promise<void>;

const invalidCode = () => new InvalidInputError('code', 'passwordReset.invalidCode', 'The code is wrong, used or expired; ask for a new one');

/**
 * Resetting a forgotten password with a 6-digit code sent by SMS. Asking for a code
 * answers alike whether or not the phone has an account; the asks are counted per phone
 * and per address in the database before anything else, so parallel asks cannot pass
 * the limit. A code is kept as a keyed hash, works for ten minutes of the app's clock,
 * survives five wrong tries and is used once, even by requests racing with it.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly limiter: RateLimiter,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  private hash(codeId: string, code: string): Buffer {
    return createHmac('sha256', this.settings.jwtSecret).update(`reset:${codeId}:${code}`).digest();
  }

  /** Sends a code when the phone has an account; the caller learns nothing either way. */
  async request(ctx: RequestContext, phoneInput: string, deliver: ResetCodeDelivery): Promise<void> {
    const phone = normalizeMainlandMobile(phoneInput);
    const [p, i] = await Promise.all([this.limiter.consume(ctx, RESET_LIMITS.phone, phone), this.limiter.consume(ctx, RESET_LIMITS.ip, ctx.ip)]);
    if (!p.allowed) throw this.limiter.error(RESET_LIMITS.phone, p.retryAfterSeconds);
    if (!i.allowed) throw this.limiter.error(RESET_LIMITS.ip, i.retryAfterSeconds);
    await this.tx.run(ctx, async (t) => {
      const user = await this.tx.manager(t).getRepository(UserEntity).findOneBy({ phone });
      if (!user) return;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const now = this.clock.now();
      const id = randomUUID();
      // The hash binds the code to its row, so one code's hash says nothing of another's.
      await this.tx
        .manager(t)
        .query(`INSERT INTO password_reset_code (id, user_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
          id,
          user.id,
          this.hash(id, code),
          now,
          new Date(now.getTime() + RESET_CODE_TTL_MINUTES * 60_000),
        ]);
      await deliver(t, { id: user.id, phone }, code, id);
      await this.audit.record(t, { action: 'password.resetRequested', subjectType: 'user', subjectId: user.id, detail: { phone: maskPhone(phone) } });
    });
  }

  /**
   * Sets a new password with the person's newest code; every session of theirs ends
   * (their refresh tokens stop working). A wrong code counts one try, kept even though
   * the request fails; the code is spent in the same transaction as the new password.
   */
  async reset(ctx: RequestContext, phoneInput: string, code: string, newPassword: string): Promise<boolean> {
    const phone = normalizeMainlandMobile(phoneInput);
    checkPasswordRules(newPassword, 'newPassword');
    if (!/^\d{6}$/.test(code ?? '')) throw new InvalidInputError('code', 'passwordReset.codeFormat', 'The code has 6 digits');
    const now = this.clock.now();
    // One try is spent before the code is compared: tries sent at once cannot outnumber the cap.
    const [attempt] = await returning<{ id: string; user_id: string; code_hash: Buffer }>(
      this.tx.manager(ctx),
      `UPDATE password_reset_code c SET attempts = c.attempts + 1
         FROM (SELECT r.id FROM password_reset_code r JOIN user_account u ON u.id = r.user_id
                WHERE u.phone = $1 ORDER BY r.created_at DESC, r.id DESC LIMIT 1) newest
        WHERE c.id = newest.id AND c.used_at IS NULL AND c.expires_at > $2 AND c.attempts < $3
        RETURNING c.id, c.user_id, c.code_hash`,
      [phone, now, RESET_CODE_MAX_ATTEMPTS],
    );
    if (!attempt || !timingSafeEqual(Buffer.from(attempt.code_hash), this.hash(attempt.id, code))) throw invalidCode();
    const passwordHash = await hashPassword(newPassword);
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const spent = await returning(em, `UPDATE password_reset_code SET used_at = $2 WHERE id = $1 AND used_at IS NULL RETURNING id`, [attempt.id, this.clock.now()]);
      if (!spent.length) throw invalidCode();
      await em.getRepository(UserEntity).update({ id: attempt.user_id }, { passwordHash });
      const ended = await this.sessions.endAllOf(t, attempt.user_id, 'PASSWORD_RESET');
      await this.audit.record(t, { action: 'password.reset', subjectType: 'user', subjectId: attempt.user_id, detail: { sessionsEnded: ended } });
      return true;
    });
  }
}
