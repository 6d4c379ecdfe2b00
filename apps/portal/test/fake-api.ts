import type { StoredSession } from '../src/lib/auth/token';

/** A moment to pin `now` to: access tokens in the tests expire relative to it. */
export const NOW = Date.parse('2026-03-01T08:00:00Z');

/** A session numbered n (access-n, refresh-n) whose access token expires `inMs` after NOW. */
export const sessionN = (n: number, inMs: number, userId = 'u1'): StoredSession => ({
  accessToken: `access-${n}`,
  accessTokenExpiresAt: new Date(NOW + inMs).toISOString(),
  refreshToken: `refresh-${n}`,
  userId,
});

/** A minimal fetch Response carrying a GraphQL JSON body. */
export function jsonResponse(body: unknown, status = 200): Response {
  return {
    ok: status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json; charset=utf-8' : null) },
    text: async () => JSON.stringify(body),
    json: async () => body,
  } as unknown as Response;
}

export interface ApiCall {
  operationName: string;
  authorization?: string;
  contentType?: string;
  variables?: Record<string, unknown>;
}

export interface FakeApiOptions {
  /** Access tokens the API accepts. */
  live?: string[];
  /** `ok`: refreshSession trades refresh-n for pair n+1 (each token once); `ended`: it answers UNAUTHENTICATED. */
  refresh?: 'ok' | 'ended';
  /** Hold every refreshSession answer until `release()` (to make requests overlap). */
  gated?: boolean;
  /** False: the API refuses even the tokens refreshSession hands out (default true). */
  acceptRenewed?: boolean;
}

/**
 * A fake /graphql for fetch: refreshSession (rotating, refusing a reused token) and, for any
 * other operation, `me` for a live access token, auth.invalidToken for a dead one and
 * auth.required without one.
 */
export function fakeApi({ live = [], refresh = 'ok', gated = false, acceptRenewed = true }: FakeApiOptions = {}) {
  const accepted = new Set(live);
  const used = new Set<string>();
  const calls: ApiCall[] = [];
  let release: () => void = () => undefined;
  const gate = gated ? new Promise<void>((r) => (release = r)) : Promise.resolve();

  const fetch = jest.fn(async (_uri: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables?: Record<string, unknown> };
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({ operationName: body.operationName, authorization: headers.authorization, contentType: headers['content-type'], variables: body.variables });
    if (body.operationName === 'RefreshSession') {
      await gate;
      const token = (body.variables?.input as { refreshToken: string }).refreshToken;
      if (refresh === 'ended' || used.has(token)) {
        return jsonResponse({ data: null, errors: [{ message: 'Your sign-in has ended', extensions: { code: 'UNAUTHENTICATED', key: 'auth.sessionEnded' } }] });
      }
      used.add(token);
      const n = Number(token.replace('refresh-', '')) + 1;
      const next = sessionN(n, 15 * 60_000);
      if (acceptRenewed) accepted.add(next.accessToken);
      return jsonResponse({
        data: { refreshSession: { __typename: 'AuthPayload', accessToken: next.accessToken, accessTokenExpiresAt: next.accessTokenExpiresAt, refreshToken: next.refreshToken, deviceToken: null, user: { __typename: 'User', id: 'u1' } } },
      });
    }
    const token = headers.authorization?.replace(/^Bearer /, '');
    if (!token) return jsonResponse({ data: { me: null }, errors: [{ message: 'Sign in first', path: ['me'], extensions: { code: 'UNAUTHENTICATED', key: 'auth.required' } }] });
    if (!accepted.has(token)) return jsonResponse({ data: { me: null }, errors: [{ message: 'Expired', path: ['me'], extensions: { code: 'UNAUTHENTICATED', key: 'auth.invalidToken' } }] });
    return jsonResponse({ data: { me: { __typename: 'User', id: 'u1', displayName: 'Wang Xiaoming' } } });
  });

  return {
    fetch,
    calls,
    release: () => release(),
    /** Makes an access token stop working (revoked, or the server's clock is ahead). */
    revoke: (token: string) => accepted.delete(token),
    refreshCalls: () => calls.filter((c) => c.operationName === 'RefreshSession'),
    operationCalls: () => calls.filter((c) => c.operationName !== 'RefreshSession'),
  };
}
