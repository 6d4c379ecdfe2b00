import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashPassword, PRIVACY_NOTICE } from '@civicgrid/identity';
import { TokenService } from '@civicgrid/platform';

const HOUR = 3_600_000;
// One argon2id hash of FACTORY_PASSWORD shared by every factory user: hashing is slow.
let passwordHash: Promise<string> | undefined;
export const FACTORY_PASSWORD = 'password123';
/** What a resident signing up accepts: the privacy notice in force and the terms. */
export const SIGN_UP_CONSENT = { privacyNoticeVersion: PRIVACY_NOTICE.version, termsAccepted: true };

export interface TestUser {
  id: string;
  phone: string;
  token: string;
}
export interface TestRegions {
  district: { id: string; path: string };
  street: { id: string; path: string };
  community: { id: string; path: string };
  grid: { id: string; path: string };
  otherStreet: { id: string; path: string };
  otherGrid: { id: string; path: string };
}

let phoneCounter = randomInt(10_000_000, 80_000_000);
// Each region tree gets a district code of its own (national form: 12 digits, a grid 15),
// below 400000 so that tests importing real-looking districts (41…, 51…) never meet them.
let districtCounter = randomInt(110_000, 390_000);

/** Builds rows straight into the test's database; every test makes its own. */
export class Factories {
  constructor(
    private readonly db: DataSource,
    private readonly tokens: TokenService,
  ) {}

  private async insert(table: string, row: Record<string, unknown>): Promise<string> {
    const cols = Object.keys(row);
    const res: { id: string }[] = await this.db.query(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      cols.map((c) => row[c]),
    );
    return String(res[0].id);
  }

  nextPhone(): string {
    return `137${String(phoneCounter++).padStart(8, '0')}`;
  }

  async user(
    over: {
      role?: string;
      homeRegionId?: string | null;
      skills?: string[];
      displayName?: string;
      /** Weekly windows, local time (weekday 0 = Monday, minutes from midnight). */
      availability?: { weekday: number; startMinute: number; endMinute: number }[];
      birthDate?: string;
      leadsGridId?: string;
    } = {},
  ): Promise<TestUser> {
    passwordHash ??= hashPassword(FACTORY_PASSWORD);
    const phone = this.nextPhone();
    const id = await this.insert('user_account', {
      phone,
      password_hash: await passwordHash,
      display_name: over.displayName ?? `Volunteer ${phone.slice(-4)}`,
      role: over.role ?? 'RESIDENT',
      home_region_id: over.homeRegionId ?? null,
      skills: over.skills ?? [],
      ...(over.availability ? { availability: JSON.stringify(over.availability) } : {}),
      ...(over.birthDate ? { birth_date: over.birthDate } : {}),
      ...(over.leadsGridId ? { leads_grid_id: over.leadsGridId } : {}),
    });
    return { id, phone, token: await this.token(id) };
  }

  /** A fresh session for the person and an access token naming it, as signing in would give. */
  async token(userId: string): Promise<string> {
    const [s]: { id: string }[] = await this.db.query(`INSERT INTO auth_session (user_id, expires_at) VALUES ($1, now() + interval '30 days') RETURNING id`, [userId]);
    return this.tokens.sign({ userId, sessionId: s.id });
  }

  async users(n: number): Promise<TestUser[]> {
    const out: TestUser[] = [];
    for (let i = 0; i < n; i++) out.push(await this.user());
    return out;
  }

  private async region(level: string, parent: { id: string; path: string } | null, name: string, code: string): Promise<{ id: string; path: string }> {
    const id = randomUUID();
    const path = parent ? `${parent.path}/${id}` : `/${id}`;
    await this.insert('region', { id, parent_id: parent?.id ?? null, level, code, name, path, latitude: 30.6, longitude: 104.0 });
    return { id, path };
  }

  /** district → street → community → grid, plus a second street with its own grid. */
  async regions(): Promise<TestRegions> {
    const d = String(districtCounter++);
    const district = await this.region('DISTRICT', null, '测试区', `${d}000000`);
    const street = await this.region('STREET', district, '测试街道', `${d}001000`);
    const community = await this.region('COMMUNITY', street, '测试社区', `${d}001001`);
    const grid = await this.region('GRID', community, '测试网格', `${d}001001001`);
    const otherStreet = await this.region('STREET', district, '另一街道', `${d}002000`);
    const otherCommunity = await this.region('COMMUNITY', otherStreet, '另一社区', `${d}002001`);
    const otherGrid = await this.region('GRID', otherCommunity, '另一网格', `${d}002001001`);
    return { district, street, community, grid, otherStreet, otherGrid };
  }

