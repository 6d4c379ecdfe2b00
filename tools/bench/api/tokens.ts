import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Client } from 'pg';

/** What the benchmark marks its own sessions with, so a run can remove the previous run's. */
export const BENCH_USER_AGENT = 'civicgrid-bench';

export interface Viewer {
  userId: string;
  sessionId: string;
  token: string;
  /** signed in through the API's `login` (the rest were minted like it) */
  signedIn?: boolean;
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * An access token as the API's TokenService signs it (libs/server/platform/src/auth/
 * token.service.ts): HS256 over `{ sub, sid, iat, exp, iss: 'civicgrid' }` with JWT_SECRET.
 */
export function signAccessToken(secret: string, userId: string, sessionId: string, ttlSeconds: number, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId, sid: sessionId, iat, exp: iat + ttlSeconds, iss: 'civicgrid' })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** The claims of a valid HS256 token of ours, or null (for the bare server, which checks tokens like the API). */
export function verifyAccessToken(secret: Buffer, token: string, nowMs = Date.now()): { sub: string; sid: string } | null {
  const dot = token.lastIndexOf('.');
  if (dot < 0) return null;
  const expected = createHmac('sha256', secret).update(token.slice(0, dot)).digest();
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(token.slice(token.indexOf('.') + 1, dot), 'base64url').toString('utf8')) as { sub?: string; sid?: string; exp?: number; iss?: string };
  if (claims.iss !== 'civicgrid' || typeof claims.exp !== 'number' || claims.exp * 1000 <= nowMs || !claims.sub || !claims.sid) return null;
  return { sub: claims.sub, sid: claims.sid };
}

/**
 * Sessions for many people at once, the way SessionsService.start makes one (a row in
 * auth_session, no refresh token: these sessions are never renewed), each with an access
 * token signed with the API's secret and claims. Signing in through `login` a thousand
 * times would measure argon2 and hit the per-address limits instead of the board.
 */
export async function mintSessions(db: Client, secret: string, userIds: string[], ttlSeconds: number): Promise<Viewer[]> {
  if (!userIds.length) return [];
  const { rows } = await db.query<{ id: string; user_id: string }>(
    `INSERT INTO auth_session (user_id, created_at, last_refreshed_at, expires_at, user_agent)
     SELECT u, now(), now(), now() + make_interval(secs => $2), $3 FROM unnest($1::uuid[]) AS u
     RETURNING id, user_id`,
    [userIds, ttlSeconds, BENCH_USER_AGENT],
  );
  const byUser = new Map(rows.map((r) => [r.user_id, r.id]));
  return userIds.map((userId) => {
    const sessionId = byUser.get(userId)!;
    return { userId, sessionId, token: signAccessToken(secret, userId, sessionId, ttlSeconds) };
  });
}
