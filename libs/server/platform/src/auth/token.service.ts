import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { SETTINGS, Settings } from '../config/settings';
import { Clock } from '../clock/clock';
import { isUuid } from '../context/loaders';

export interface AccessClaims {
  userId: string;
  /** the session the token belongs to: revoking it ends the token at once */
  sessionId: string;
}

export type TokenCheck = AccessClaims | { error: string };

/**
 * Signs and checks access tokens: short-lived HS256 JWTs naming the user (`sub`) and
 * the session (`sid`). The session is checked on every request (with the actor), so a
 * sign-out or a password change ends its tokens before they expire. Times follow the
 * app's Clock.
 */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(
    @Inject(SETTINGS) settings: Settings,
    private readonly clock: Clock,
  ) {
    this.jwt = new JwtService({
      // A KeyObject made once: given the string, jsonwebtoken would rebuild it on every check.
      secret: createSecretKey(Buffer.from(settings.jwtSecret)),
      signOptions: { algorithm: 'HS256', expiresIn: settings.jwtTtl as unknown as number, issuer: 'civicgrid' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'civicgrid' },
    });
  }

  sign(claims: AccessClaims): string {
    return this.jwt.sign({ sub: claims.userId, sid: claims.sessionId, iat: Math.floor(this.clock.nowMs() / 1000) });
  }

  /** When a token signed now expires. */
  expiresAt(token: string): Date {
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    return new Date(exp * 1000);
  }

  /** The claims of a valid token, or why it was refused. A subject or session that is not a UUID cannot name a row. */
  verify(token: string): TokenCheck {
    try {
      const payload = this.jwt.verify<{ sub?: unknown; sid?: unknown }>(token, { clockTimestamp: Math.floor(this.clock.nowMs() / 1000) });
      if (!isUuid(payload.sub) || !isUuid(payload.sid)) return { error: 'bad claims' };
      return { userId: payload.sub.toLowerCase(), sessionId: payload.sid.toLowerCase() };
    } catch (err) {
      return { error: (err as Error).name };
    }
  }

  /** Reads `Authorization: Bearer <token>`. */
  fromHeader(header: string | string[] | undefined): { claims?: AccessClaims; error?: string } {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return {};
    const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
    if (!m) return { error: 'malformed authorization header' };
    const r = this.verify(m[1]);
    return 'error' in r ? { error: r.error } : { claims: r };
  }
}
