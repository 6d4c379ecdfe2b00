/**
 * The district, generated in memory from a seed and a "now": regions, people,
 * organisations, tasks, shifts, claims and service records. People, organisations and
 * tasks are plain objects (there are at most 100k of each); shifts and claims live in
 * typed arrays, since millions of objects would not fit comfortably. The counts the
 * database's triggers keep (a shift's confirmed, waitlisted and pending claims, a need's
 * supporters) are computed here as the claims are made. Nothing here touches a database.
 */
import { CLAIM_STATUSES, ClaimStatus, HOLDS_PLACE, HOLDS_TIME } from '@civicgrid/volunteering';
import { Ids, Random, WeightTable } from './random';
import type { Scale } from './scales';
import {
  CAPACITIES,
  CATEGORIES,
  DEPARTMENTS,
  DISTRICT,
  GIVEN,
  GROUP_SUFFIXES,
  LANGUAGES,
  MERCHANT_WORDS,
  NEEDS,
  NGO_SUFFIXES,
  NGO_WORDS,
  REVIEW_COMMENTS,
  SENIOR_TITLES,
  SHIFT_HOURS,
  SHIFT_LENGTHS,
  SKILLS,
  STREETS,
  SURNAMES,
  TASKS,
} from './vocabulary';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Asia/Shanghai has no daylight saving: local time is UTC+8 all year. */
const SHANGHAI = 8 * HOUR;
/** How far back and ahead of "now" shifts reach. */
export const DAYS_BACK = 365;
export const DAYS_AHEAD = 60;

/** A claim's status as its index in CLAIM_STATUSES (the typed arrays hold the index). */
export const STATUS = Object.fromEntries(CLAIM_STATUSES.map((s, i) => [s, i])) as Record<ClaimStatus, number>;
const inSet = (set: readonly ClaimStatus[]) => CLAIM_STATUSES.map((s) => set.includes(s));
/** By status index: counted in shift.confirmed_count. */
export const HOLDS_PLACE_BY_CODE = inSet(HOLDS_PLACE);
const HOLDS_TIME_BY_CODE = inSet(HOLDS_TIME);
const { CONFIRMED, WAITLISTED, PENDING_APPROVAL, CANCELLED, CHECKED_IN, ATTENDED, NO_SHOW, REJECTED } = STATUS;

/** A service record's status, by code in `Claims.record` (0: the claim has none). */
export const RECORD_STATUS = [null, 'PENDING', 'VERIFIED', 'REJECTED'] as const;
const [, RECORD_PENDING, RECORD_VERIFIED, RECORD_REJECTED] = [0, 1, 2, 3];

export type Level = 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'GRID';
export interface Region {
  id: string;
  parent: number;
  level: Level;
  code: string;
  name: string;
  nameEn: string;
  lat: number;
  lng: number;
  path: string;
  street: number;
  community: number;
}

export type Role = 'RESIDENT' | 'OFFICIAL' | 'ADMIN' | 'DEPARTMENT_STAFF';
export interface Person {
  id: string;
  phone: string;
  name: string;
  role: Role;
  home: number;
  leads: number;
  skills: string[];
  skillMask: number;
  languages: string[];
  elder: boolean;
  locale: 'zh-CN' | 'zh-TW' | 'en';
  createdAt: number;
  availability: string;
  birthDate: string | null;
  email: string | null;
}

export type OrgKind = 'NGO' | 'SOCIAL_GROUP' | 'MERCHANT' | 'SENIORS_COUNCIL' | 'WOMENS_FEDERATION' | 'RESIDENTS_COMMITTEE' | 'STREET_OFFICE' | 'DEPARTMENT';
export interface Organization {
  id: string;
  name: string;
  kind: OrgKind;
  region: number;
  description: string;
  verifiedAt: number;
  verifiedBy: number;
  createdBy: number;
  createdAt: number;
  /** members who may manage tasks (OWNER, ADMIN, COORDINATOR), owner first */
  managers: number[];
}

export interface Membership {
  org: number;
  user: number;
  role: 'OWNER' | 'ADMIN' | 'COORDINATOR' | 'MEMBER';
  status: 'INVITED' | 'REQUESTED' | 'ACTIVE' | 'LEFT';
  seniorTitle: string | null;
  invitedBy: number;
  createdAt: number;
  updatedAt: number;
}

export type TaskStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'COMPLETED' | 'CANCELLED';
export interface Task {
  id: string;
  org: number;
  title: string;
  description: string;
  category: string;
  region: number;
  skills: string[];
  skillMask: number;
  skillsMandatory: boolean;
  minimumAge: number | null;
  approval: boolean;
  checkInCode: boolean;
  status: TaskStatus;
  createdBy: number;
  /** the manager who decides claims, checks people in and verifies service */
  coordinator: number;
  createdAt: number;
  publishedAt: number | null;
  closedAt: number | null;
  /** CANCELLED: when, halfway between publication and the first shift (or now) */
  cancelledAt: number | null;
  completedAt: number | null;
  firstShift: number;
  shiftCount: number;
}

export interface Shifts {
  count: number;
  task: Int32Array;
  start: Float64Array;
  end: Float64Array;
  capacity: Int32Array;
  code: Int32Array;
  confirmed: Int32Array;
  waitlisted: Int32Array;
  pending: Int32Array;
}

