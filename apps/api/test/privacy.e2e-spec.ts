import { SIGN_UP_CONSENT, TestRegions, TestUser } from './support/factories';
import { TestApi } from './support/test-api';

const DETAILS = `homeRegion { id } languages elderMode locale availability { weekday } birthDate attendanceRate`;
const NEED = `query($id: ID!) { need(id: $id) { postedBy { id displayName ${DETAILS} } } }`;
const CHECK_IN = `mutation($id: ID!, $code: String) { checkIn(input: { claimId: $id, code: $code }) { id status } }`;

const HIDDEN = { homeRegion: null, languages: [], elderMode: false, locale: 'zh-CN', availability: [], birthDate: null, attendanceRate: null };

describe('privacy, names and codes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api.close();
  });

  describe("residents' details", () => {
    let regions: TestRegions;
    let resident: TestUser;
    let needId: string;
    const shown = () => ({ homeRegion: { id: regions.grid.id }, languages: ['sichuanese'], elderMode: true, locale: 'zh-TW', availability: [{ weekday: 2 }], birthDate: '1948-05-01' });

    beforeAll(async () => {
      regions = await api.make.regions();
      resident = await api.make.user({ homeRegionId: regions.grid.id, displayName: '张德福' });
      await api.sql(`UPDATE user_account SET languages = '{sichuanese}', elder_mode = true, locale = 'zh-TW', birth_date = '1948-05-01', availability = '[{"weekday":2,"startMinute":540,"endMinute":720}]' WHERE id = $1`, [resident.id]);
      const [{ id }] = await api.sql(`INSERT INTO need (title, description, category, region_id, region_path, posted_by_id) VALUES ('修门', '门坏了', 'OTHER', $1, $2, $3) RETURNING id`, [regions.grid.id, regions.grid.path, resident.id]);
      needId = id;
    });

    const postedBy = async (token?: string) => (await api.ok(NEED, { id: needId }, token)).need.postedBy;

    it('should show a stranger, signed in or not, only the name through a need', async () => {
      const stranger = await api.make.user();
      for (const token of [undefined, stranger.token]) expect(await postedBy(token)).toEqual({ id: resident.id, displayName: '张德福', ...HIDDEN });
    });

    it('should show the details to the person, their proxy and an administrator', async () => {
      const proxy = await api.make.user();
      await api.make.proxyGrant(resident, proxy);
      const admin = await api.make.user({ role: 'ADMIN' });
      for (const u of [resident, proxy, admin]) expect(await postedBy(u.token)).toMatchObject(shown());
    });

    it('should show the details to coordinators of an organisation the person claimed with, not to those of another', async () => {
      const { coordinator, orgId } = await api.make.coordinatedOrganization();
      const other = await api.make.coordinatedOrganization();
      const task = await api.make.task(orgId, regions.grid);
      expect(await postedBy(coordinator.token)).toMatchObject(HIDDEN);
      await api.make.claim(task.shiftIds[0], resident, 'WAITLISTED');
      expect(await postedBy(coordinator.token)).toMatchObject(shown());
      expect(await postedBy(other.coordinator.token)).toMatchObject(HIDDEN);
    });

    it('should show the details to an official over the home, audited, and hide them from one elsewhere', async () => {
      const inScope = await api.make.official(regions.street);
      const elsewhere = await api.make.official(regions.otherStreet);
      expect(await postedBy(elsewhere.token)).toMatchObject(HIDDEN);
      expect(await postedBy(inScope.token)).toMatchObject(shown());
      const audit = await api.sql(`SELECT actor_user_id, detail FROM audit_entry WHERE action = 'pii.read' AND subject_id = $1 AND detail->>'field' = 'details'`, [resident.id]);
      expect(audit).toEqual([{ actor_user_id: inScope.id, detail: { field: 'details', basis: 'official' } }]);
    });

    it('should hide the details of members from a stranger reading an organisation', async () => {
      const orgId = await api.make.organization(regions.grid.id, [[resident, 'MEMBER']]);
      const { organization } = await api.ok(`query($id: ID!) { organization(id: $id) { members { edges { node { user { ${DETAILS} } } } } } }`, { id: orgId });
      expect(organization.members.edges.map((e: { node: { user: unknown } }) => e.node.user)).toEqual([HIDDEN]);
    });
  });

  describe('userByPhone', () => {
    const FIND = `query($phone: String!) { userByPhone(phone: $phone) { id displayName phone } }`;

    it('should refuse the anonymous, answer the signed-in with a masked phone, audit each look-up and stop after ten an hour', async () => {
      const target = await api.make.user({ displayName: '李四' });
      expect((await api.fails(FIND, { phone: target.phone })).code).toBe('UNAUTHENTICATED');
      const asker = await api.make.user();
      const first = (await api.ok(FIND, { phone: target.phone }, asker.token)).userByPhone;
      expect(first).toEqual({ id: target.id, displayName: '李四', phone: `${target.phone.slice(0, 3)}****${target.phone.slice(7)}` });
      const rest = await Promise.all(Array.from({ length: 12 }, () => api.gql(FIND, { phone: target.phone }, asker.token)));
      expect(rest.filter((r) => r.errors?.[0].extensions?.code === 'RATE_LIMITED')).toHaveLength(3);
      const audit = await api.sql(`SELECT detail FROM audit_entry WHERE action = 'user.lookupByPhone' AND actor_user_id = $1`, [asker.id]);
      expect(audit).toHaveLength(10);
      expect(JSON.stringify(audit)).not.toContain(target.phone);
    });
  });

  describe('display names', () => {
    const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { displayName } } }`;
    const UPDATE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName } }`;
    let n = 0;
    const register = (displayName: string) =>
      api.gql(REGISTER, { input: { phone: `1770${String(Date.now() % 1e7 + n++).padStart(7, '0')}`, password: 'long enough password', displayName, consent: SIGN_UP_CONSENT } }, undefined, { 'x-forwarded-for': `203.0.113.${n}` });

    it.each<[string, string, string]>([
      ['only zero-width characters', '\u200B\u200C\u200D\uFEFF', 'name.invisible'],
      ['only a Hangul filler and spaces', '\u3164 \u3164', 'name.invisible'],
      ['only punctuation', '...', 'name.invisible'],
      ['系统管理员', '系统管理员', 'name.reserved'],
      ['a name with 管理员 inside', '小区管理员老王', 'name.reserved'],
      ['客服', '客服小美', 'name.reserved'],
      ['Administrator', 'Administrator', 'name.reserved'],
      ['ADMIN in full-width letters', 'ＡＤＭＩＮ', 'name.reserved'],
      ['admin spelt with dots', 'a.d.m.i.n', 'name.reserved'],
      ['support as a word', 'Support Team', 'name.reserved'],
    ])('should refuse a name of %s with BAD_USER_INPUT', async (_label, name, key) => {
      const r = await register(name);
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'displayName', key });
    });

    it.each<[string, string, string]>([
      ['a bidi override removed', '王\u202E小明', '王小明'],
      ['zero-width joiners removed', '李\u200D秀\u200B英', '李秀英'],
      ['decomposed accents composed (NFC)', 'Rene\u0301e', 'Renée'],
      ['spaces run together', '  陈   静 ', '陈 静'],
      ['a word that only contains admin', 'Badminton Fan', 'Badminton Fan'],
    ])('should store a name with %s', async (_label, name, stored) => {
      const r = await register(name);
      expect(r.errors).toBeUndefined();
      expect(r.data?.register.user.displayName).toBe(stored);
    });

    it('should apply the same rules when a name is changed, and let an administrator keep a staff name', async () => {
      const u = await api.make.user();
      expect(await api.fails(UPDATE, { input: { displayName: '官方客服' } }, u.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'name.reserved' });
      expect(await api.fails(UPDATE, { input: { displayName: '\u202E\u202E' } }, u.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'name.invisible' });
      const admin = await api.make.user({ role: 'ADMIN' });
      expect((await api.ok(UPDATE, { input: { displayName: '系统管理员' } }, admin.token)).updateProfile.displayName).toBe('系统管理员');
    });

    it('should clean organisation names the same way', async () => {
      const regions = await api.make.regions();
      const u = await api.make.user();
      const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { name } }`;
      expect((await api.ok(CREATE, { input: { name: '益邻\u202E社区', kind: 'NGO', regionId: regions.grid.id } }, u.token)).createOrganization.name).toBe('益邻社区');
      expect(await api.fails(CREATE, { input: { name: '\u200B', kind: 'NGO', regionId: regions.grid.id } }, u.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    });
  });

  describe('check-in codes', () => {
    const setUp = async () => {
      const { regions, coordinator, orgId } = await api.make.coordinatedOrganization();
      const task = await api.make.task(orgId, regions.grid, { requiresCheckInCode: true, shifts: [{ startInHours: 0.1, capacity: 5 }] });
      const volunteer = await api.make.user();
      const claimId = await api.make.claim(task.shiftIds[0], volunteer);
      const wrong = String((Number(task.codes[0]) + 1) % 1_000_000).padStart(6, '0');
      return { coordinator, volunteer, claimId, code: task.codes[0], wrong, orgId, regions };
    };

    it('should compare at most five of 100 wrong codes sent at once, then lock the claim until a coordinator checks the volunteer in', async () => {
      const { coordinator, volunteer, claimId, code, wrong } = await setUp();
      const results = await Promise.all(Array.from({ length: 100 }, () => api.gql(CHECK_IN, { id: claimId, code: wrong }, volunteer.token)));
      const keys = results.map((r) => r.errors?.[0].extensions?.key);
      expect(keys.filter((k) => k === 'checkIn.codeWrong')).toHaveLength(4);
      expect(keys.filter((k) => k === 'checkIn.locked')).toHaveLength(96);
      const [row] = await api.sql(`SELECT status, check_in_failures, check_in_locked_at IS NOT NULL AS locked FROM shift_claim WHERE id = $1`, [claimId]);
      expect(row).toEqual({ status: 'CONFIRMED', check_in_failures: 5, locked: true });
      expect(await api.fails(CHECK_IN, { id: claimId, code }, volunteer.token)).toMatchObject({ code: 'CONFLICT', key: 'checkIn.locked' });
      expect(await api.sql(`SELECT actor_user_id FROM audit_entry WHERE action = 'checkIn.locked' AND subject_id = $1`, [claimId])).toEqual([{ actor_user_id: volunteer.id }]);
      expect((await api.ok(CHECK_IN, { id: claimId }, coordinator.token)).checkIn.status).toBe('CHECKED_IN');
    });

    it('should still take the right code after a few wrong ones', async () => {
      const { volunteer, claimId, code, wrong } = await setUp();
      for (let i = 0; i < 3; i++) await api.gql(CHECK_IN, { id: claimId, code: wrong }, volunteer.token);
      expect((await api.ok(CHECK_IN, { id: claimId, code }, volunteer.token)).checkIn.status).toBe('CHECKED_IN');
    });

    it('should stop a person trying codes across many claims after 20 wrong ones an hour', async () => {
      const proxy = await api.make.user();
      const claims = [];
      for (let i = 0; i < 6; i++) {
        const c = await setUp();
        await api.make.proxyGrant(c.volunteer, proxy);
        claims.push(c);
      }
      const keys: unknown[] = [];
      for (const c of claims) for (let i = 0; i < 4; i++) keys.push((await api.gql(CHECK_IN, { id: c.claimId, code: c.wrong }, proxy.token)).errors?.[0].extensions?.key);
      expect(keys.slice(0, 20).every((k) => k === 'checkIn.codeWrong')).toBe(true);
      expect(keys.slice(20)).toEqual(['checkIn.tooManyAttempts', 'checkIn.tooManyAttempts', 'checkIn.tooManyAttempts', 'checkIn.tooManyAttempts']);
    });
  });
});
