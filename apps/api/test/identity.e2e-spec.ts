import { TestApi } from './support/test-api';
import { SIGN_UP_CONSENT } from './support/factories';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken user { id displayName phone role locale homeRegion { id } } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken user { id } } }`;
const ME = `{ me { id displayName phone skills languages elderMode locale serviceMinutes memberships { id } homeRegion { name } } }`;
const GRANT = `mutation($input: GrantProxyInput!) { grantProxy(input: $input) }`;
const USER_PHONE = `query($phone: String!) { userByPhone(phone: $phone) { id phone } }`;

describe('identity', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  describe('register', () => {
    it('should create a resident and return a working token when the input is valid', async () => {
      const regions = await api.make.regions();
      const phone = api.make.nextPhone();
      const { register } = await api.ok(REGISTER, { input: { phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, password: 'long enough', displayName: ' 小 王 ', homeRegionId: regions.grid.id, locale: 'en', consent: SIGN_UP_CONSENT } });
      expect(register.user).toMatchObject({ displayName: '小 王', phone, role: 'RESIDENT', locale: 'en', homeRegion: { id: regions.grid.id } });
      const { me } = await api.ok(ME, {}, register.accessToken);
      expect(me).toMatchObject({ id: register.user.id, serviceMinutes: 0, memberships: [], elderMode: false });
    });

    it.each([
      [{ phone: '12345' }, 'phone'],
      [{ phone: '02812345678' }, 'phone'],
      [{ password: 'short' }, 'password'],
      [{ displayName: '   ' }, 'displayName'],
      [{ locale: 'fr' }, 'locale'],
    ])('should refuse with BAD_USER_INPUT when %j is given', async (bad, field) => {
      const input = { phone: api.make.nextPhone(), password: 'long enough', displayName: 'A', consent: SIGN_UP_CONSENT, ...bad };
      expect(await api.fails(REGISTER, { input })).toMatchObject({ code: 'BAD_USER_INPUT', field });
    });

    it('should refuse with CONFLICT when the phone is already registered', async () => {
      const phone = api.make.nextPhone();
      await api.ok(REGISTER, { input: { phone, password: 'long enough', displayName: 'A', consent: SIGN_UP_CONSENT } });
      expect(await api.fails(REGISTER, { input: { phone, password: 'other enough', displayName: 'B', consent: SIGN_UP_CONSENT } })).toMatchObject({ code: 'CONFLICT', field: 'phone' });
      expect(await api.sql('SELECT count(*)::int AS n FROM user_account WHERE phone = $1', [phone])).toEqual([{ n: 1 }]);
    });

    it('should refuse with NOT_FOUND when the home region does not exist', async () => {
      const input = { phone: api.make.nextPhone(), password: 'long enough', displayName: 'A', homeRegionId: '00000000-0000-4000-8000-000000000000', consent: SIGN_UP_CONSENT };
      expect(await api.fails(REGISTER, { input })).toMatchObject({ code: 'NOT_FOUND', field: 'homeRegionId' });
    });
  });

  describe('login', () => {
    it('should sign in with the right password and refuse a wrong one with UNAUTHENTICATED', async () => {
      const u = await api.make.user();
      const { login } = await api.ok(LOGIN, { input: { phone: u.phone, password: 'password123' } });
      expect(login.user.id).toBe(u.id);
      expect(await api.fails(LOGIN, { input: { phone: u.phone, password: 'wrong-password' } })).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await api.fails(LOGIN, { input: { phone: api.make.nextPhone(), password: 'whatever1' } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('should refuse with RATE_LIMITED after five failures for one phone, even with the right password', async () => {
      const u = await api.make.user();
      for (let i = 0; i < 5; i++) expect((await api.fails(LOGIN, { input: { phone: u.phone, password: `wrong-${i}-xx` } })).code).toBe('UNAUTHENTICATED');
      const err = await api.fails(LOGIN, { input: { phone: u.phone, password: 'password123' } });
      expect(err.code).toBe('RATE_LIMITED');
    });
  });

  describe('me and updateProfile', () => {
    it('should return null for me when not signed in, and UNAUTHENTICATED for a bad token on a signed-in operation', async () => {
      expect((await api.ok(ME)).me).toBeNull();
      expect(await api.fails(`mutation { updateProfile(input: { elderMode: true }) { id } }`, {}, 'not-a-token')).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(await api.fails(`mutation { updateProfile(input: { elderMode: true }) { id } }`)).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('should change only the fields given', async () => {
      const regions = await api.make.regions();
      const u = await api.make.user({ skills: ['COOKING'] });
      const { updateProfile } = await api.ok(
        `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { skills languages elderMode locale displayName homeRegion { id } } }`,
        { input: { languages: ['zh', 'en', 'zh'], elderMode: true, locale: 'zh-TW', homeRegionId: regions.grid.id } },
        u.token,
      );
      expect(updateProfile).toEqual({ skills: ['COOKING'], languages: ['zh', 'en'], elderMode: true, locale: 'zh-TW', displayName: expect.any(String), homeRegion: { id: regions.grid.id } });
    });
  });

  describe('grantProxy and phone masking', () => {
    it('should record the consent, audit it, and let the proxy see the phone', async () => {
      const resident = await api.make.user();
      const leader = await api.make.user();
      expect((await api.ok(USER_PHONE, { phone: resident.phone }, leader.token)).userByPhone.phone).toBe(`${resident.phone.slice(0, 3)}****${resident.phone.slice(-4)}`);
      expect((await api.ok(GRANT, { input: { proxyUserId: leader.id, consentNote: 'Agreed in person at the office' } }, resident.token)).grantProxy).toBe(true);
      expect((await api.ok(USER_PHONE, { phone: resident.phone }, leader.token)).userByPhone.phone).toBe(resident.phone);
      const audit = await api.sql(`SELECT actor_user_id, detail->>'consentNote' AS note FROM audit_entry WHERE action = 'proxy.grant' AND detail->>'residentId' = $1`, [resident.id]);
      expect(audit).toEqual([{ actor_user_id: resident.id, note: 'Agreed in person at the office' }]);
      const { proxyResidents } = await api.ok(`{ proxyResidents { totalCount edges { node { id } } } }`, {}, leader.token);
      expect(proxyResidents).toEqual({ totalCount: 1, edges: [{ node: { id: resident.id } }] });
    });

    it('should refuse a grant to oneself, to nobody, twice, or without a token', async () => {
      const resident = await api.make.user();
      const other = await api.make.user();
      expect(await api.fails(GRANT, { input: { proxyUserId: resident.id, consentNote: 'myself please' } }, resident.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'proxyUserId' });
      expect(await api.fails(GRANT, { input: { proxyUserId: '00000000-0000-4000-8000-000000000000', consentNote: 'nobody here' } }, resident.token)).toMatchObject({ code: 'NOT_FOUND', field: 'proxyUserId' });
      expect(await api.fails(GRANT, { input: { proxyUserId: other.id, consentNote: 'ok' } }, resident.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consentNote' });
      await api.ok(GRANT, { input: { proxyUserId: other.id, consentNote: 'first time' } }, resident.token);
      expect(await api.fails(GRANT, { input: { proxyUserId: other.id, consentNote: 'second time' } }, resident.token)).toMatchObject({ code: 'CONFLICT' });
      expect(await api.fails(GRANT, { input: { proxyUserId: other.id, consentNote: 'no token' } })).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('should show the phone to an official in scope, audited, and mask it for one out of scope', async () => {
      const regions = await api.make.regions();
      const resident = await api.make.user({ homeRegionId: regions.grid.id });
      const inScope = await api.make.official(regions.street);
      const outOfScope = await api.make.official(regions.otherStreet);
      expect((await api.ok(USER_PHONE, { phone: resident.phone }, inScope.token)).userByPhone.phone).toBe(resident.phone);
      expect((await api.ok(USER_PHONE, { phone: resident.phone }, outOfScope.token)).userByPhone.phone).toContain('****');
      const reads = await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'pii.read' AND subject_id = $1`, [resident.id]);
      expect(reads).toEqual([{ actor_user_id: inScope.id }]);
    });

    it('should withdraw a consent with revokeProxy', async () => {
      const resident = await api.make.user();
      const leader = await api.make.user();
      await api.make.proxyGrant(resident, leader);
      await api.ok(`mutation($input: RevokeProxyInput!) { revokeProxy(input: $input) }`, { input: { proxyUserId: leader.id } }, resident.token);
      expect((await api.ok(USER_PHONE, { phone: resident.phone }, leader.token)).userByPhone.phone).toContain('****');
      expect(await api.fails(`mutation($input: RevokeProxyInput!) { revokeProxy(input: $input) }`, { input: { proxyUserId: leader.id } }, resident.token)).toMatchObject({ code: 'NOT_FOUND' });
    });
  });
});
