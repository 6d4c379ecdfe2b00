import { JwtService } from '@nestjs/jwt';
import { SessionsService } from '@civicgrid/identity';
import { Clock, RequestContext } from '@civicgrid/platform';
import { FACTORY_PASSWORD, SIGN_UP_CONSENT, TestUser } from './support/factories';
import { GqlResult, TestApi } from './support/test-api';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken accessTokenExpiresAt deviceToken user { id } } }`;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken deviceToken user { id displayName } } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken refreshToken user { id } } }`;
const ME = `{ me { id } }`;
const MY_CLAIMS = `{ myClaims { totalCount } }`;

interface Pair {
  accessToken: string;
  refreshToken: string;
  deviceToken?: string | null;
}

/** A test address: TRUST_PROXY lets loopback name the client address, as the load balancer would. */
let nextAddress = 1;
const address = () => `198.51.100.${nextAddress++}`;

describe('sign-in, sign-up and sessions', () => {
  let api: TestApi;
  let clock: Clock;
  beforeAll(async () => {
    api = await TestApi.start();
    clock = api.get(Clock);
  });
  afterEach(() => clock.reset());
  afterAll(async () => {
    await api.close();
  });

  const from = (ip: string) => ({ 'x-forwarded-for': ip });
  const login = (phone: string, password: string, ip: string, deviceToken?: string | null) =>
    api.gql<{ login: Pair }>(LOGIN, { input: { phone, password, ...(deviceToken ? { deviceToken } : {}) } }, undefined, from(ip));
  const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code ?? 'OK';
  const refresh = (refreshToken: string) => api.gql<{ refreshSession: Pair }>(REFRESH, { input: { refreshToken } });
  /** Argon2 verifications so far, from /metrics: the work a sign-in limit exists to bound. */
  const passwordChecks = async () => Number(/^civicgrid_password_checks_total (\d+)/m.exec(await (await fetch(`${api.url}/metrics`)).text())?.[1] ?? 0);
  const tally = (rs: GqlResult[]) => rs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [codeOf(r)]: (acc[codeOf(r)] ?? 0) + 1 }), {});

  describe('guessing passwords', () => {
    it('should check at most 5 of 50 concurrent wrong guesses for one phone and then refuse the right password', async () => {
      const u = await api.make.user();
      const before = await passwordChecks();
      const ip = address();
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => login(u.phone, `wrong-guess-${i}`, ip)));
      expect(tally(results)).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 45 });
      expect(await passwordChecks()).toBe(before + 5);
      const right = await login(u.phone, FACTORY_PASSWORD, ip);
      expect(right.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', key: 'auth.tooManyAttempts' });
      expect(right.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(await passwordChecks()).toBe(before + 5);
    });

    it('should check at most 30 of 50 concurrent guesses against different phones from one address', async () => {
      const people = await api.make.users(50);
      const before = await passwordChecks();
      const ip = address();
      const results = await Promise.all(people.map((p) => login(p.phone, 'not-the-password', ip)));
      expect(tally(results)).toEqual({ UNAUTHENTICATED: 30, RATE_LIMITED: 20 });
      expect(await passwordChecks()).toBe(before + 30);
    });

    it('should let the phone sign in again once the window has passed', async () => {
      const u = await api.make.user();
      const ip = address();
      for (let i = 0; i < 6; i++) await login(u.phone, 'wrong', ip);
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, ip))).toBe('RATE_LIMITED');
      clock.travel(16 * 60_000);
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, ip))).toBe('OK');
    });
  });

  describe('lock-out as a weapon', () => {
    it("should keep signing in the owner's known device and address while a stranger's guesses lock the phone elsewhere", async () => {
      const u = await api.make.user();
      const home = address();
      const first = await login(u.phone, FACTORY_PASSWORD, home);
      const deviceToken = first.data!.login.deviceToken!;
      expect(deviceToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);

      const attacker = address();
      const guesses = await Promise.all(Array.from({ length: 12 }, () => login(u.phone, 'guess', attacker)));
      expect(tally(guesses)).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 7 });
      // Unknown devices are locked out, the right password included…
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, address()))).toBe('RATE_LIMITED');
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, address(), 'a-device-token-that-was-never-issued-to-anyone-at-all'))).toBe('RATE_LIMITED');
      // …but the owner's device signs in from anywhere, and any device from the owner's address.
      const onTheRoad = await login(u.phone, FACTORY_PASSWORD, address(), deviceToken);
      expect(codeOf(onTheRoad)).toBe('OK');
      expect(onTheRoad.data!.login.deviceToken).toBeNull();
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, home))).toBe('OK');
    });

    it('should still limit guesses from a known device, on a counter of its own', async () => {
      const u = await api.make.user();
      const ip = address();
      const { deviceToken } = (await login(u.phone, FACTORY_PASSWORD, ip)).data!.login;
      const guesses = await Promise.all(Array.from({ length: 8 }, () => login(u.phone, 'typo', address(), deviceToken)));
      expect(tally(guesses)).toEqual({ UNAUTHENTICATED: 5, RATE_LIMITED: 3 });
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, address(), deviceToken))).toBe('RATE_LIMITED');
    });
  });

  describe('sign-up', () => {
    const input = (phone: string) => ({ input: { phone, password: 'long enough password', displayName: '新居民', consent: SIGN_UP_CONSENT } });

    it('should take at most 20 sign-ups an hour from one address, also when sent at once', async () => {
      const ip = address();
      const phones = Array.from({ length: 26 }, (_, i) => `15${String(100 + i).padStart(3, '0')}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`);
      const results = await Promise.all(phones.map((p) => api.gql(REGISTER, input(p), undefined, from(ip))));
      expect(tally(results)).toEqual({ OK: 20, RATE_LIMITED: 6 });
      const made = await api.sql<{ n: number }>('SELECT count(*)::int AS n FROM user_account WHERE phone = ANY($1)', [phones]);
      expect(made[0].n).toBe(20);
      expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', key: 'register.tooMany' });
    });

    it('should take at most 30 sign-ups an hour for numbers in one block of ten thousand, from any address', async () => {
      const block = `1590${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
      const phones = Array.from({ length: 34 }, (_, i) => `${block}${String(i).padStart(4, '0')}`);
      const results = await Promise.all(phones.map((p) => api.gql(REGISTER, input(p), undefined, from(address()))));
      expect(tally(results)).toEqual({ OK: 30, RATE_LIMITED: 4 });
      clock.travel(61 * 60_000);
      expect(codeOf(await api.gql(REGISTER, input(`${block}9999`), undefined, from(address())))).toBe('OK');
    });
  });

  describe('sessions', () => {
    const signIn = async (u: TestUser) => (await login(u.phone, FACTORY_PASSWORD, address())).data!.login;

    it('should end the token at once when its session logs out, and refuse its refresh token', async () => {
      const u = await api.make.user();
      const s = await signIn(u);
      expect((await api.ok(ME, {}, s.accessToken)).me.id).toBe(u.id);
      expect(await api.ok(`mutation { logout }`, {}, s.accessToken)).toEqual({ logout: true });
      expect(await api.fails(MY_CLAIMS, {}, s.accessToken)).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.invalidToken' });
      expect((await api.ok(ME, {}, s.accessToken)).me).toBeNull();
      expect(await api.fails(REFRESH, { input: { refreshToken: s.refreshToken } })).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.sessionEnded' });
    });

    it('should sign out every session of the person with everywhere', async () => {
      const u = await api.make.user();
      const [a, b] = [await signIn(u), await signIn(u)];
      await api.ok(`mutation { logout(input: { everywhere: true }) }`, {}, a.accessToken);
      for (const s of [a, b]) expect((await api.fails(MY_CLAIMS, {}, s.accessToken)).code).toBe('UNAUTHENTICATED');
    });

    it('should rotate the refresh token, and end the session when an old one is used again', async () => {
      const u = await api.make.user();
      const s = await signIn(u);
      const next = (await refresh(s.refreshToken)).data!.refreshSession;
      expect(next.refreshToken).not.toBe(s.refreshToken);
      expect((await api.ok(ME, {}, next.accessToken)).me.id).toBe(u.id);
      // The first token, replayed (stolen): refused, and the thief's and the owner's copies both die.
      expect(await api.fails(REFRESH, { input: { refreshToken: s.refreshToken } })).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.refreshReused' });
      expect((await api.fails(MY_CLAIMS, {}, next.accessToken)).code).toBe('UNAUTHENTICATED');
      expect((await refresh(next.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const audit = await api.sql(`SELECT subject_id FROM audit_entry WHERE action = 'session.refreshReused'`);
      expect(audit).toEqual([{ subject_id: u.id }]);
    });

    it('should give one new pair, never two, when one refresh token is sent ten times at once', async () => {
      const u = await api.make.user();
      const s = await signIn(u);
      const results = await Promise.all(Array.from({ length: 10 }, () => refresh(s.refreshToken)));
      expect(results.filter((r) => r.data?.refreshSession).length).toBe(1);
      const [{ n }] = await api.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM refresh_token r JOIN auth_session a ON a.id = r.session_id WHERE a.user_id = $1 AND r.used_at IS NULL AND a.revoked_at IS NULL`,
        [u.id],
      );
      expect(n).toBeLessThanOrEqual(1);
    });

    it('should refuse an access token after its 15 minutes and renew it with the refresh token', async () => {
      const u = await api.make.user();
      const s = await signIn(u);
      clock.travel(16 * 60_000);
      expect(await api.fails(MY_CLAIMS, {}, s.accessToken)).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.invalidToken' });
      const next = (await refresh(s.refreshToken)).data!.refreshSession;
      expect((await api.ok(MY_CLAIMS, {}, next.accessToken)).myClaims.totalCount).toBe(0);
    });

    it('should end a session left unrefreshed for 30 days', async () => {
      const u = await api.make.user();
      const s = await signIn(u);
      clock.travel(31 * 86_400_000);
      expect(await api.fails(REFRESH, { input: { refreshToken: s.refreshToken } })).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.sessionEnded' });
    });

    it('should refuse garbage as a refresh token with UNAUTHENTICATED', async () => {
      expect(await api.fails(REFRESH, { input: { refreshToken: 'not-a-token' } })).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.refreshInvalid' });
    });

    it.each<[string, Record<string, unknown>]>([
      ['a subject that is not a UUID', { sub: 'not-a-uuid', sid: '00000000-0000-4000-8000-000000000000' }],
      ['no session', { sub: '00000000-0000-4000-8000-000000000000' }],
      ['a subject that names nobody', { sub: '00000000-0000-4000-8000-000000000000', sid: '00000000-0000-4000-8000-000000000001' }],
      ['a number as subject', { sub: 42, sid: '00000000-0000-4000-8000-000000000001' }],
    ])('should answer UNAUTHENTICATED, not INTERNAL, for a validly signed token with %s', async (_label, payload) => {
      const jwt = new JwtService({ secret: api.running.settings.jwtSecret });
      const token = jwt.sign(payload, { issuer: 'civicgrid', expiresIn: 600 });
      expect(await api.fails(MY_CLAIMS, {}, token)).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('should forget sessions ended or expired over a week ago, with their refresh tokens, and keep the others', async () => {
      const person = await api.make.user();
      const session = async (expires: string, revoked: string | null) =>
        (
          await api.sql<{ id: string }>(
            `INSERT INTO auth_session (user_id, created_at, expires_at, revoked_at, revoked_reason)
             VALUES ($1, now() - interval '30 days', now() + $2::interval, now() + $3::interval, CASE WHEN $3::interval IS NULL THEN NULL ELSE 'LOGOUT' END) RETURNING id`,
            [person.id, expires, revoked],
          )
        )[0].id;
      const expired = await session('-8 days', null);
      const revoked = await session('20 days', '-8 days');
      const lately = await session('-1 day', null);
      const live = await session('20 days', null);
      await api.sql(`INSERT INTO refresh_token (session_id, token_hash) VALUES ($1, sha256('old refresh token'::bytea))`, [expired]);
      await api.get(SessionsService).purgeEnded(RequestContext.system());
      const left = (await api.sql<{ id: string }>(`SELECT id FROM auth_session WHERE id = ANY($1::uuid[])`, [[expired, revoked, lately, live]])).map((r) => r.id);
      expect(left.sort()).toEqual([lately, live].sort());
      expect(await api.sql(`SELECT 1 FROM refresh_token WHERE session_id = $1`, [expired])).toEqual([]);
    });
  });

  describe('changing the password', () => {
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;

    it('should end every other session, keep this one, and take only the new password', async () => {
      const u = await api.make.user();
      const here = (await login(u.phone, FACTORY_PASSWORD, address())).data!.login;
      const elsewhere = (await login(u.phone, FACTORY_PASSWORD, address())).data!.login;
      const ended = await api.ok(CHANGE, { input: { currentPassword: FACTORY_PASSWORD, newPassword: 'a brand new secret' } }, here.accessToken);
      expect(ended.changePassword).toBe(2); // the other sign-in and the factory's session
      expect((await api.ok(ME, {}, here.accessToken)).me.id).toBe(u.id);
      expect((await api.fails(MY_CLAIMS, {}, elsewhere.accessToken)).code).toBe('UNAUTHENTICATED');
      expect((await refresh(elsewhere.refreshToken)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, address()))).toBe('UNAUTHENTICATED');
      expect(codeOf(await login(u.phone, 'a brand new secret', address()))).toBe('OK');
      expect(await api.sql(`SELECT action FROM audit_entry WHERE action = 'password.change' AND subject_id = $1`, [u.id])).toHaveLength(1);
    });

    it.each<[string, Record<string, string>, string, string]>([
      ['the current password is wrong', { currentPassword: 'not it at all', newPassword: 'a brand new secret' }, 'currentPassword', 'password.wrong'],
      ['the new password is too short', { currentPassword: FACTORY_PASSWORD, newPassword: 'short' }, 'newPassword', 'password.tooShort'],
      ['the new password is the old one', { currentPassword: FACTORY_PASSWORD, newPassword: FACTORY_PASSWORD }, 'newPassword', 'password.unchanged'],
    ])('should refuse when %s, naming the field, and change nothing', async (_label, input, field, key) => {
      const u = await api.make.user();
      expect(await api.fails(CHANGE, { input }, u.token)).toMatchObject({ code: 'BAD_USER_INPUT', field, key });
      expect(codeOf(await login(u.phone, FACTORY_PASSWORD, address()))).toBe('OK');
    });

    it('should stop checking current passwords after five tries in a window', async () => {
      const u = await api.make.user();
      const tries = await Promise.all(Array.from({ length: 8 }, () => api.gql(CHANGE, { input: { currentPassword: 'guess', newPassword: 'a brand new secret' } }, u.token)));
      expect(tally(tries)).toEqual({ BAD_USER_INPUT: 5, RATE_LIMITED: 3 });
    });
  });
});
