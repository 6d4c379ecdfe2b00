import { PRIVACY_NOTICE } from '@civicgrid/identity';
import { Clock } from '@civicgrid/platform';
import { FACTORY_PASSWORD, SIGN_UP_CONSENT, TestUser } from './support/factories';
import { GqlResult, TestApi } from './support/test-api';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { accessToken } }`;
const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const MY_CONSENTS = `{ me { consents { privacyNoticeVersion termsAccepted contactBySms recordedAt } } }`;

/** A test address: TRUST_PROXY lets loopback name the client address, as the load balancer would. */
let nextAddress = 1;
const address = () => `192.0.2.${nextAddress++}`;
const from = (ip: string) => ({ 'x-forwarded-for': ip });
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code ?? 'OK';
const tally = (rs: GqlResult[]) => rs.reduce<Record<string, number>>((acc, r) => ({ ...acc, [codeOf(r)]: (acc[codeOf(r)] ?? 0) + 1 }), {});

describe('account basics: consent at sign-up, resetting a forgotten password, names in English', () => {
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

  describe('consent at sign-up', () => {
    const signUp = (phone: string, consent: unknown, ip = address()) => api.gql(REGISTER, { input: { phone, password: 'long enough password', displayName: '新居民', consent } }, undefined, from(ip));
    const accounts = async (phone: string) => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM user_account WHERE phone = $1`, [phone]))[0].n;

    it('should serve the privacy notice in force to anyone', async () => {
      expect(await api.ok(`{ privacyNotice { version publishedAt } }`)).toEqual({ privacyNotice: { version: PRIVACY_NOTICE.version, publishedAt: PRIVACY_NOTICE.publishedAt.toISOString() } });
    });

    it.each<[string, unknown, string, string]>([
      ['no consent', undefined, 'consent', 'consent.required'],
      ['an older privacy notice', { privacyNoticeVersion: '2020-01-01', termsAccepted: true }, 'consent.privacyNoticeVersion', 'consent.staleNotice'],
      ['the terms not accepted', { privacyNoticeVersion: PRIVACY_NOTICE.version, termsAccepted: false }, 'consent.termsAccepted', 'consent.termsRequired'],
    ])('should refuse a sign-up with %s (BAD_USER_INPUT) and make no account', async (_label, consent, field, key) => {
      const phone = api.make.nextPhone();
      const r = await signUp(phone, consent);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, key });
      expect(await accounts(phone)).toBe(0);
    });

    it('should record who agreed to which notice, with which choices, when and from where, and show it to the person only', async () => {
      const phone = api.make.nextPhone();
      const ip = address();
      const r = await api.gql<{ register: { accessToken: string; user: { id: string } } }>(
        REGISTER,
        { input: { phone, password: 'long enough password', displayName: '新居民', consent: { ...SIGN_UP_CONSENT, contactBySms: true } } },
        undefined,
        { ...from(ip), 'user-agent': 'ConsentTest/1.0' },
      );
      const { accessToken, user } = r.data!.register;
      const rows = await api.sql(`SELECT privacy_notice_version, terms_accepted, choices, ip, user_agent, recorded_at FROM consent_record WHERE user_id = $1`, [user.id]);
      expect(rows).toEqual([{ privacy_notice_version: PRIVACY_NOTICE.version, terms_accepted: true, choices: { contactBySms: true }, ip, user_agent: 'ConsentTest/1.0', recorded_at: expect.any(Date) }]);
      const { me } = await api.ok(MY_CONSENTS, {}, accessToken);
      expect(me.consents).toEqual([{ privacyNoticeVersion: PRIVACY_NOTICE.version, termsAccepted: true, contactBySms: true, recordedAt: rows[0].recorded_at.toISOString() }]);

      // Not even a proxy reads what the person agreed to.
      const proxy = await api.make.user();
      await api.ok(`mutation($input: GrantProxyInput!) { grantProxy(input: $input) }`, { input: { proxyUserId: proxy.id, consentNote: '本人当面同意由其代办报名' } }, accessToken);
      const seen = await api.gql(`query($phone: String!) { userByPhone(phone: $phone) { consents { privacyNoticeVersion } } }`, { phone }, proxy.token);
      expect(seen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });

    it('should keep a consent record as it was recorded', async () => {
      const phone = api.make.nextPhone();
      const r = await signUp(phone, SIGN_UP_CONSENT);
      const id = (r.data as { register: { user: { id: string } } }).register.user.id;
      await expect(api.sql(`UPDATE consent_record SET choices = '{"contactBySms": true}' WHERE user_id = $1`, [id])).rejects.toThrow(/never changed/);
    });
  });

  describe('forgotten password', () => {
    const ask = (phone: string, ip = address()) => api.gql(REQUEST, { input: { phone } }, undefined, from(ip));
    const reset = (phone: string, code: string, newPassword: string, ip = address()) => api.gql<{ resetPassword: boolean }>(RESET, { input: { phone, code, newPassword } }, undefined, from(ip));
    const smsTo = (phone: string) => api.sql<{ body: string }>(`SELECT body FROM dev_message WHERE channel = 'SMS' AND recipient = $1 ORDER BY id`, [phone]);
    /** The code of the n-th reset SMS the phone received (the queue runs at the database's time; the app's may be ahead). */
    const codeSent = async (phone: string, n = 1): Promise<string> => {
      await api.eventually(async () => {
        await api.runJobsNow('notifications.deliver');
        return (await smsTo(phone)).length >= n;
      });
      const body = (await smsTo(phone))[n - 1].body;
      return /(\d{6})/.exec(body)![1];
    };
    const codes = async (userId: string) => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM password_reset_code WHERE user_id = $1`, [userId]))[0].n;

    it('should answer alike for a phone with and without an account, and text a code in the person\'s language only to the first', async () => {
      const u = await api.make.user();
      const nobody = api.make.nextPhone();
      expect(await ask(u.phone)).toEqual({ data: { requestPasswordReset: true } });
      expect(await ask(nobody)).toEqual({ data: { requestPasswordReset: true } });
      const code = await codeSent(u.phone);
      expect((await smsTo(u.phone))[0].body).toContain(`验证码是${code}，10分钟内有效`);
      expect(await smsTo(nobody)).toEqual([]);
      // Kept as a keyed hash only: neither the code table nor the sent notification holds the digits.
      const [row] = await api.sql<{ code_hash: Buffer }>(`SELECT code_hash FROM password_reset_code WHERE user_id = $1`, [u.id]);
      expect(row.code_hash.length).toBe(32);
      expect(row.code_hash.toString('latin1')).not.toContain(code);
      await api.eventually(async () => (await api.sql(`SELECT 1 FROM notification WHERE user_id = $1 AND kind = 'PASSWORD_RESET_CODE' AND params = '{}'`, [u.id])).length === 1);
      expect(await api.sql(`SELECT in_app FROM notification WHERE user_id = $1 AND kind = 'PASSWORD_RESET_CODE'`, [u.id])).toEqual([{ in_app: false }]);
    });

    it('should text the code even to a person who turned SMS off elsewhere, never to their proxies, and list no preference for it', async () => {
      const elder = await api.make.user();
      const proxy = await api.make.user();
      await api.sql(`UPDATE user_account SET elder_mode = true WHERE id = $1`, [elder.id]);
      await api.ok(`mutation($input: GrantProxyInput!) { grantProxy(input: $input) }`, { input: { proxyUserId: proxy.id, consentNote: '本人当面同意由其代办报名' } }, elder.token);
      await ask(elder.phone);
      await codeSent(elder.phone);
      expect(await api.notificationKinds(proxy)).not.toContain('PASSWORD_RESET_CODE');
      const { notificationSettings } = await api.ok(`{ notificationSettings { preferences { kind } } }`, {}, elder.token);
      expect(notificationSettings.preferences.map((p: { kind: string }) => p.kind)).not.toContain('PASSWORD_RESET_CODE');
      const r = await api.gql(`mutation { updateNotificationSettings(input: { preferences: [{ kind: "PASSWORD_RESET_CODE", channels: [] }] }) { quietHoursStart } }`, {}, elder.token);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'notifications.unknownKind' });
    });

    it('should send at most 3 codes an hour to one phone however many asks arrive at once, from any address', async () => {
      const u = await api.make.user();
      const results = await Promise.all(Array.from({ length: 12 }, () => ask(u.phone)));
      expect(tally(results)).toEqual({ OK: 3, RATE_LIMITED: 9 });
      expect(results.find((r) => r.errors)?.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', key: 'passwordReset.tooMany' });
      expect(await codes(u.id)).toBe(3);
      clock.travel(61 * 60_000);
      expect(codeOf(await ask(u.phone))).toBe('OK');
      expect(await codes(u.id)).toBe(4);
    });

    it('should take at most 10 asks an hour from one address, whatever the phones, also when sent at once', async () => {
      const ip = address();
      const people = await api.make.users(14);
      const results = await Promise.all(people.map((p) => ask(p.phone, ip)));
      expect(tally(results)).toEqual({ OK: 10, RATE_LIMITED: 4 });
      const [{ n }] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM password_reset_code WHERE user_id = ANY($1::uuid[])`, [people.map((p) => p.id)]);
      expect(n).toBe(10);
    });

    it('should set the new password with the code, end every session of the person and refuse the old password', async () => {
      const u = await api.make.user();
      const signedIn = (await api.ok(LOGIN, { input: { phone: u.phone, password: FACTORY_PASSWORD } })).login;
      await ask(u.phone);
      const code = await codeSent(u.phone);
      expect(await reset(u.phone, code, 'a brand new password')).toEqual({ data: { resetPassword: true } });
      expect(codeOf(await api.gql(`{ myClaims { totalCount } }`, {}, signedIn.accessToken))).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.gql(REFRESH, { input: { refreshToken: signedIn.refreshToken } }))).toBe('UNAUTHENTICATED');
      expect(await api.sql(`SELECT DISTINCT revoked_reason FROM auth_session WHERE user_id = $1`, [u.id])).toEqual([{ revoked_reason: 'PASSWORD_RESET' }]);
      expect(codeOf(await api.gql(LOGIN, { input: { phone: u.phone, password: FACTORY_PASSWORD } }, undefined, from(address())))).toBe('UNAUTHENTICATED');
      expect(codeOf(await api.gql(LOGIN, { input: { phone: u.phone, password: 'a brand new password' } }))).toBe('OK');
      // Used once.
      expect(await reset(u.phone, code, 'another new password')).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'code', key: 'passwordReset.invalidCode' } }] });
      expect(await api.sql(`SELECT action FROM audit_entry WHERE subject_id = $1::text AND action LIKE 'password.%' ORDER BY id`, [u.id])).toEqual([{ action: 'password.resetRequested' }, { action: 'password.reset' }]);
    });

    it('should hold the new password to the sign-up rules and change nothing when it is too short', async () => {
      const u = await api.make.user();
      await ask(u.phone);
      const code = await codeSent(u.phone);
      expect(await reset(u.phone, code, 'short')).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'newPassword', key: 'password.tooShort' } }] });
      expect(await reset(u.phone, code, 'long enough now')).toEqual({ data: { resetPassword: true } });
    });

    it('should let exactly one of several concurrent resets with the right code through', async () => {
      const u = await api.make.user();
      await ask(u.phone);
      const code = await codeSent(u.phone);
      const results = await Promise.all(Array.from({ length: 4 }, (_, i) => reset(u.phone, code, `racing password ${i}`)));
      expect(tally(results)).toEqual({ OK: 1, BAD_USER_INPUT: 3 });
      const winner = results.findIndex((r) => r.data?.resetPassword);
      expect(codeOf(await api.gql(LOGIN, { input: { phone: u.phone, password: `racing password ${winner}` } }))).toBe('OK');
    });

    it('should stop a code after 5 wrong tries, the right one included after that, even when the tries arrive at once', async () => {
      const u: TestUser = await api.make.user();
      await ask(u.phone);
      const code = await codeSent(u.phone);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
      const tries = await Promise.all(Array.from({ length: 8 }, () => reset(u.phone, wrong, 'guessing password')));
      expect(tally(tries)).toEqual({ BAD_USER_INPUT: 8 });
      expect(await api.sql(`SELECT attempts FROM password_reset_code WHERE user_id = $1`, [u.id])).toEqual([{ attempts: 5 }]);
      expect(codeOf(await reset(u.phone, code, 'the right code too late'))).toBe('BAD_USER_INPUT');
      expect(codeOf(await api.gql(LOGIN, { input: { phone: u.phone, password: FACTORY_PASSWORD } }))).toBe('OK');
    });

    it('should stop a code 10 minutes after it was sent, by the app clock, and honour only the newest code', async () => {
      const u = await api.make.user();
      await ask(u.phone);
      const first = await codeSent(u.phone);
      clock.travel(10 * 60_000 + 1_000);
      expect(codeOf(await reset(u.phone, first, 'too late password'))).toBe('BAD_USER_INPUT');
      await ask(u.phone);
      const second = await codeSent(u.phone, 2);
      if (first !== second) expect(codeOf(await reset(u.phone, first, 'old code password'))).toBe('BAD_USER_INPUT');
      clock.travel(9 * 60_000);
      expect(codeOf(await reset(u.phone, second, 'in time password'))).toBe('OK');
    });

    it('should refuse a malformed code or phone as bad input', async () => {
      expect(await reset(api.make.nextPhone(), '12ab', 'long enough password')).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'code' } }] });
      expect(await ask('12345')).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'phone' } }] });
    });
  });

  describe('names in English', () => {
    it('should keep an optional English name for an organisation and an alliance, and refuse a blank-only one', async () => {
      const regions = await api.make.regions();
      const founder = await api.make.user();
      const CREATE_ORG = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name nameEn } }`;
      const { createOrganization: org } = await api.ok(CREATE_ORG, { input: { name: '益邻服务社', nameEn: ' Yilin  Service Club ', kind: 'NGO', regionId: regions.grid.id } }, founder.token);
      expect(org).toMatchObject({ name: '益邻服务社', nameEn: 'Yilin Service Club' });
      const { createOrganization: plain } = await api.ok(CREATE_ORG, { input: { name: '无英文名服务社', kind: 'NGO', regionId: regions.grid.id } }, founder.token);
      expect(plain.nameEn).toBeNull();
      expect(await api.fails(CREATE_ORG, { input: { name: '又一个服务社', nameEn: 'x'.repeat(121), kind: 'NGO', regionId: regions.grid.id } }, founder.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nameEn' });

      const steward = await api.make.user();
      const stewardOrg = await api.make.organization(regions.street.id, [[steward, 'ADMIN']], { kind: 'STREET_OFFICE' });
      const { createAlliance } = await api.ok(
        `mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id name nameEn } }`,
        { input: { name: '测试街道商家联盟', nameEn: 'Test Street Merchant Alliance', regionId: regions.street.id, charter: '共建共治', pledgeOptions: ['WASTE_SORTING'], stewardOrganizationId: stewardOrg } },
        steward.token,
      );
      expect(createAlliance).toMatchObject({ name: '测试街道商家联盟', nameEn: 'Test Street Merchant Alliance' });
      expect((await api.ok(`query($id: ID!) { alliance(id: $id) { nameEn } }`, { id: createAlliance.id })).alliance.nameEn).toBe('Test Street Merchant Alliance');
    });
  });
});