/** Claims in the order they are loaded (by shift start, then arrival), with their service records. */
export interface Claims {
  count: number;
  shift: Int32Array;
  volunteer: Int32Array;
  /** the proxy who claimed for the volunteer, or -1 */
  proxy: Int32Array;
  status: Uint8Array;
  /** times in epoch seconds; 0 is "none" */
  createdAt: Uint32Array;
  updatedAt: Uint32Array;
  checkInAt: Uint32Array;
  checkOutAt: Uint32Array;
  checkedInBy: Int32Array;
  decidedBy: Int32Array;
  checkInFailures: Uint8Array;
  /** index into RECORD_STATUS: the claim's service record, if it has one */
  record: Uint8Array;
  verifiedAt: Uint32Array;
  records: number;
}

export interface Need {
  id: string;
  title: string;
  description: string;
  category: string;
  region: number;
  status: 'OPEN' | 'ADOPTED' | 'FULFILLED' | 'CLOSED';
  postedBy: number;
  onBehalfOf: number;
  adoptedBy: number;
  task: number;
  createdAt: number;
  supporters: number[];
}

export interface District {
  seed: number;
  scale: Scale;
  now: number;
  regions: Region[];
  grids: number[];
  people: Person[];
  volunteers: number[];
  officialPosts: { user: number; region: number; title: string; createdAt: number }[];
  proxyGrants: { id: string; resident: number; proxy: number; grantedAt: number; revokedAt: number | null }[];
  organizations: Organization[];
  memberships: Membership[];
  alliances: { id: string; name: string; region: number; steward: number; createdBy: number; createdAt: number }[];
  allianceMembers: { id: string; alliance: number; org: number; status: 'APPLIED' | 'ACTIVE' | 'REJECTED'; pledges: string[]; joinedAt: number | null; decidedBy: number; createdAt: number }[];
  tasks: Task[];
  shifts: Shifts;
  shiftIds: string[];
  claims: Claims;
  needs: Need[];
  reviews: { task: number; reviewer: number; rating: number; comment: string | null; createdAt: number }[];
  /** who to sign in as */
  accounts: { admin: number; officials: number[]; coordinator: number; gridLeader: number; volunteer: number };
}

export const PLEDGES = ['WASTE_SORTING', 'SAFETY_PATROL', 'VOLUNTEER_DISCOUNT', 'ELDER_MEALS'];

/** Claims grow in chunks; typed arrays cannot grow in place. */
class ClaimLog implements Claims {
  count = 0;
  records = 0;
  shift = new Int32Array(0);
  volunteer = new Int32Array(0);
  proxy = new Int32Array(0);
  status = new Uint8Array(0);
  createdAt = new Uint32Array(0);
  updatedAt = new Uint32Array(0);
  checkInAt = new Uint32Array(0);
  checkOutAt = new Uint32Array(0);
  checkedInBy = new Int32Array(0);
  decidedBy = new Int32Array(0);
  checkInFailures = new Uint8Array(0);
  record = new Uint8Array(0);
  verifiedAt = new Uint32Array(0);

  constructor(expected: number) {
    this.grow(expected);
  }

  private grow(size: number): void {
    const keys = ['shift', 'volunteer', 'proxy', 'status', 'createdAt', 'updatedAt', 'checkInAt', 'checkOutAt', 'checkedInBy', 'decidedBy', 'checkInFailures', 'record', 'verifiedAt'] as const;
    for (const k of keys) {
      const old = this[k];
      const next = new (old.constructor as new (n: number) => typeof old)(size);
      next.set(old.subarray(0, this.count) as never);
      (this as Record<string, unknown>)[k] = next;
    }
  }

  add(shift: number, volunteer: number, proxy: number, createdAt: number): number {
    if (this.count === this.shift.length) this.grow(Math.ceil(this.shift.length * 1.5) + 1024);
    const i = this.count++;
    this.shift[i] = shift;
    this.volunteer[i] = volunteer;
    this.proxy[i] = proxy;
    this.createdAt[i] = this.updatedAt[i] = createdAt;
    this.checkedInBy[i] = this.decidedBy[i] = -1;
    return i;
  }
}

const sec = (ms: number) => Math.floor(ms / 1000);

