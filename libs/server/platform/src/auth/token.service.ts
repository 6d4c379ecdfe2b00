import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { SETTINGS, Settings } from '../config/settings';

/** Signs and checks access tokens (HS256 JWT whose subject is the user id). */
@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

  constructor(@Inject(SETTINGS) settings: Settings) {
    this.jwt = new JwtService({
      secret: settings.jwtSecret,
      signOptions: { algorithm: 'HS256', expiresIn: settings.jwtTtl as unknown as number, issuer: 'civicgrid' },
      verifyOptions: { algorithms: ['HS256'], issuer: 'civicgrid' },
    });
  }

  sign(userId: string): string {
    return this.jwt.sign({ sub: userId });
  }

  /** The user id of a valid token, or the reason it was refused. */
  verify(token: string): { userId: string } | { error: string } {
    try {
      const payload = this.jwt.verify<{ sub?: unknown }>(token);
      return typeof payload.sub === 'string' ? { userId: payload.sub } : { error: 'no subject' };
    } catch (err) {
      return { error: (err as Error).name };
    }
  }

  /** Reads `Authorization: Bearer <token>`. */
  fromHeader(header: string | string[] | undefined): { userId?: string; error?: string } {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) return {};
    const m = /^Bearer\s+(\S+)$/i.exec(value.trim());
    if (!m) return { error: 'malformed authorization header' };
    const r = this.verify(m[1]);
    return 'userId' in r ? { userId: r.userId } : { error: r.error };
  }
}