  async official(region: { id: string }): Promise<TestUser> {
    const u = await this.user({ role: 'OFFICIAL' });
    await this.insert('official_post', { user_id: u.id, region_id: region.id, title: '街道办干部' });
    return u;
  }

  async organization(regionId: string, members: [TestUser, string][] = [], over: { kind?: string; name?: string; verified?: boolean } = {}): Promise<string> {
    const verified = over.verified ?? true;
    const id = await this.insert('organization', { name: over.name ?? `Org ${randomUUID().slice(0, 6)}`, kind: over.kind ?? 'NGO', region_id: regionId, verified, verified_at: verified ? new Date() : null });
    for (const [u, role] of members) await this.member(id, u, role);
    return id;
  }

  /** A region tree, and an organisation in its grid run by a fresh coordinator: most volunteering tests start here. */
  async coordinatedOrganization(): Promise<{ regions: TestRegions; coordinator: TestUser; orgId: string }> {
    const regions = await this.regions();
    const coordinator = await this.user();
    const orgId = await this.organization(regions.grid.id, [[coordinator, 'COORDINATOR']]);
    return { regions, coordinator, orgId };
  }

  async member(organizationId: string, user: TestUser, role: string): Promise<void> {
    await this.insert('membership', { organization_id: organizationId, user_id: user.id, role, status: 'ACTIVE' });
  }

  /**
   * A task with shifts given as hours from now (may lie in the past, unlike the API's
   * createTask), published unless said otherwise.
   */
  async task(
    organizationId: string,
    region: { id: string; path: string },
    over: {
      status?: string;
      requiresApproval?: boolean;
      requiresCheckInCode?: boolean;
      category?: string;
      skills?: string[];
      skillsMandatory?: boolean;
      minimumAge?: number;
      shifts?: { startInHours: number; hours?: number; capacity: number }[];
    } = {},
  ): Promise<{ id: string; shiftIds: string[]; codes: string[] }> {
    const status = over.status ?? 'PUBLISHED';
    const id = await this.insert('task', {
      organization_id: organizationId,
      title: 'Test task',
      category: over.category ?? 'OTHER',
      region_id: region.id,
      region_path: region.path,
      required_skills: over.skills ?? [],
      skills_mandatory: over.skillsMandatory ?? false,
      minimum_age: over.minimumAge ?? null,
      requires_approval: over.requiresApproval ?? false,
      requires_check_in_code: over.requiresCheckInCode ?? false,
      status,
      published_at: status === 'DRAFT' ? null : new Date(),
    });
    const shiftIds: string[] = [];
    const codes: string[] = [];
    for (const s of over.shifts ?? [{ startInHours: 24, capacity: 5 }]) {
      const shift = await this.shift(id, s);
      shiftIds.push(shift.id);
      codes.push(shift.code);
    }
    return { id, shiftIds, codes };
  }

  /**
   * A shift of the task, starting `startInHours` from now (may lie in the past) and lasting
   * `hours` (2 unless said), with a random check-in code; the database's own checks apply.
   */
  async shift(taskId: string, s: { startInHours: number; hours?: number; capacity: number }): Promise<{ id: string; code: string }> {
    const startsAt = new Date(Date.now() + s.startInHours * HOUR);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = await this.insert('shift', { task_id: taskId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + (s.hours ?? 2) * HOUR), capacity: s.capacity, check_in_code: code });
    return { id, code };
  }

  async proxyGrant(resident: TestUser, proxy: TestUser): Promise<void> {
    await this.insert('proxy_grant', { resident_id: resident.id, proxy_id: proxy.id, consent_note: 'agreed in person' });
  }

  async claim(shiftId: string, volunteer: TestUser, status = 'CONFIRMED', extra: Record<string, unknown> = {}): Promise<string> {
    return this.insert('shift_claim', { shift_id: shiftId, volunteer_id: volunteer.id, status, ...extra });
  }
}
