/**
 * The district as COPY rows, table by table, in the columns the migrations define.
 * Generators: a table's rows exist as text only while they stream.
 */
import { CLAIM_STATUSES } from '@civicgrid/volunteering';
import { BinaryRows, bool, codes, instant, NULL, ref, text } from './copy';
import { District, PLEDGES, RECORD_STATUS, serviceMinutes } from './district';
import { CONSENT_NOTE } from './vocabulary';
import { Ids } from './random';

export type TableRows =
  | { table: string; columns: readonly string[]; format: 'text'; rows(d: District, passwordHash: string): Iterable<string> }
  /** the tables of millions of rows, in COPY's binary format (see BinaryRows) */
  | { table: string; columns: readonly string[]; format: 'binary'; rows(d: District): Iterable<Buffer> };

const line = (fields: (string | number)[]) => fields.join('\t') + '\n';
const sec = (ms: number) => Math.floor(ms / 1000);

/** Ids of every table other rows point at, made once per district. */
function idsOf(d: District) {
  return (cache.get(d) ?? cache.set(d, {
    region: d.regions.map((r) => r.id),
    user: d.people.map((p) => p.id),
    org: d.organizations.map((o) => o.id),
    task: d.tasks.map((t) => t.id),
    alliance: d.alliances.map((a) => a.id),
  }).get(d))!;
}
const cache = new WeakMap<District, { region: string[]; user: string[]; org: string[]; task: string[]; alliance: string[] }>();

/** The same ids as 16 bytes each, for binary rows. */
function idBytesOf(d: District) {
  return (bytesCache.get(d) ?? bytesCache.set(d, {
    user: new Ids(d.seed, 'user_account').allBytes(d.people.length),
    task: new Ids(d.seed, 'task').allBytes(d.tasks.length),
    shift: new Ids(d.seed, 'shift').allBytes(d.shifts.count),
  }).get(d))!;
}
const bytesCache = new WeakMap<District, { user: Buffer; task: Buffer; shift: Buffer }>();

/** Claim and service-record ids derive from their row number; records follow their claims' order. */
export const claimIds = (d: District) => new Ids(d.seed, 'shift_claim');
export const recordIds = (d: District) => new Ids(d.seed, 'service_record');

