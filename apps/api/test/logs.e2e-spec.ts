import { randomInt } from 'node:crypto';
import { TestApi } from './support/test-api';
import { SIGN_UP_CONSENT } from './support/factories';

const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { accessToken refreshToken deviceToken user { id } } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken user { id } } }`;

/**
 * Personal data stays out of the log: the API runs at its most talkative level while a
 * person signs up and in, a statement fails in the database, and a request carries a
 * password in its query string; then every line is searched for what was used.
 */
describe('logs', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ captureLog: true, logLevel: 'trace' });
  });
  afterAll(async () => {
    await api.close();
  });

  it('should hold no phone, password, token or password hash of anything a person sent, at any level', async () => {
    const phone = `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
    const password = 'correct horse battery staple';
    const secrets: string[] = [phone, password, phone.slice(3), `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`];

    const signUp = await api.ok(REGISTER, { input: { phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, password, displayName: '日志测试', consent: SIGN_UP_CONSENT } });
    secrets.push(signUp.register.accessToken, signUp.register.refreshToken, signUp.register.deviceToken);

    // A wrong password, then the right one.
    expect((await api.fails(LOGIN, { input: { phone, password: `${password}!` } })).code).toBe('UNAUTHENTICATED');
    secrets.push(`${password}!`);
    const signIn = await api.ok(LOGIN, { input: { phone, password } });
    secrets.push(signIn.login.accessToken, signIn.login.refreshToken);
    await api.ok(`{ me { id phone } }`, {}, signIn.login.accessToken);

    // A statement the database refuses: two sign-ups for one phone at once hit the unique index.
    const twin = `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
    secrets.push(twin, twin.slice(3));
    await Promise.all(Array.from({ length: 6 }, () => api.gql(REGISTER, { input: { phone: twin, password, displayName: '双胞胎', consent: SIGN_UP_CONSENT } })));
    // A statement that fails for a reason nobody expected: the database raises an internal
    // error quoting the row, so the API logs it at error level with the driver's error.
    await api.sql(`CREATE FUNCTION fail_on_purpose() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.display_name = '触发故障' THEN RAISE EXCEPTION 'refusing row for %', NEW.phone USING ERRCODE = 'XX000'; END IF; RETURN NEW; END $$`);
    await api.sql(`CREATE TRIGGER fail_on_purpose BEFORE INSERT ON user_account FOR EACH ROW EXECUTE FUNCTION fail_on_purpose()`);
    const broken = `139${String(randomInt(0, 1e8)).padStart(8, '0')}`;
    secrets.push(broken, broken.slice(3));
    const failed = await api.gql(REGISTER, { input: { phone: broken, password, displayName: '触发故障', consent: SIGN_UP_CONSENT } }, undefined, { 'x-request-id': 'broken-sign-up-1' });
    expect(failed.errors?.[0].extensions?.code).toBe('INTERNAL');
    await api.sql(`DROP TRIGGER fail_on_purpose ON user_account`);
    // The error line and the request line both name the request.
    expect(api.logAtLeast(50).filter((l) => l.msg === 'unexpected error in GraphQL request').map((l) => l.requestId)).toContain('broken-sign-up-1');
    expect(api.logAtLeast(30).find((l) => l.msg === 'request completed' && (l.req as { id?: string })?.id === 'broken-sign-up-1')).toMatchObject({ req: { method: 'POST', url: '/graphql' }, res: { statusCode: 200 } });
    const hashes = await api.sql<{ password_hash: string }>(`SELECT password_hash FROM user_account WHERE phone IN ($1, $2)`, [phone, twin]);
    secrets.push(...hashes.map((h) => h.password_hash), ...hashes.map((h) => h.password_hash.split('$').pop()!));

    // A GET whose query string carries a password, refused by CSRF prevention.
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ me { id } }')}&phone=${phone}&password=${encodeURIComponent(password)}`);
    expect(res.status).toBe(400);
    await fetch(`${api.url}/nothing-here?password=${encodeURIComponent(password)}&phone=${phone}`);

    const log = api.logLines.join('\n');
    expect(api.logLines.length).toBeGreaterThan(20); // the log was on, at trace, the whole time
    expect(log).toContain('"url":"/graphql"');
    for (const secret of secrets.filter(Boolean)) {
      if (log.includes(secret)) throw new Error(`the log holds ${secret.slice(0, 6)}…: ${api.logLines.find((l) => l.includes(secret))}`);
    }
    expect(log).not.toMatch(/\$argon2id\$/);
  });
});
