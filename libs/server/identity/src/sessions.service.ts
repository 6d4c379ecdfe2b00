import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService, Clock, JobsService, RequestContext, returning, SETTINGS, Settings, TokenService, TransactionRunner, UnauthenticatedError } from '@civicgrid/platform';

export type SessionEndReason = 'LOGOUT' | 'LOGOUT_EVERYWHERE' | 'PASSWORD_CHANGED' | 'PASSWORD_RESET' | 'REFRESH_REUSED';

/** What a client keeps after signing in. */
export interface SessionTokens {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  sessionId: string;
}

export const SESSION_PURGE_JOB = 'identity.purgeSessions';

const hashOf = (token: string) => createHash('sha256').update(token).digest();

/**
 * Sessions: one per sign-in. An access token lives minutes and names its session, which
 * every request checks; a refresh token renews it and is used once (rotation). Using a
 * refresh token a second time means someone else holds a copy, so the session ends for
 * both. Signing out ends one session; changing the password ends all the others.
 */
@Injectable()
export class SessionsService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: SESSION_PURGE_JOB, cron: '41 * * * *', retryLimit: 1, handle: (ctx) => this.purgeEnded(ctx) });
  }

  /**
   * Forgets sessions that ended or expired over a week ago, with their refresh tokens (a
   * refresh every few minutes leaves one row each). Reuse detection needs them only while
   * the session lives.
   */
  async purgeEnded(ctx: RequestContext): Promise<void> {
    await this.tx.manager(ctx).query(`DELETE FROM auth_session WHERE expires_at < $1::timestamptz - interval '7 days' OR revoked_at < $1::timestamptz - interval '7 days'`, [this.clock.now()]);
  }

  private expiry(from: Date): Date {
    return new Date(from.getTime() + this.settings.refreshTtlSeconds * 1000);
  }

  private issue(userId: string, sessionId: string, refreshToken: string): SessionTokens {
    const accessToken = this.tokens.sign({ userId, sessionId });
    return { accessToken, accessTokenExpiresAt: this.tokens.expiresAt(accessToken), refreshToken, sessionId };
  }

  /** A new session for someone who has just proved who they are. */
  async start(ctx: RequestContext, userId: string): Promise<SessionTokens> {
    const now = this.clock.now();
    const refreshToken = randomBytes(32).toString('base64url');
    const sessionId = await this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const [s]: { id: string }[] = await em.query(
        `INSERT INTO auth_session (user_id, created_at, last_refreshed_at, expires_at, user_agent) VALUES ($1, $2, $2, $3, $4) RETURNING id`,
        [userId, now, this.expiry(now), ctx.userAgent ?? null],
      );
      await em.query(`INSERT INTO refresh_token (session_id, token_hash, created_at) VALUES ($1, $2, $3)`, [s.id, hashOf(refreshToken), now]);
      return s.id;
    });
    ctx.signedInAs(userId, sessionId);
    return this.issue(userId, sessionId, refreshToken);
  }

  /**
   * Trades a refresh token for a new pair. The row locks serialise two uses of one
   * token: the second finds it used, and the session ends (committed before the error
   * goes back, so the thief's copy dies too).
   */
  async refresh(ctx: RequestContext, refreshToken: string): Promise<SessionTokens & { userId: string }> {
    const now = this.clock.now();
    const next = randomBytes(32).toString('base64url');
    const outcome = await this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const [row]: { token_id: string; used_at: Date | null; session_id: string; user_id: string; revoked_at: Date | null; expires_at: Date }[] = await em.query(
        `SELECT r.id AS token_id, r.used_at, s.id AS session_id, s.user_id, s.revoked_at, s.expires_at
           FROM refresh_token r JOIN auth_session s ON s.id = r.session_id
          WHERE r.token_hash = $1 FOR UPDATE OF r, s`,
        [hashOf(refreshToken)],
      );
      if (!row) return { error: 'auth.refreshInvalid' } as const;
      if (row.revoked_at || new Date(row.expires_at) <= now) return { error: 'auth.sessionEnded' } as const;
      if (row.used_at) {
        await this.end(t, row.session_id, 'REFRESH_REUSED');
        await this.audit.record(t, { action: 'session.refreshReused', subjectType: 'user', subjectId: row.user_id, detail: { sessionId: row.session_id } });
        return { error: 'auth.refreshReused' } as const;
      }
      await em.query(`UPDATE refresh_token SET used_at = $2 WHERE id = $1`, [row.token_id, now]);
      await em.query(`INSERT INTO refresh_token (session_id, token_hash, created_at) VALUES ($1, $2, $3)`, [row.session_id, hashOf(next), now]);
      await em.query(`UPDATE auth_session SET last_refreshed_at = $2, expires_at = $3 WHERE id = $1`, [row.session_id, now, this.expiry(now)]);
      return { userId: row.user_id, sessionId: row.session_id };
    });
    if ('error' in outcome) throw new UnauthenticatedError(outcome.error, 'Your sign-in has ended; sign in again');
    ctx.signedInAs(outcome.userId, outcome.sessionId);
    return { ...this.issue(outcome.userId, outcome.sessionId, next), userId: outcome.userId };
  }

  /** Ends one session (its access tokens stop working at the next request). */
  async end(ctx: RequestContext, sessionId: string, reason: SessionEndReason): Promise<boolean> {
    const rows = await returning(this.tx.manager(ctx), `UPDATE auth_session SET revoked_at = $2, revoked_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [sessionId, this.clock.now(), reason]);
    return rows.length > 0;
  }

  /** Ends every session of a person but one (the one they act from), returning how many ended. */
  async endAllOf(ctx: RequestContext, userId: string, reason: SessionEndReason, exceptSessionId?: string): Promise<number> {
    const rows = await returning(this.tx.manager(ctx), `UPDATE auth_session SET revoked_at = $2, revoked_reason = $3 WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $4 RETURNING id`, [
      userId,
      this.clock.now(),
      reason,
      exceptSessionId ?? null,
    ]);
    return rows.length;
  }
}