export const TABLES: TableRows[] = [
  {
    format: 'text',
    table: 'region',
    columns: ['id', 'parent_id', 'level', 'code', 'name', 'name_en', 'latitude', 'longitude', 'path'],
    *rows(d) {
      const id = idsOf(d);
      for (const r of d.regions) yield line([r.id, ref(id.region, r.parent), r.level, r.code, text(r.name), text(r.nameEn), r.lat.toFixed(6), r.lng.toFixed(6), r.path]);
    },
  },
  {
    format: 'text',
    table: 'user_account',
    columns: ['id', 'phone', 'password_hash', 'display_name', 'role', 'home_region_id', 'leads_grid_id', 'skills', 'languages', 'elder_mode', 'locale', 'created_at', 'updated_at', 'availability', 'birth_date', 'email'],
    *rows(d, passwordHash) {
      const id = idsOf(d);
      for (const p of d.people) {
        const at = instant(p.createdAt);
        yield line([p.id, p.phone, passwordHash, text(p.name), p.role, ref(id.region, p.home), ref(id.region, p.leads), codes(p.skills), codes(p.languages), bool(p.elder), p.locale, at, at, p.availability, p.birthDate ?? NULL, text(p.email)]);
      }
    },
  },
  {
    format: 'text',
    table: 'official_post',
    columns: ['id', 'user_id', 'region_id', 'title', 'created_at'],
    *rows(d) {
      const id = idsOf(d);
      const own = new Ids(d.seed, 'official_post');
      for (const [k, p] of d.officialPosts.entries()) yield line([own.of(k), id.user[p.user], id.region[p.region], text(p.title), instant(p.createdAt)]);
    },
  },
  {
    format: 'text',
    table: 'proxy_grant',
    columns: ['id', 'resident_id', 'proxy_id', 'consent_note', 'granted_at', 'revoked_at'],
    *rows(d) {
      const id = idsOf(d);
      for (const g of d.proxyGrants) yield line([g.id, id.user[g.resident], id.user[g.proxy], CONSENT_NOTE, instant(g.grantedAt), instant(g.revokedAt)]);
    },
  },
  {
    format: 'text',
    table: 'organization',
    columns: ['id', 'name', 'kind', 'region_id', 'description', 'verified', 'verified_at', 'verified_by_id', 'created_by_id', 'created_at'],
    *rows(d) {
      const id = idsOf(d);
      for (const o of d.organizations) yield line([o.id, text(o.name), o.kind, id.region[o.region], text(o.description), 't', instant(o.verifiedAt), id.user[o.verifiedBy], id.user[o.createdBy], instant(o.createdAt)]);
    },
  },
  {
    format: 'text',
    table: 'membership',
    columns: ['id', 'organization_id', 'user_id', 'role', 'status', 'senior_title', 'created_at', 'updated_at', 'invited_by_id'],
    *rows(d) {
      const id = idsOf(d);
      const own = new Ids(d.seed, 'membership');
      for (const [k, m] of d.memberships.entries()) {
        yield line([own.of(k), id.org[m.org], id.user[m.user], m.role, m.status, m.seniorTitle ?? NULL, instant(m.createdAt), instant(m.updatedAt), ref(id.user, m.invitedBy)]);
      }
    },
  },
  {
    format: 'text',
    table: 'alliance',
    columns: ['id', 'name', 'region_id', 'region_path', 'charter', 'pledge_options', 'steward_id', 'created_by_id', 'created_at'],
    *rows(d) {
      const id = idsOf(d);
      const charter = '街道商户共同承诺：做好垃圾分类、参与平安巡逻、为志愿者提供优惠、为独居老人送餐，共建干净、安全、友善的街区。';
      for (const a of d.alliances) yield line([a.id, text(a.name), id.region[a.region], d.regions[a.region].path, charter, codes(PLEDGES), id.org[a.steward], id.user[a.createdBy], instant(a.createdAt)]);
    },
  },
  {
    format: 'text',
    table: 'alliance_member',
    columns: ['id', 'alliance_id', 'organization_id', 'status', 'pledges', 'joined_at', 'decided_by_id', 'created_at', 'updated_at'],
    *rows(d) {
      const id = idsOf(d);
      for (const m of d.allianceMembers) {
        const at = instant(m.createdAt);
        yield line([m.id, id.alliance[m.alliance], id.org[m.org], m.status, codes(m.pledges), instant(m.joinedAt), ref(id.user, m.decidedBy), at, m.joinedAt ? instant(m.joinedAt) : at]);
      }
    },
  },
  {
    format: 'text',
    table: 'task',
    columns: ['id', 'organization_id', 'title', 'description', 'category', 'region_id', 'region_path', 'required_skills', 'requires_approval', 'requires_check_in_code', 'status', 'created_by_id', 'created_at', 'published_at', 'closed_at', 'completed_at', 'skills_mandatory', 'minimum_age', 'cancelled_at', 'cancel_reason'],
    *rows(d) {
      const id = idsOf(d);
      for (const t of d.tasks) {
        yield line([
          t.id, id.org[t.org], text(t.title), text(t.description), t.category, id.region[t.region], d.regions[t.region].path, codes(t.skills), bool(t.approval), bool(t.checkInCode), t.status,
          id.user[t.createdBy], instant(t.createdAt), instant(t.publishedAt), instant(t.closedAt), instant(t.completedAt), bool(t.skillsMandatory), t.minimumAge ?? NULL,
          instant(t.cancelledAt), t.cancelledAt === null ? NULL : text('活动取消：天气原因'),
        ]);
      }
    },
  },
  {
    format: 'binary',
    table: 'shift',
    columns: ['id', 'task_id', 'starts_at', 'ends_at', 'capacity', 'confirmed_count', 'waitlist_count', 'pending_count', 'check_in_code', 'created_at'],
    *rows(d) {
      const s = d.shifts;
      const id = idBytesOf(d);
      const w = new BinaryRows(10);
      for (let i = 0; i < s.count; i++) {
        const full = w.row();
        if (full) yield full;
        w.uuidAt(id.shift, i);
        w.uuidAt(id.task, s.task[i]);
        w.instantS(sec(s.start[i]));
        w.instantS(sec(s.end[i]));
        w.int4(s.capacity[i]);
        w.int4(s.confirmed[i]);
        w.int4(s.waitlisted[i]);
        w.int4(s.pending[i]);
        w.text(String(s.code[i]).padStart(6, '0'));
        w.instantS(sec(d.tasks[s.task[i]].createdAt));
      }
      yield w.end();
    },
  },
  {
    // seq (GENERATED ALWAYS AS IDENTITY) numbers the rows in load order: by shift start, then arrival.
    format: 'binary',
    table: 'shift_claim',
    columns: ['id', 'shift_id', 'volunteer_id', 'acting_proxy_id', 'status', 'check_in_at', 'check_out_at', 'checked_in_by_id', 'decided_by_id', 'created_at', 'updated_at', 'check_in_failures'],
    *rows(d) {
      const c = d.claims;
      const id = idBytesOf(d);
      const own = claimIds(d);
      const w = new BinaryRows(12);
      for (let i = 0; i < c.count; i++) {
        const full = w.row();
        if (full) yield full;
        w.uuidOf(own, i);
        w.uuidAt(id.shift, c.shift[i]);
        w.uuidAt(id.user, c.volunteer[i]);
        w.uuidAt(id.user, c.proxy[i]);
        w.text(CLAIM_STATUSES[c.status[i]]);
        w.instantS(c.checkInAt[i]);
        w.instantS(c.checkOutAt[i]);
        w.uuidAt(id.user, c.checkedInBy[i]);
        w.uuidAt(id.user, c.decidedBy[i]);
        w.instantS(c.createdAt[i]);
        w.instantS(c.updatedAt[i]);
        w.int4(c.checkInFailures[i]);
      }
      yield w.end();
    },
  },
  {
    format: 'binary',
    table: 'service_record',
    columns: ['id', 'claim_id', 'volunteer_id', 'minutes', 'status', 'verified_at', 'verified_by_id', 'created_at'],
    *rows(d) {
      const c = d.claims;
      const id = idBytesOf(d);
      const claim = claimIds(d);
      const own = recordIds(d);
      const w = new BinaryRows(8);
      let n = 0;
      for (let i = 0; i < c.count; i++) {
        const status = c.record[i];
        if (!status) continue;
        const full = w.row();
        if (full) yield full;
        w.uuidOf(own, n++);
        w.uuidOf(claim, i);
        w.uuidAt(id.user, c.volunteer[i]);
        w.int4(serviceMinutes(c.checkInAt[i], c.checkOutAt[i]));
        w.text(RECORD_STATUS[status]);
        // Decided records carry who decided and when; pending ones neither (a CHECK holds them to it).
        const decided = status !== 1;
        w.instantS(decided ? c.verifiedAt[i] : 0);
        w.uuidAt(id.user, decided ? d.tasks[d.shifts.task[c.shift[i]]].coordinator : -1);
        w.instantS(c.checkOutAt[i]);
      }
      yield w.end();
    },
  },
  {
    format: 'text',
    table: 'need',
    columns: ['id', 'title', 'description', 'category', 'region_id', 'region_path', 'status', 'posted_by_id', 'on_behalf_of_id', 'support_count', 'adopted_by_id', 'task_id', 'created_at'],
    *rows(d) {
      const id = idsOf(d);
      for (const n of d.needs) {
        yield line([n.id, text(n.title), text(n.description), n.category, id.region[n.region], d.regions[n.region].path, n.status, id.user[n.postedBy], ref(id.user, n.onBehalfOf), n.supporters.length, ref(id.org, n.adoptedBy), ref(id.task, n.task), instant(n.createdAt)]);
      }
    },
  },
  {
    format: 'text',
    table: 'need_support',
    columns: ['need_id', 'user_id', 'created_at'],
    *rows(d) {
      const id = idsOf(d);
      for (const n of d.needs) for (const [k, u] of n.supporters.entries()) yield line([n.id, id.user[u], instant(Math.min(d.now, n.createdAt + (k + 1) * 3_600_000))]);
    },
  },
  {
    format: 'text',
    table: 'task_review',
    columns: ['id', 'task_id', 'reviewer_id', 'rating', 'comment', 'created_at'],
    *rows(d) {
      const id = idsOf(d);
      const own = new Ids(d.seed, 'task_review');
      for (const [k, r] of d.reviews.entries()) yield line([own.of(k), id.task[r.task], id.user[r.reviewer], r.rating, text(r.comment), instant(r.createdAt)]);
    },
  },
];