/** Generates the whole district. Deterministic: the same seed, scale and now give the same district. */
export function generateDistrict(scale: Scale, seed: number, now: number): District {
  const rng = (stream: string) => new Random(seed, stream);
  const ids = (table: string) => new Ids(seed, table);
  /** Midnight in Shanghai of the local day that holds "now". */
  const today = Math.floor((now + SHANGHAI) / DAY) * DAY - SHANGHAI;
  const past = (r: Random, maxDays: number, minDays = 0) => now - (minDays + r.float() * (maxDays - minDays)) * DAY;

  // ---------- regions: the demo's district, streets, communities and grids ----------
  const regionIds = ids('region');
  const regions: Region[] = [];
  const region = (r: Omit<Region, 'id' | 'path'>): number => {
    const id = regionIds.of(regions.length);
    regions.push({ ...r, id, path: r.parent < 0 ? `/${id}` : `${regions[r.parent].path}/${id}` });
    return regions.length - 1;
  };
  const districtRegion = region({ parent: -1, level: 'DISTRICT', code: DISTRICT.code, name: DISTRICT.name, nameEn: DISTRICT.nameEn, lat: DISTRICT.lat, lng: DISTRICT.lng, street: -1, community: -1 });
  const streets: number[] = [];
  const communities: number[] = [];
  const grids: number[] = [];
  STREETS.forEach((s, si) => {
    const code = `${DISTRICT.code.slice(0, 6)}${String(si + 1).padStart(3, '0')}000`;
    const street = region({ parent: districtRegion, level: 'STREET', code, name: s.name, nameEn: s.nameEn, lat: s.lat, lng: s.lng, street: si, community: -1 });
    streets.push(street);
    s.communities.forEach((c, ci) => {
      const ccode = `${code.slice(0, 9)}${String(ci + 1).padStart(3, '0')}`;
      const lat = s.lat + (ci - 1) * 0.006;
      const lng = s.lng + (ci - 1) * 0.005;
      const community = region({ parent: street, level: 'COMMUNITY', code: ccode, name: c.name, nameEn: c.nameEn, lat, lng, street: si, community: communities.length });
      communities.push(community);
      for (let g = 1; g <= c.grids; g++) {
        grids.push(
          region({
            parent: community, level: 'GRID', code: `${ccode}${String(g).padStart(3, '0')}`, name: `${c.name}第${g}网格`, nameEn: `${c.nameEn.replace(' Community', '')} Grid ${g}`,
            lat: lat + ((g % 2) - 0.5) * 0.002, lng: lng + (g - 2) * 0.0015, street: si, community: communities.length - 1,
          }),
        );
      }
    });
  });
  const gridsOfCommunity = communities.map((_, ci) => grids.filter((g) => regions[g].community === ci));
  const communitiesOfStreet = streets.map((_, si) => communities.filter((c) => regions[c].street === si));

  // ---------- people ----------
  // Index order: the administrator, officials (district, streets, communities), department
  // staff, volunteers, then the other residents. Phones follow the index: 139 0000 0000 + i.
  const userIds = ids('user_account');
  const r = rng('people');
  const people: Person[] = [];
  const person = (p: Partial<Person> & Pick<Person, 'role' | 'home'>): number => {
    const i = people.length;
    const name = p.name ?? r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
    people.push({
      id: userIds.of(i), phone: String(13900000000 + i), name, leads: -1, skills: [], skillMask: 0, languages: ['zh'], elder: false, locale: 'zh-CN',
      createdAt: past(r, 3 * 365, DAYS_BACK + 80), availability: '[]', birthDate: null, email: null, ...p,
    });
    return i;
  };
  const admin = person({ role: 'ADMIN', home: -1, name: '系统管理员', locale: 'en' });
  const officials = [districtRegion, ...streets, ...communities].map((reg) => person({ role: 'OFFICIAL', home: reg }));
  const departmentStaff = DEPARTMENTS.map(() => person({ role: 'DEPARTMENT_STAFF', home: -1 }));

  const volunteers: number[] = [];
  for (let v = 0; v < scale.volunteers; v++) {
    const skills = r.some(SKILLS, r.weighted([[0, 1], [1, 4], [2, 3], [3, 1]]));
    const windows = r.weighted([[1, 3], [2, 4], [3, 2]]);
    const availability = Array.from({ length: windows }, (_, k) => {
      const evening = r.chance(0.5);
      const startMinute = evening ? 18 * 60 : r.pick([7, 8, 9, 13, 14]) * 60;
      return { weekday: (k * 2 + r.int(2) + (evening ? 0 : 5)) % 7, startMinute, endMinute: startMinute + r.pick([3, 4, 5]) * 60 };
    }).sort((a, b) => a.weekday - b.weekday);
    const birthYear = r.weighted([[1950 + r.int(15), 2], [1965 + r.int(20), 4], [1985 + r.int(20), 4]]);
    const i = person({
      role: 'RESIDENT',
      home: grids[v % grids.length],
      skills,
      skillMask: skills.reduce((m, s) => m | (1 << SKILLS.indexOf(s)), 0),
      languages: r.chance(0.25) ? ['zh', r.pick(LANGUAGES.slice(1))] : ['zh'],
      locale: r.weighted([['zh-CN', 90], ['zh-TW', 4], ['en', 6]]),
      availability: JSON.stringify(availability),
      birthDate: `${birthYear}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`,
      email: r.chance(0.3) ? `v${people.length}@example.com` : null,
    });
    volunteers.push(i);
  }
  // A grid leader per grid, from the volunteers living there.
  grids.forEach((g, k) => (people[volunteers[k % volunteers.length]].leads = g));
  const leaderOf = new Map(grids.map((g, k) => [g, volunteers[k % volunteers.length]]));
  const firstResident = people.length;
  for (let k = volunteers.length; k < scale.residents; k++) {
    const elder = r.chance(0.06);
    person({
      role: 'RESIDENT', home: r.pick(grids), elder, languages: elder && r.chance(0.5) ? ['sichuanese'] : ['zh'],
      birthDate: elder ? `${1935 + r.int(15)}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}` : null,
    });
  }

  const officialPosts = officials.map((user, k) => ({
    user,
    region: people[user].home,
    title: k === 0 ? '区委社会工作部干部' : regions[people[user].home].level === 'STREET' ? `${regions[people[user].home].name}办事处副主任` : `${regions[people[user].home].name}党委书记`,
    createdAt: people[user].createdAt + DAY,
  }));

  // Elders who let their grid leader act for them (代办), with consent recorded.
  const proxyIds = ids('proxy_grant');
  const proxyGrants: District['proxyGrants'] = [];
  const proxiedInGrid = new Map<number, number[]>();
  /** when each resident with a standing grant granted it */
  const grantedAt = new Map<number, number>();
  for (let i = firstResident; i < people.length; i++) {
    const p = people[i];
    if (!p.elder || !r.chance(0.3)) continue;
    const proxy = leaderOf.get(p.home)!;
    // Granted before any shift, so every claim made through the grant comes after it.
    const since = past(r, DAYS_BACK + 60, DAYS_BACK + 5);
    const revoked = r.chance(0.08);
    proxyGrants.push({ id: proxyIds.of(proxyGrants.length), resident: i, proxy, grantedAt: since, revokedAt: revoked ? since + r.float() * (now - since) : null });
    if (revoked) continue;
    (proxiedInGrid.get(p.home) ?? proxiedInGrid.set(p.home, []).get(p.home)!).push(i);
    grantedAt.set(i, since);
  }

  // Volunteers by street, in a shuffled order that `Random.skewed` favours from the front: a few very active, most occasional.
  const shuffled = (xs: number[], rr: Random) => {
    const out = xs.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = rr.int(i + 1);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
  const volunteersOfStreet = streets.map((_, si) => shuffled(volunteers.filter((v) => regions[people[v].home].street === si), r));
  const allVolunteers = shuffled(volunteers, r);

  // ---------- organisations, with members ----------
  const ro = rng('organizations');
  const orgIds = ids('organization');
  const organizations: Organization[] = [];
  const memberships: Membership[] = [];
  const streetOf = (reg: number) => regions[reg].street;
  const officialFor = (reg: number) => (streetOf(reg) < 0 ? officials[0] : officials[1 + streetOf(reg)]);
  const organization = (kind: OrgKind, name: string, reg: number, description: string, owner: number): number => {
    const k = organizations.length;
    const since = people[owner].createdAt + DAY;
    // Verified (within three weeks) before the first task was created.
    const createdAt = since + ro.float() * Math.max(0, now - (DAYS_BACK + 60) * DAY - since);
    organizations.push({ id: orgIds.of(k), name, kind, region: reg, description, verifiedAt: createdAt + (1 + ro.float() * 20) * DAY, verifiedBy: officialFor(reg), createdBy: owner, createdAt, managers: [owner] });
    memberships.push({ org: k, user: owner, role: 'OWNER', status: 'ACTIVE', seniorTitle: null, invitedBy: -1, createdAt, updatedAt: createdAt });
    return k;
  };
  const members = new Set<string>();
  const join = (org: number, user: number, role: Membership['role'], seniorTitle: string | null = null) => {
    const o = organizations[org];
    if (user === o.managers[0] || members.has(`${org}:${user}`)) return;
    members.add(`${org}:${user}`);
    const status: Membership['status'] = role !== 'MEMBER' ? 'ACTIVE' : ro.weighted([['ACTIVE', 92], ['REQUESTED', 4], ['INVITED', 2], ['LEFT', 2]]);
    const since = Math.max(o.createdAt, people[user].createdAt);
    const createdAt = since + ro.float() * Math.max(0, now - DAYS_BACK * DAY - since);
    memberships.push({ org, user, role, status, seniorTitle, invitedBy: status === 'INVITED' ? o.managers[0] : -1, createdAt, updatedAt: status === 'LEFT' ? createdAt + ro.float() * (now - createdAt) : createdAt });
    if (role !== 'MEMBER') o.managers.push(user);
  };
  const localVolunteer = (reg: number) => {
    const pool = streetOf(reg) < 0 ? allVolunteers : volunteersOfStreet[streetOf(reg)];
    return pool[ro.int(pool.length)];
  };
  const staffUp = (org: number, coordinators: number, members: number) => {
    const reg = organizations[org].region;
    for (let k = 0; k < coordinators; k++) join(org, localVolunteer(reg), k === 0 && ro.chance(0.3) ? 'ADMIN' : 'COORDINATOR');
    for (let k = 0; k < members; k++) join(org, localVolunteer(reg), 'MEMBER');
  };
  streets.forEach((s, si) => {
    const o = organization('STREET_OFFICE', `${regions[s].name}办事处`, s, `${regions[s].name}的基层政府机构，负责网格化管理与社区治理。`, officials[1 + si]);
    staffUp(o, 2, 3);
  });
  const committeeOf: number[] = [];
  communities.forEach((c, ci) => {
    committeeOf.push(organizations.length);
    const o = organization('RESIDENTS_COMMITTEE', `${regions[c].name}居民委员会`, c, `${regions[c].name}居民委员会。`, officials[1 + streets.length + ci]);
    for (const g of gridsOfCommunity[ci]) join(o, leaderOf.get(g)!, 'COORDINATOR');
    staffUp(o, 0, 8);
  });
  DEPARTMENTS.forEach((name, k) => organization('DEPARTMENT', `${DISTRICT.name}${name}`, districtRegion, `${DISTRICT.name}${name}，到社区报到、处理居民诉求。`, departmentStaff[k]));
  streets.forEach((s) => staffUp(organization('WOMENS_FEDERATION', `${regions[s].name}妇联`, s, '街道妇女联合会，关注妇女儿童与家庭。', localVolunteer(s)), 1, 6));
  streets.forEach((s) => {
    const o = organization('SENIORS_COUNCIL', `${regions[s].name}五老理事会`, s, '由老干部、老战士、老教师等组成，参与矛盾调解与社区议事。', localVolunteer(s));
    for (let k = 0; k < 5; k++) join(o, localVolunteer(s), k === 0 ? 'COORDINATOR' : 'MEMBER', ro.pick(SENIOR_TITLES));
  });
  while (organizations.length < scale.organizations) {
    const kind = ro.weighted<OrgKind>([['NGO', 35], ['SOCIAL_GROUP', 25], ['MERCHANT', 40]]);
    const si = ro.int(streets.length);
    const reg = ro.chance(0.7) ? ro.pick(communitiesOfStreet[si]) : streets[si];
    const place = regions[reg].name.replace(/(社区|街道)$/, '');
    const n = organizations.length;
    const [name, description] =
      kind === 'NGO' ? [`${ro.pick(NGO_WORDS)}${ro.pick(NGO_SUFFIXES)}（${n}）`, '为老服务、儿童关爱与邻里互助。']
      : kind === 'SOCIAL_GROUP' ? [`${place}${ro.pick(GROUP_SUFFIXES)}（${n}）`, '居民自发组成的自治小组。']
      : [`${ro.pick(SURNAMES)}记${ro.pick(MERCHANT_WORDS)}（${n}）`, '社区商户，商家联盟成员。'];
    const o = organization(kind, name, reg, description, localVolunteer(reg));
    if (kind === 'MERCHANT') staffUp(o, ro.int(2), ro.int(4));
    else staffUp(o, 1 + ro.int(3), 5 + ro.int(kind === 'NGO' ? 40 : 20));
  }
  // Merchant alliances (商家联盟), one per street, stewarded by the street office.
  const allianceIds = ids('alliance');
  const memberIds = ids('alliance_member');
  const alliances: District['alliances'] = streets.map((s, si) => ({
    id: allianceIds.of(si), name: `${regions[s].name}商家联盟`, region: s, steward: si, createdBy: officials[1 + si], createdAt: now - (DAYS_BACK + 10) * DAY,
  }));
  const allianceMembers: District['allianceMembers'] = [];
  organizations.forEach((o, k) => {
    if (o.kind !== 'MERCHANT') return;
    const a = streetOf(o.region);
    const status = ro.weighted<'APPLIED' | 'ACTIVE' | 'REJECTED'>([['ACTIVE', 75], ['APPLIED', 20], ['REJECTED', 5]]);
    const createdAt = alliances[a].createdAt + ro.float() * (now - alliances[a].createdAt - DAY);
    allianceMembers.push({
      id: memberIds.of(allianceMembers.length), alliance: a, org: k, status, pledges: ro.some(PLEDGES, 1 + ro.int(3)),
      joinedAt: status === 'ACTIVE' ? createdAt + ro.float() * 3 * DAY : null, decidedBy: status === 'APPLIED' ? -1 : officials[1 + a], createdAt,
    });
  });

  // ---------- tasks and their shifts ----------
  const rt = rng('tasks');
  const taskIds = ids('task');
  const orgWeight: Record<OrgKind, number> = { NGO: 3, RESIDENTS_COMMITTEE: 4, STREET_OFFICE: 3, WOMENS_FEDERATION: 2, SENIORS_COUNCIL: 1, SOCIAL_GROUP: 1, MERCHANT: 0.4, DEPARTMENT: 0.5 };
  const orgTable = new WeightTable(organizations.map((o, k) => [k, orgWeight[o.kind]] as const));
  const capacityTable = CAPACITIES.map(([c, w]) => [c, w] as const);
  const tasks: Task[] = [];
  const shiftStart: number[] = [];
  const shiftLength: number[] = [];
  const shiftCapacity: number[] = [];
  for (let k = 0; k < scale.tasks; k++) {
    // The first task of each grid is its residents' committee's weekly round, running into
    // the coming weeks, so that even a small district has something open in every grid.
    const round = k < grids.length ? grids[k] : -1;
    const org = round >= 0 ? committeeOf[regions[round].community] : rt.from(orgTable);
    const o = organizations[org];
    // Where: mostly a grid under the organisation's region, sometimes its community or street.
    const si = streetOf(o.region) < 0 ? rt.int(streets.length) : streetOf(o.region);
    const community = regions[o.region].level === 'COMMUNITY' ? o.region : rt.pick(communitiesOfStreet[si]);
    const where = rt.float();
    const reg = round >= 0 ? round : where < 0.88 ? rt.pick(gridsOfCommunity[regions[community].community]) : where < 0.97 ? community : streets[si];
    const category = rt.pick(CATEGORIES);
    const { titles, skill } = TASKS[category];
    const title = rt.pick(titles);
    const skills = skill && rt.chance(0.4) ? [skill] : [];
    // When: a one-off, a short run, or a series (daily to fortnightly); laid out so that
    // shifts are spread evenly over the year back and two months ahead, then clipped to it.
    const kind = round >= 0 ? 'series' : rt.weighted([['once', 30], ['run', 30], ['series', 40]] as const);
    const count = kind === 'once' ? 1 : kind === 'run' ? rt.between(2, 6) : rt.between(12, 44);
    const every = round >= 0 ? 7 : kind === 'once' ? 1 : kind === 'run' ? rt.pick([1, 2, 3]) : rt.pick([1, 2, 3, 7, 7, 14]);
    const span = (count - 1) * every;
    const firstDay = round >= 0 ? -span + rt.between(14, 28) : rt.between(-DAYS_BACK - span, DAYS_AHEAD - 1);
    const hour = rt.pick(SHIFT_HOURS);
    const hours = rt.pick(SHIFT_LENGTHS);
    const capacity = rt.weighted(capacityTable);
    const firstShift = shiftStart.length;
    for (let n = 0; n < count; n++) {
      const day = firstDay + n * every;
      if (day < -DAYS_BACK || day >= DAYS_AHEAD) continue;
      shiftStart.push(today + day * DAY + hour * HOUR);
      shiftLength.push(hours * HOUR);
      shiftCapacity.push(capacity);
    }
    const shiftCount = shiftStart.length - firstShift;
    const first = shiftStart[firstShift];
    const lastEnd = shiftStart[shiftStart.length - 1] + shiftLength[shiftLength.length - 1];
    const draw = round >= 0 ? 0.5 : rt.float();
    const status: TaskStatus =
      lastEnd <= now
        ? draw < 0.03 ? 'CANCELLED' : draw < 0.07 ? 'CLOSED' : draw < 0.12 && lastEnd > now - 14 * DAY ? 'PUBLISHED' : 'COMPLETED'
        : draw < 0.03 ? 'CANCELLED' : draw < 0.07 ? 'CLOSED' : draw < 0.1 && first > now ? 'DRAFT' : 'PUBLISHED';
    const createdAt = Math.min(first - (2 + rt.float() * 28) * DAY, now - rt.float() * 2 * DAY);
    const publishedAt = status === 'DRAFT' ? null : Math.min(createdAt + rt.float() * 2 * DAY, now);
    const completedAt = status === 'COMPLETED' ? Math.min(now, lastEnd + (1 + rt.float() * 5 * 24) * HOUR) : null;
    const closedAt = status === 'COMPLETED' ? completedAt : status === 'CLOSED' ? publishedAt! + rt.float() * (Math.min(now, lastEnd) - publishedAt!) : null;
    const cancelledAt = status === 'CANCELLED' ? publishedAt! + (Math.min(now, first) - publishedAt!) / 2 : null;
    const managers = o.managers;
    tasks.push({
      id: taskIds.of(k), org, title, description: `${regions[reg].name}：${title}。请提前 10 分钟到场，穿志愿者马甲。`,
      category, region: reg, skills, skillMask: skills.reduce((m, s) => m | (1 << SKILLS.indexOf(s as (typeof SKILLS)[number])), 0),
      skillsMandatory: skills.length > 0 && rt.chance(0.25), minimumAge: rt.chance(0.1) ? 16 : null,
      approval: rt.chance(0.12), checkInCode: rt.chance(0.3), status,
      createdBy: managers[rt.int(managers.length)], coordinator: managers[managers.length > 1 ? 1 + rt.int(managers.length - 1) : 0],
      createdAt, publishedAt, closedAt, cancelledAt, completedAt, firstShift, shiftCount,
    });
  }
  const shiftCount = shiftStart.length;
  const rs = rng('shifts');
  const shifts: Shifts = {
    count: shiftCount,
    task: new Int32Array(shiftCount),
    start: Float64Array.from(shiftStart),
    end: Float64Array.from(shiftStart, (s, i) => s + shiftLength[i]),
    capacity: Int32Array.from(shiftCapacity),
    code: Int32Array.from(shiftStart, () => rs.int(1_000_000)),
    confirmed: new Int32Array(shiftCount),
    waitlisted: new Int32Array(shiftCount),
    pending: new Int32Array(shiftCount),
  };
  tasks.forEach((t, k) => shifts.task.fill(k, t.firstShift, t.firstShift + t.shiftCount));
  const shiftIds = ids('shift').all(shiftCount);

  // ---------- claims, shift by shift in time order ----------
  const claims = makeClaims({ scale, now, people, tasks, shifts, regions, volunteersOfStreet, allVolunteers, proxiedInGrid, grantedAt, leaderOf, rng: rng('claims') });

  // ---------- residents' needs, their supporters, and reviews of completed tasks ----------
  const rn = rng('needs');
  const needIds = ids('need');
  const needs: Need[] = [];
  const taken = new Set<number>();
  const taskFor = (wanted: TaskStatus[]) => {
    for (let tries = 0; tries < 50; tries++) {
      const k = rn.int(tasks.length);
      if (!taken.has(k) && wanted.includes(tasks[k].status)) return taken.add(k), k;
    }
    return -1;
  };
  for (let k = 0; k < scale.needs; k++) {
    const n = rn.pick(NEEDS);
    let status = rn.weighted<Need['status']>([['OPEN', 50], ['ADOPTED', 20], ['FULFILLED', 15], ['CLOSED', 15]]);
    const task = status === 'ADOPTED' ? taskFor(['DRAFT', 'PUBLISHED']) : status === 'FULFILLED' ? taskFor(['COMPLETED']) : -1;
    if (task < 0 && (status === 'ADOPTED' || status === 'FULFILLED')) status = 'OPEN';
    const reg = task >= 0 ? tasks[task].region : rn.pick(grids);
    const gridOfNeed = regions[reg].level === 'GRID' ? reg : grids.find((g) => regions[g].path.startsWith(regions[reg].path + '/'))!;
    const onBehalf = proxiedInGrid.get(gridOfNeed) && rn.chance(0.15) ? rn.pick(proxiedInGrid.get(gridOfNeed)!) : -1;
    const postedBy = onBehalf >= 0 ? leaderOf.get(gridOfNeed)! : rn.chance(0.5) ? rn.pick(volunteersOfStreet[regions[reg].street]) : firstResident + rn.int(people.length - firstResident);
    const createdAt = task >= 0 ? tasks[task].createdAt - (1 + rn.float() * 20) * DAY : past(rn, DAYS_BACK);
    const supporters = new Set<number>();
    const wanted = rn.skewed(30, 2);
    while (supporters.size < wanted) {
      const u = rn.chance(0.6) ? rn.pick(volunteersOfStreet[regions[reg].street]) : firstResident + rn.int(people.length - firstResident);
      if (u !== postedBy) supporters.add(u);
    }
    needs.push({
      id: needIds.of(k), title: n.title, description: n.description, category: n.category, region: reg, status, postedBy, onBehalfOf: onBehalf,
      adoptedBy: task >= 0 ? tasks[task].org : -1, task, createdAt, supporters: [...supporters],
    });
  }
  const reviews: District['reviews'] = [];
  const rr = rng('reviews');
  const servedOn = new Map<number, number[]>();
  for (let c = 0; c < claims.count; c++) {
    if (claims.status[c] !== ATTENDED) continue;
    const t = shifts.task[claims.shift[c]];
    if (tasks[t].status !== 'COMPLETED') continue;
    const list = servedOn.get(t) ?? servedOn.set(t, []).get(t)!;
    if (list.length < 5 && !list.includes(claims.volunteer[c])) list.push(claims.volunteer[c]);
  }
  for (const [t, served] of servedOn) {
    if (!rr.chance(0.25)) continue;
    for (const reviewer of served.slice(0, 1 + rr.int(served.length))) {
      reviews.push({ task: t, reviewer, rating: rr.weighted([[5, 6], [4, 3], [3, 1]]), comment: rr.pick(REVIEW_COMMENTS), createdAt: Math.min(now, tasks[t].completedAt! + rr.float() * 7 * DAY) });
    }
  }

  const coordinatorTask = tasks.find((t) => t.status === 'PUBLISHED' && regions[t.region].level === 'GRID') ?? tasks[0];
  return {
    seed, scale, now, regions, grids, people, volunteers, officialPosts, proxyGrants, organizations, memberships, alliances, allianceMembers,
    tasks, shifts, shiftIds, claims, needs, reviews,
    accounts: { admin, officials, coordinator: coordinatorTask.coordinator, gridLeader: leaderOf.get(grids[0])!, volunteer: allVolunteers[0] },
  };
}

interface ClaimInputs {
  scale: Scale;
  now: number;
  people: Person[];
  tasks: Task[];
  shifts: Shifts;
  regions: Region[];
  volunteersOfStreet: number[][];
  allVolunteers: number[];
  proxiedInGrid: Map<number, number[]>;
  /** residents with a standing grant to their grid leader, and when they granted it */
  grantedAt: Map<number, number>;
  leaderOf: Map<number, number>;
  rng: Random;
}

/**
 * Claims the way the API would have decided them (decide_shift_claim): shifts in order of
 * their start, arrivals in order of their claim, the first `capacity` standing arrivals
 * holding a place and the rest waitlisted (or pending approval), nobody holding two
 * overlapping shifts. Then what happened afterwards: check-ins and check-outs, no-shows,
 * cancellations (a cancelled place goes to the first on the waitlist, which is the same
 * as skipping the cancelled arrival), approvals, and the service records of check-outs.
 */
function makeClaims(inp: ClaimInputs): Claims {
  const { now, people, tasks, shifts, regions, rng: r } = inp;
  // Flat copies of what the loop reads per candidate, rather than a walk over 100k objects.
  const elder = Uint8Array.from(people, (p) => (p.elder ? 1 : 0));
  const skillMask = Int32Array.from(people, (p) => p.skillMask);
  const at = new Float64Array(2048);
  const claims = new ClaimLog(Math.round(shifts.count * 7));
  const order = Uint32Array.from({ length: shifts.count }, (_, i) => i).sort((a, b) => shifts.start[a] - shifts.start[b] || a - b);
  /** When each person's last standing claim ends: a later shift that starts before that would overlap. */
  const busyUntil = new Float64Array(people.length);
  const chosen: number[] = [];

  for (let o = 0; o < order.length; o++) {
    const s = order[o];
    const t = tasks[shifts.task[s]];
    if (t.status === 'DRAFT') continue;
    const start = shifts.start[s];
    const end = shifts.end[s];
    const capacity = shifts.capacity[s];
    const opened = t.publishedAt!;
    const claimsClose = Math.min(start, now, t.closedAt ?? Infinity, t.cancelledAt ?? Infinity);
    if (claimsClose <= opened) continue;
    // Demand: past shifts drew 35%–125% of their places; future ones fewer the further ahead.
    const daysAhead = (start - now) / DAY;
    const fill = daysAhead <= 0 ? 0.35 + 0.9 * r.float() : (0.15 + 1.05 * r.float()) * Math.max(0.12, 1 - daysAhead / 70);
    const wanted = Math.max(0, Math.round(capacity * fill));
    if (!wanted) continue;

    // Who: volunteers of the task's street mostly, a few from across the district, and now
    // and then an elder whose grid leader claims for them.
    const street = regions[t.region].street;
    const local = inp.volunteersOfStreet[street];
    const proxied = regions[t.region].level === 'GRID' ? inp.proxiedInGrid.get(t.region) : undefined;
    chosen.length = 0;
    for (let tries = 0; chosen.length < wanted && tries < wanted * 6; tries++) {
      let v: number;
      if (proxied && r.chance(0.01)) v = proxied[r.int(proxied.length)];
      else if (r.chance(0.85)) v = local[r.skewed(local.length, 1.6)];
      else v = inp.allVolunteers[r.skewed(inp.allVolunteers.length, 1.6)];
      if (busyUntil[v] > start || chosen.includes(v)) continue;
      if (t.skillsMandatory && (skillMask[v] & t.skillMask) === 0) continue;
      chosen.push(v);
    }
    if (!chosen.length) continue;

    // When they claimed: after publication, before the start, closer to the start more often; sorted, so arrival order is claim order.
    const window = claimsClose - opened;
    for (let k = 0; k < chosen.length; k++) at[k] = claimsClose - window * r.float() ** 2;
    at.subarray(0, chosen.length).sort();
    const ended = end <= now;
    const running = start <= now && !ended;
    let placed = 0;
    for (let k = 0; k < chosen.length; k++) {
      const v = chosen[k];
      // The grid leader claims for an elder only through the elder's standing grant, made before the claim; otherwise the elder claims.
      const granted = elder[v] ? inp.grantedAt.get(v) : undefined;
      const leader = granted !== undefined && granted <= at[k] && inp.leaderOf.get(people[v].home) !== undefined ? inp.leaderOf.get(people[v].home)! : -1;
      const c = claims.add(s, v, leader, sec(at[k]));
      let status: number;
      let cancelledAt = 0;
      if (t.status === 'CANCELLED' || r.chance(0.07)) {
        status = CANCELLED;
        const until = t.status === 'CANCELLED' ? Math.min(t.cancelledAt!, start) : Math.min(now, start);
        cancelledAt = at[k] + r.float() * Math.max(0, until - at[k]);
      } else if (t.approval) {
        // Approval: the coordinator takes up to capacity, turns a few away, and leaves recent ones waiting.
        const undecided = start > now && r.chance(start - at[k] < 7 * DAY ? 0.7 : 0.3);
        if (undecided) status = PENDING_APPROVAL;
        else if (placed < capacity && r.chance(0.88)) status = CONFIRMED;
        else status = REJECTED;
        if (status !== PENDING_APPROVAL) {
          claims.decidedBy[c] = t.coordinator;
          claims.updatedAt[c] = sec(Math.min(now, at[k] + r.float() * Math.max(0, Math.min(start, now) - at[k])));
        }
      } else {
        status = placed < capacity ? CONFIRMED : WAITLISTED;
      }
      if (status === CONFIRMED) placed++;
      if (status === CONFIRMED && (ended || running)) status = afterStart(claims, c, t, s, shifts, leader, ended, now, r);
      else if ((status === WAITLISTED || status === PENDING_APPROVAL) && ended && t.status === 'COMPLETED') {
        // Completing a task cancels the claims still waiting on it.
        status = CANCELLED;
        cancelledAt = t.completedAt!;
      }
      if (cancelledAt) claims.updatedAt[c] = Math.max(claims.createdAt[c], sec(cancelledAt));
      claims.status[c] = status;
      if (HOLDS_TIME_BY_CODE[status] || status === ATTENDED || status === NO_SHOW) busyUntil[v] = end;
      if (HOLDS_PLACE_BY_CODE[status]) shifts.confirmed[s]++;
      else if (status === WAITLISTED) shifts.waitlisted[s]++;
      else if (status === PENDING_APPROVAL) shifts.pending[s]++;
    }
  }
  for (let c = 0; c < claims.count; c++) if (claims.record[c]) claims.records++;
  return claims;
}

/** What became of a confirmed place once the shift started: check-in, check-out and the service record, or a no-show. */
function afterStart(claims: ClaimLog, c: number, t: Task, s: number, shifts: Shifts, proxy: number, ended: boolean, now: number, r: Random): number {
  const start = shifts.start[s];
  const end = shifts.end[s];
  const settled = t.status === 'COMPLETED';
  const claimedAt = claims.createdAt[c] * 1000;
  const draw = r.float();
  if (!ended) {
    // Running now: most have checked in already.
    if (draw < 0.4) return CONFIRMED;
    claims.checkInAt[c] = claims.updatedAt[c] = sec(Math.min(now, Math.max(claimedAt, start - 30 * MINUTE + r.float() * 45 * MINUTE)));
    claims.checkedInBy[c] = proxy >= 0 ? proxy : t.checkInCode && r.chance(0.1) ? t.coordinator : claims.volunteer[c];
    return CHECKED_IN;
  }
  if (draw < (settled ? 0.11 : 0.08)) {
    claims.decidedBy[c] = t.coordinator;
    claims.updatedAt[c] = sec(Math.min(now, start + r.float() * 2 * HOUR));
    return NO_SHOW;
  }
  // A live task may still have places nobody settled: never marked, or never checked out.
  if (!settled && draw > 0.95) return CONFIRMED;
  const checkIn = Math.max(claimedAt, Math.min(start - 30 * MINUTE + r.float() * 45 * MINUTE, end - MINUTE));
  claims.checkInAt[c] = claims.updatedAt[c] = sec(checkIn);
  claims.checkedInBy[c] = proxy >= 0 ? proxy : t.checkInCode && r.chance(0.1) ? t.coordinator : claims.volunteer[c];
  if (t.checkInCode && r.chance(0.05)) claims.checkInFailures[c] = 1 + r.int(2);
  if (!settled && draw > 0.92) return CHECKED_IN;
  const checkOut = Math.max(checkIn + MINUTE, Math.min(now, end - 15 * MINUTE + r.float() * 35 * MINUTE));
  claims.checkOutAt[c] = claims.updatedAt[c] = sec(checkOut);
  // The record: decided when the task completed; on live tasks the recent ones wait for the coordinator.
  const waitsForCoordinator = !settled && (now - end < 10 * DAY ? r.chance(0.55) : r.chance(0.05));
  if (waitsForCoordinator) claims.record[c] = RECORD_PENDING;
  else {
    claims.record[c] = r.chance(0.96) ? RECORD_VERIFIED : RECORD_REJECTED;
    const by = Math.min(settled ? t.completedAt! : now, checkOut + 5 * DAY);
    claims.verifiedAt[c] = sec(checkOut + r.float() * Math.max(0, by - checkOut));
  }
  return ATTENDED;
}

/** Minutes between check-in and check-out, as the API counts them (checkedInMinutes): at least 1, at most a day. */
export function serviceMinutes(checkInS: number, checkOutS: number): number {
  return Math.min(24 * 60, Math.max(1, Math.round((checkOutS - checkInS) / 60)));
}
