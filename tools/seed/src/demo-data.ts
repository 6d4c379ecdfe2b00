import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hashPassword, PRIVACY_NOTICE } from '@civicgrid/identity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts';

type Log = (message: string) => void;

const DEMO_LOCK = 7_240_002;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * 成都市武侯区 (Wuhou District, Chengdu): three streets, nine communities, thirty grids.
 * Codes in the national form (libs/server/geo/src/region-codes.ts), numbered in order
 * for the demo (tools/admin/samples/regions-wuhou.csv is the same tree as a file).
 */
const DISTRICT = { code: '510107000000', name: '武侯区', nameEn: 'Wuhou District', lat: 30.642, lng: 104.043 };
const STREETS = [
  {
    code: '510107001000', name: '玉林街道', nameEn: 'Yulin Street', lat: 30.632, lng: 104.058,
    communities: [
      { name: '玉林北路社区', nameEn: 'Yulin North Road Community', grids: 4 },
      { name: '玉林南路社区', nameEn: 'Yulin South Road Community', grids: 3 },
      { name: '黉门街社区', nameEn: 'Hongmen Street Community', grids: 3 },
    ],
  },
  {
    code: '510107002000', name: '浆洗街街道', nameEn: 'Jiangxijie Street', lat: 30.646, lng: 104.046,
    communities: [
      { name: '锦里社区', nameEn: 'Jinli Community', grids: 4 },
      { name: '洗面桥社区', nameEn: 'Ximianqiao Community', grids: 3 },
      { name: '南浦社区', nameEn: 'Nanpu Community', grids: 3 },
    ],
  },
  {
    code: '510107003000', name: '火车南站街道', nameEn: 'Huochenanzhan Street', lat: 30.608, lng: 104.066,
    communities: [
      { name: '桐梓林社区', nameEn: 'Tongzilin Community', grids: 4 },
      { name: '新北社区', nameEn: 'Xinbei Community', grids: 3 },
      { name: '高攀社区', nameEn: 'Gaopan Community', grids: 3 },
    ],
  },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英'];
const SKILLS = ['FIRST_AID', 'COOKING', 'DRIVING', 'ELDER_CARE', 'TUTORING', 'PHOTOGRAPHY', 'SIGN_LANGUAGE', 'COMPUTER', 'REPAIR', 'COUNSELLING', 'SICHUANESE'];
const LANGUAGES = ['zh', 'en', 'sichuanese'];

/** A plausible week for the i-th demo volunteer: weekday evenings or weekend days. */
function demoAvailability(i: number): { weekday: number; startMinute: number; endMinute: number }[] {
  if (i % 3 === 0) return [5, 6].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }));
  if (i % 3 === 1) return [0, 2, 4].map((weekday) => ({ weekday, startMinute: 18 * 60, endMinute: 21 * 60 }));
  return [1, 3].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 12 * 60 }));
}

function pick<T>(xs: readonly T[]): T {
  return xs[randomInt(0, xs.length)];
}

/** Midnight in Asia/Shanghai (UTC+8, no daylight saving) of the day `days` from today. */
function shanghaiDay(days: number): number {
  const now = Date.now() + 8 * HOUR;
  return Math.floor(now / DAY) * DAY - 8 * HOUR + days * DAY;
}

type DemoAccount = { user: string } | { organization: string } | { system: 'ISSUANCE' | 'REDEMPTION_HOLDS' };

/**
 * Transfers straight into the ledger's tables, as the API's LedgerService would post
 * them: the entry trigger moves balances, the commit-time trigger checks each transfer
 * balances, so demo books are sound or the load fails.
 */
function demoLedger(em: EntityManager) {
  const accounts = new Map<string, string>();
  const account = async (a: DemoAccount, currency: string): Promise<string> => {
    const [column, value] = 'user' in a ? ['user_id', a.user] : 'organization' in a ? ['organization_id', a.organization] : ['system_code', a.system];
    const key = `${column}:${value}:${currency}`;
    if (!accounts.has(key)) {
      const found: { id: string }[] = await em.query(`SELECT id FROM ledger_account WHERE ${column} = $1 AND currency = $2`, [value, currency]);
      const id = found[0]?.id ?? (await insert(em, 'ledger_account', { owner_type: 'user' in a ? 'USER' : 'organization' in a ? 'ORGANIZATION' : 'SYSTEM', [column]: value, currency }));
      accounts.set(key, id);
    }
    return accounts.get(key)!;
  };
  return {
    account,
    async post(t: { kind: string; currency: string; from: DemoAccount; to: DemoAccount; amount: number; memo?: string; ref?: { type: string; id: string }; actor?: string; at: Date }): Promise<string> {
      const [from, to] = [await account(t.from, t.currency), await account(t.to, t.currency)];
      const transferId = await insert(em, 'ledger_transfer', {
        kind: t.kind, currency: t.currency, amount: t.amount, from_account_id: from, to_account_id: to, memo: t.memo ?? null,
        ref_type: t.ref?.type ?? null, ref_id: t.ref?.id ?? null, actor_user_id: t.actor ?? null, created_at: t.at,
      });
      for (const [acct, amount] of [[from, -t.amount], [to, t.amount]] as const) {
        await insert(em, 'ledger_entry', { transfer_id: transferId, account_id: acct, amount, balance_after: 0, created_at: t.at });
      }
      return transferId;
    },
  };
}

async function insert(em: EntityManager, table: string, row: Record<string, unknown>): Promise<string> {
  const cols = Object.keys(row);
  const values = cols.map((c) => row[c]);
  const res: { id: string }[] = await em.query(
    `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    values,
  );
  return res[0].id;
}

/**
 * Loads the demo district into an empty database, once (replicas starting together
 * serialise on an advisory lock). Returns false when the database already had data.
 */
export async function loadDemoData(dataSource: DataSource, log?: Log): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (em) => {
    await em.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK]);
    const [{ exists }] = await em.query('SELECT EXISTS (SELECT 1 FROM region) AS exists');
    if (exists) return false;

    // ---------- regions ----------
    const districtId = await insert(em, 'region', { level: 'DISTRICT', code: DISTRICT.code, name: DISTRICT.name, name_en: DISTRICT.nameEn, latitude: DISTRICT.lat, longitude: DISTRICT.lng, path: 'pending' });
    await em.query(`UPDATE region SET path = '/' || id WHERE id = $1`, [districtId]);
    const streets: { id: string; path: string }[] = [];
    const communities: { id: string; path: string; streetIndex: number }[] = [];
    const grids: { id: string; path: string; streetIndex: number; communityIndex: number }[] = [];
    for (const [si, s] of STREETS.entries()) {
      const sid = await insert(em, 'region', { parent_id: districtId, level: 'STREET', code: s.code, name: s.name, name_en: s.nameEn, latitude: s.lat, longitude: s.lng, path: `pending-${s.code}` });
      const spath = `/${districtId}/${sid}`;
      await em.query('UPDATE region SET path = $2 WHERE id = $1', [sid, spath]);
      streets.push({ id: sid, path: spath });
      for (const [ci, c] of s.communities.entries()) {
        const ccode = `${s.code.slice(0, 9)}${String(ci + 1).padStart(3, '0')}`;
        const clat = s.lat + (ci - 1) * 0.006;
        const clng = s.lng + (ci - 1) * 0.005;
        const cid = await insert(em, 'region', { parent_id: sid, level: 'COMMUNITY', code: ccode, name: c.name, name_en: c.nameEn, latitude: clat, longitude: clng, path: `pending-${ccode}` });
        const cpath = `${spath}/${cid}`;
        await em.query('UPDATE region SET path = $2 WHERE id = $1', [cid, cpath]);
        communities.push({ id: cid, path: cpath, streetIndex: si });
        for (let g = 1; g <= c.grids; g++) {
          const gcode = `${ccode}${String(g).padStart(3, '0')}`;
          const gid = await insert(em, 'region', {
            parent_id: cid,
            level: 'GRID',
            code: gcode,
            name: `${c.name}第${g}网格`,
            name_en: `${c.nameEn.replace(' Community', '')} Grid ${g}`,
            latitude: clat + ((g % 2) - 0.5) * 0.002,
            longitude: clng + (g - 2) * 0.0015,
            path: `pending-${gcode}`,
          });
          const gpath = `${cpath}/${gid}`;
          await em.query('UPDATE region SET path = $2 WHERE id = $1', [gid, gpath]);
          grids.push({ id: gid, path: gpath, streetIndex: si, communityIndex: communities.length - 1 });
        }
      }
    }
    const yulinNorthGrid1 = grids[0];
    const yulinStreet = streets[0];

    // ---------- people ----------
    const user = (phone: string, displayName: string, extra: Record<string, unknown> = {}) =>
      insert(em, 'user_account', { phone, password_hash: passwordHash, display_name: displayName, home_region_id: yulinNorthGrid1.id, ...extra });
    const [volunteer, gridLeader, coordinator, merchant, official, admin, elder, secondOfficial] = DEMO_ACCOUNTS;
    // Saturday and Sunday mornings, and Wednesday evenings (weekday 0 = Monday, minutes from midnight).
    const weekendMornings = JSON.stringify([
      { weekday: 2, startMinute: 18 * 60, endMinute: 21 * 60 },
      { weekday: 5, startMinute: 8 * 60, endMinute: 12 * 60 },
      { weekday: 6, startMinute: 8 * 60, endMinute: 12 * 60 },
    ]);
    const volunteerId = await user(volunteer.phone, volunteer.name, { skills: ['FIRST_AID', 'COOKING'], languages: ['zh', 'en'], availability: weekendMornings, birth_date: '1995-04-12' });
    const gridLeaderId = await user(gridLeader.phone, gridLeader.name, { skills: ['ELDER_CARE', 'SICHUANESE'], languages: ['zh', 'sichuanese'], leads_grid_id: yulinNorthGrid1.id });
    const coordinatorId = await user(coordinator.phone, coordinator.name, { skills: ['COUNSELLING'], languages: ['zh', 'en'] });
    const merchantId = await user(merchant.phone, merchant.name, { skills: ['COOKING'] });
    const officialId = await user(official.phone, official.name, { role: 'OFFICIAL', home_region_id: communities[0].id });
    await user(admin.phone, admin.name, { role: 'ADMIN', locale: 'en', home_region_id: null });
    const elderId = await user(elder.phone, elder.name, { elder_mode: true, languages: ['sichuanese'] });
    const elder2Id = await user('13800000012', '刘桂兰', { elder_mode: true, languages: ['sichuanese'] });
    const ngoOwnerId = await user('13800000013', '黄建国', { skills: ['DRIVING'] });
    const deptStaffId = await user('13800000014', '吴涛', { role: 'DEPARTMENT_STAFF', home_region_id: null });
    const seniorIds = [await user('13800000021', '马德明'), await user('13800000022', '孙玉珍'), await user('13800000023', '郭振华')];

    // Generated names never repeat a named account's (a random 陈静 beside the demo
    // coordinator would make every "is she proposed?" question ambiguous) nor each other.
    const takenNames = new Set<string>([...DEMO_ACCOUNTS.map((a) => a.name), '刘桂兰', '黄建国', '吴涛', '马德明', '孙玉珍', '郭振华']);
    const freshName = (): string => {
      for (;;) {
        const name = pick(SURNAMES) + pick(GIVEN);
        if (takenNames.has(name)) continue;
        takenNames.add(name);
        return name;
      }
    };
    const volunteers: string[] = [volunteerId];
    for (let i = 1; i <= 60; i++) {
      const grid = grids[(i * 7) % grids.length];
      const skills = [...new Set([pick(SKILLS), pick(SKILLS)])].slice(0, 1 + (i % 2));
      volunteers.push(
        await insert(em, 'user_account', {
          phone: `139${String(i).padStart(8, '0')}`,
          password_hash: passwordHash,
          display_name: freshName(),
          home_region_id: grid.id,
          skills,
          languages: i % 5 === 0 ? ['zh', 'en'] : ['zh', pick(LANGUAGES)].filter((v, k, a) => a.indexOf(v) === k),
          availability: JSON.stringify(demoAvailability(i)),
        }),
      );
    }

    await insert(em, 'official_post', { user_id: officialId, region_id: yulinStreet.id, title: '玉林街道办事处副主任' });
    const secondOfficialId = await user(secondOfficial.phone, secondOfficial.name, { role: 'OFFICIAL', home_region_id: communities[0].id });
    await insert(em, 'official_post', { user_id: secondOfficialId, region_id: yulinStreet.id, title: '玉林街道办事处党工委委员' });
    for (const [resident, note] of [
      [elderId, '本人在社区办公室当面同意，由网格员李秀英代为报名活动、签到（2026年11月）'],
      [elder2Id, '本人及女儿电话确认同意，由网格员李秀英代办志愿服务报名'],
    ]) {
      await insert(em, 'proxy_grant', { resident_id: resident, proxy_id: gridLeaderId, consent_note: note });
    }

    // ---------- organisations, one of every kind ----------
    const now = new Date();
    const org = async (name: string, kind: string, regionId: string, description: string, verified: boolean, members: [string, string, string?][], nameEn: string | null = null) => {
      const id = await insert(em, 'organization', {
        name, name_en: nameEn, kind, region_id: regionId, description, verified,
        verified_at: verified ? now : null, verified_by_id: verified ? officialId : null, created_by_id: members[0][0],
      });
      for (const [userId, role, seniorTitle] of members) {
        await insert(em, 'membership', { organization_id: id, user_id: userId, role, senior_title: seniorTitle ?? null });
      }
      return id;
    };
    const streetOfficeId = await org('玉林街道办事处', 'STREET_OFFICE', yulinStreet.id, '玉林街道的基层政府机构，负责网格化管理与社区治理。', true, [[officialId, 'OWNER']], 'Yulin Street Office');
    const ngoId = await org('益邻社区服务中心', 'NGO', yulinStreet.id, 'Yilin Community Service Centre: 为老服务、儿童关爱与邻里互助。', true, [
      [ngoOwnerId, 'OWNER'],
      [coordinatorId, 'COORDINATOR'],
    ], 'Yilin Community Service Centre');
    const committeeId = await org('玉林北路社区居委会', 'RESIDENTS_COMMITTEE', communities[0].id, '玉林北路社区居民委员会。', true, [
      [gridLeaderId, 'COORDINATOR'],
      [officialId, 'ADMIN'],
    ], 'Yulin North Road Residents\' Committee');
    const bistroId = await org('玉林小馆', 'MERCHANT', communities[0].id, '家常川菜馆，商家联盟成员，为志愿者提供九折优惠。', true, [[merchantId, 'OWNER']], 'Yulin Bistro');
    await org('玉林街道五老理事会', 'SENIORS_COUNCIL', yulinStreet.id, '由老干部、老战士、老教师等组成，参与矛盾调解与社区议事。', true, [
      [seniorIds[0], 'OWNER', 'RETIRED_CADRE'],
      [seniorIds[1], 'MEMBER', 'RETIRED_TEACHER'],
      [seniorIds[2], 'MEMBER', 'VETERAN'],
    ], 'Yulin Street Seniors\' Council');
    const womensFedId = await org('玉林街道妇联', 'WOMENS_FEDERATION', yulinStreet.id, '玉林街道妇女联合会，关注妇女儿童与家庭。', true, [[coordinatorId, 'ADMIN']], 'Yulin Street Women\'s Federation');
    await org('玉林北路居民自治会', 'SOCIAL_GROUP', communities[0].id, '居民自发组成的楼院自治小组。', false, [[gridLeaderId, 'OWNER']], 'Yulin North Road Residents\' Self-Governance Group');
    await org('武侯区城市管理局', 'DEPARTMENT', districtId, '负责市容环境、垃圾分类与占道经营管理。', true, [[deptStaffId, 'MEMBER']], 'Wuhou District Urban Management Bureau');

    // ---------- the Yulin street merchant alliance (商家联盟) ----------
    const fruitShopOwner = await user('13800000031', '王建华');
    const barberOwner = await user('13800000032', '李小红');
    const fruitShopId = await org('老王水果店', 'MERCHANT', communities[0].id, '社区水果店，参与净菜与垃圾分类。', true, [[fruitShopOwner, 'OWNER']], 'Lao Wang Fruit Shop');
    const barberId = await org('小李理发店', 'MERCHANT', communities[1].id, '社区理发店，每月为老人义剪。', false, [[barberOwner, 'OWNER']], 'Xiao Li Barber');
    const allianceId = await insert(em, 'alliance', {
      name: '玉林街道商家联盟',
      name_en: 'Yulin Street Merchant Alliance',
      region_id: yulinStreet.id,
      region_path: yulinStreet.path,
      charter: '玉林街道的商户共同承诺：做好垃圾分类、参与平安巡逻、为志愿者提供优惠、为独居老人送餐，共建干净、安全、友善的街区。',
      pledge_options: ['WASTE_SORTING', 'SAFETY_PATROL', 'VOLUNTEER_DISCOUNT', 'ELDER_MEALS'],
      steward_id: streetOfficeId,
      created_by_id: officialId,
    });
    const joined = new Date(now.getTime() - 40 * DAY);
    const bistroMember = await insert(em, 'alliance_member', { alliance_id: allianceId, organization_id: bistroId, status: 'ACTIVE', pledges: ['WASTE_SORTING', 'VOLUNTEER_DISCOUNT', 'ELDER_MEALS'], joined_at: joined, decided_by_id: officialId });
    const fruitMember = await insert(em, 'alliance_member', { alliance_id: allianceId, organization_id: fruitShopId, status: 'ACTIVE', pledges: ['WASTE_SORTING', 'SAFETY_PATROL'], joined_at: joined, decided_by_id: officialId });
    await insert(em, 'alliance_member', { alliance_id: allianceId, organization_id: barberId, status: 'APPLIED', pledges: ['VOLUNTEER_DISCOUNT', 'ELDER_MEALS'] });
    // Every demo account signed up through the privacy notice, as a real resident does.
    await em.query(
      `INSERT INTO consent_record (user_id, privacy_notice_version, terms_accepted, choices, recorded_at, ip)
       SELECT id, $1, true, jsonb_build_object('contactBySms', elder_mode), created_at, 'demo data' FROM user_account WHERE phone IS NOT NULL`,
      [PRIVACY_NOTICE.version],
    );
    // A month of pledge activity, recorded as it happened (so long past the day for corrections).
    for (let day = 30; day >= 1; day--) {
      const at = new Date(shanghaiDay(-day) + 20 * HOUR);
      await insert(em, 'pledge_activity', { alliance_member_id: bistroMember, alliance_id: allianceId, pledge: 'WASTE_SORTING', note: '厨余垃圾分类投放', quantity: 8 + (day % 5) * 1.5, unit: 'KG', occurred_at: at, created_at: at, recorded_by_id: merchantId });
      if (day % 3 === 0) await insert(em, 'pledge_activity', { alliance_member_id: fruitMember, alliance_id: allianceId, pledge: 'SAFETY_PATROL', note: '晚间沿街巡逻一圈', quantity: 1, unit: 'ROUND', occurred_at: new Date(at.getTime() + HOUR), created_at: new Date(at.getTime() + HOUR), recorded_by_id: fruitShopOwner });
      if (day % 7 === 0) await insert(em, 'pledge_activity', { alliance_member_id: bistroMember, alliance_id: allianceId, pledge: 'VOLUNTEER_DISCOUNT', note: '志愿者用餐九折', quantity: 36, unit: 'YUAN', occurred_at: new Date(at.getTime() - 6 * HOUR), created_at: new Date(at.getTime() - 6 * HOUR), recorded_by_id: merchantId });
      if (day % 10 === 0) await insert(em, 'pledge_activity', { alliance_member_id: bistroMember, alliance_id: allianceId, pledge: 'ELDER_MEALS', note: '为独居老人送午餐', quantity: 6, unit: 'MEAL', occurred_at: new Date(at.getTime() - 8 * HOUR), created_at: new Date(at.getTime() - 8 * HOUR), recorded_by_id: merchantId });
    }

    // ---------- residents' needs (共同缔造) ----------
    const need = async (n: { title: string; description: string; category: string; grid: { id: string; path: string }; by: string; onBehalfOf?: string; supporters: number }) => {
      const id = await insert(em, 'need', {
        title: n.title, description: n.description, category: n.category, region_id: n.grid.id, region_path: n.grid.path,
        posted_by_id: n.by, on_behalf_of_id: n.onBehalfOf ?? null,
      });
      for (let i = 0; i < n.supporters; i++) await em.query('INSERT INTO need_support (need_id, user_id) VALUES ($1, $2)', [id, volunteers[10 + i]]);
      return id;
    };
    await need({ title: '3 栋楼道灯坏了', description: '玉林北路 3 栋 2 单元楼道灯不亮，老人晚上上下楼不安全，希望尽快修好。', category: 'SAFETY_PATROL', grid: grids[0], by: gridLeaderId, onBehalfOf: elderId, supporters: 7 });
    await need({ title: '小区缺少休息长椅', description: '菜市场门口的公交站没有座椅，老人等车很辛苦，建议加装两张长椅。', category: 'COMMUNITY_EVENT', grid: grids[1], by: volunteers[3], supporters: 12 });
    await need({ title: '希望开设老年人手机课', description: '很多老人不会用手机挂号、视频通话，希望每周有志愿者教一教。', category: 'EDUCATION', grid: grids[2], by: elder2Id, supporters: 5 });
    const adoptedNeed = await need({ title: '河边垃圾多，想组织一次清洁', description: '火车南站附近河道边塑料袋和烟头很多，希望大家一起清理。', category: 'ENVIRONMENT', grid: grids[21], by: volunteers[20], supporters: 9 });
    const needTask = await insert(em, 'task', {
      organization_id: ngoId, title: '河道边垃圾清理（居民提议）', description: '回应居民提议：沿河拾捡垃圾，提供手套与夹子。', category: 'ENVIRONMENT',
      region_id: grids[21].id, region_path: grids[21].path, status: 'DRAFT', created_by_id: coordinatorId,
    });
    await em.query(`UPDATE need SET status = 'ADOPTED', adopted_by_id = $2, task_id = $3 WHERE id = $1`, [adoptedNeed, ngoId, needTask]);

    // ---------- tasks with shifts over the coming two weeks ----------
    const task = async (t: {
      org: string; title: string; description: string; category: string; grid: (typeof grids)[number] | { id: string; path: string };
      skills?: string[]; approval?: boolean; code?: boolean; shifts: { day: number; hour: number; hours: number; capacity: number }[];
    }) => {
      const taskId = await insert(em, 'task', {
        organization_id: t.org, title: t.title, description: t.description, category: t.category, region_id: t.grid.id, region_path: t.grid.path,
        required_skills: t.skills ?? [], requires_approval: t.approval ?? false, requires_check_in_code: t.code ?? false,
        status: 'PUBLISHED', created_by_id: coordinatorId, published_at: now,
      });
      const shiftIds: string[] = [];
      for (const s of t.shifts) {
        const startsAt = new Date(shanghaiDay(s.day) + s.hour * HOUR);
        shiftIds.push(
          await insert(em, 'shift', {
            task_id: taskId, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + s.hours * HOUR), capacity: s.capacity,
            check_in_code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
          }),
        );
      }
      return shiftIds;
    };
    const claim = (shiftId: string, volunteer: string, status = 'CONFIRMED', extra: Record<string, unknown> = {}) =>
      insert(em, 'shift_claim', { shift_id: shiftId, volunteer_id: volunteer, status, ...extra });

    const meals = await task({
      org: ngoId, title: '为独居老人送午餐', category: 'ELDER_CARE', grid: grids[0], skills: ['ELDER_CARE'],
      description: '从社区食堂取餐，送到玉林北路的独居老人家中，并陪老人聊几句。请穿志愿者马甲，11:00 在社区食堂门口集合。',
      shifts: [1, 2, 3, 5, 8, 10].map((day) => ({ day, hour: 11, hours: 2, capacity: 4 })),
    });
    const sorting = await task({
      org: committeeId, title: '垃圾分类桶边督导', category: 'WASTE_SORTING', grid: grids[1], code: true,
      description: '早晚高峰在小区垃圾投放点指导居民正确分类。需扫码签到。',
      shifts: [1, 2, 4, 6, 9, 11, 13].flatMap((day) => [{ day, hour: 7, hours: 2, capacity: 3 }, { day, hour: 18, hours: 2, capacity: 3 }]),
    });
    const patrol = await task({
      org: streetOfficeId, title: '夜间平安巡逻', category: 'SAFETY_PATROL', grid: { id: communities[1].id, path: communities[1].path }, approval: true,
      description: '与社区民警一起在玉林南路片区夜间巡逻，留意消防通道与独居老人家的灯光。需审核。',
      shifts: [2, 5, 9, 12].map((day) => ({ day, hour: 20, hours: 3, capacity: 6 })),
    });
    const firstAid = await task({
      org: ngoId, title: '社区急救知识讲座助教', category: 'HEALTH', grid: grids[4], skills: ['FIRST_AID'],
      description: '协助红十字会讲师演示心肺复苏与 AED 使用，需有急救证。',
      shifts: [{ day: 6, hour: 14, hours: 3, capacity: 2 }],
    });
    const tutoring = await task({
      org: womensFedId, title: '四点半课堂：小学生作业辅导', category: 'EDUCATION', grid: grids[2], skills: ['TUTORING'],
      description: '放学后在社区活动室陪伴小学生完成作业。',
      shifts: [1, 2, 3, 4, 7, 8, 9, 10, 11].map((day) => ({ day, hour: 16.5, hours: 2, capacity: 5 })),
    });
    await task({
      org: committeeId, title: '智能手机教学：帮老人学用健康码和挂号', category: 'ELDER_CARE', grid: grids[3], skills: ['COMPUTER'],
      description: '一对一教老人使用手机挂号、视频通话与防诈骗知识。',
      shifts: [3, 10].map((day) => ({ day, hour: 9.5, hours: 2.5, capacity: 8 })),
    });
    await task({
      org: ngoId, title: '锦里社区义剪与小家电维修', category: 'COMMUNITY_EVENT', grid: grids[10], skills: ['REPAIR'],
      description: '周末便民服务集市：义务理发、修小家电、磨剪刀。',
      shifts: [{ day: 5, hour: 9, hours: 4, capacity: 10 }, { day: 12, hour: 9, hours: 4, capacity: 10 }],
    });
    await task({
      org: streetOfficeId, title: '火车南站片区河道清洁', category: 'ENVIRONMENT', grid: grids[21],
      description: '沿河拾捡垃圾、清理落叶，提供手套与夹子。',
      shifts: [{ day: 6, hour: 8.5, hours: 3, capacity: 20 }],
    });
    await task({
      org: ngoId, title: '桐梓林国际社区英语导览', category: 'CULTURE', grid: grids[20], skills: ['TUTORING'],
      description: 'Guide newcomers from abroad through the neighbourhood: markets, clinics, the community office. English needed.',
      shifts: [{ day: 7, hour: 10, hours: 2, capacity: 3 }, { day: 14, hour: 10, hours: 2, capacity: 3 }],
    });

    // ---------- claims, so the board shows life ----------
    // The first meal delivery is full with a waiting list.
    for (let i = 1; i <= 4; i++) await claim(meals[0], volunteers[i]);
    await claim(meals[0], volunteers[5], 'WAITLISTED');
    await claim(meals[0], volunteers[6], 'WAITLISTED');
    await claim(meals[1], volunteerId);
    await claim(sorting[0], volunteers[7]);
    await claim(sorting[2], volunteers[8]);
    await claim(tutoring[0], volunteers[9]);
    await claim(tutoring[0], volunteers[10]);
    await claim(firstAid[0], volunteers[11]);
    await claim(patrol[0], volunteers[12], 'PENDING_APPROVAL');
    await claim(patrol[0], volunteers[13]);
    await claim(meals[2], elderId, 'CONFIRMED', { acting_proxy_id: gridLeaderId });

    // A past shift with verified service, so hours and totals are not empty.
    const past = await task({
      org: ngoId, title: '重阳节敬老活动', category: 'ELDER_CARE', grid: grids[0],
      description: '为社区老人包饺子、表演节目。',
      shifts: [{ day: -20, hour: 9, hours: 3, capacity: 12 }],
    });
    for (const v of [volunteerId, volunteers[1], volunteers[2], volunteers[3]]) {
      const checkIn = new Date(shanghaiDay(-20) + 9 * HOUR - 10 * 60_000);
      const checkOut = new Date(checkIn.getTime() + 190 * 60_000);
      const claimId = await claim(past[0], v, 'ATTENDED', { check_in_at: checkIn, check_out_at: checkOut, checked_in_by_id: v });
      await insert(em, 'service_record', {
        claim_id: claimId, volunteer_id: v, minutes: 180, status: 'VERIFIED', verified_at: new Date(checkOut.getTime() + DAY), verified_by_id: coordinatorId,
      });
    }
    await em.query(`UPDATE task SET status = 'COMPLETED', closed_at = now(), completed_at = now() WHERE id = (SELECT task_id FROM shift WHERE id = $1)`, [past[0]]);
    // Hours served off the platform, reported by a volunteer and awaiting the coordinator's decision.
    await insert(em, 'service_record', {
      source: 'REPORTED', volunteer_id: volunteers[1], minutes: 120, status: 'PENDING', organization_id: ngoId,
      served_on: new Date(shanghaiDay(-3) + 8 * HOUR).toISOString().slice(0, 10), description: '按纸质签到表：在社区活动室教老人使用智能手机。', reported_by_id: volunteers[1],
    });
    // Residents' ratings of it (效果共评).
    const pastTask: { task_id: string }[] = await em.query('SELECT task_id FROM shift WHERE id = $1', [past[0]]);
    for (const [reviewer, rating, comment] of [
      [volunteerId, 5, '老人们很开心，饺子也好吃！'],
      [elderId, 5, '谢谢志愿者们陪我们过节。'],
      [volunteers[2], 4, '组织得不错，希望明年人更多。'],
    ] as const) {
      await insert(em, 'task_review', { task_id: pastTask[0].task_id, reviewer_id: reviewer, rating, comment });
    }

    // ---------- incentives: earnings, the street office's budget, officials' awards ----------
    const adminId: string = (await em.query(`SELECT id FROM user_account WHERE phone = $1`, [admin.phone]))[0].id;
    const ledger = demoLedger(em);
    // Verified check-in service earned its points and time credits (10 points an hour).
    const verified: { id: string; volunteer_id: string; minutes: number; verified_at: Date; title: string }[] = await em.query(
      `SELECT r.id, r.volunteer_id, r.minutes, r.verified_at, t.title FROM service_record r JOIN shift_claim c ON c.id = r.claim_id JOIN shift s ON s.id = c.shift_id JOIN task t ON t.id = s.task_id
        WHERE r.status = 'VERIFIED' AND r.source = 'CHECKED_IN' ORDER BY r.verified_at`,
    );
    for (const r of verified) {
      const ref = { type: 'service_record', id: r.id };
      await ledger.post({ kind: 'SERVICE_EARNING', currency: 'POINTS', from: { system: 'ISSUANCE' }, to: { user: r.volunteer_id }, amount: Math.round(r.minutes / 6), memo: r.title, ref, at: r.verified_at });
      await ledger.post({ kind: 'TIME_CREDIT_EARNING', currency: 'TIME_CREDITS', from: { system: 'ISSUANCE' }, to: { user: r.volunteer_id }, amount: r.minutes, memo: r.title, ref, at: r.verified_at });
    }
    await ledger.post({ kind: 'BUDGET_ALLOCATION', currency: 'POINTS', from: { system: 'ISSUANCE' }, to: { organization: streetOfficeId }, amount: 20_000, memo: '2026年度志愿服务激励预算', actor: adminId, at: new Date(shanghaiDay(-30)) });
    const award = async (recipient: { user: string } | { organization: string }, points: number, reason: string, daysAgo: number) => {
      const id = randomUUID();
      const at = new Date(shanghaiDay(-daysAgo) + 10 * HOUR);
      const transferId = await ledger.post({ kind: 'INCENTIVE', currency: 'POINTS', from: { organization: streetOfficeId }, to: recipient, amount: points, memo: reason, ref: { type: 'incentive', id }, actor: officialId, at });
      await insert(em, 'incentive', {
        id, budget_organization_id: streetOfficeId, points, reason, status: 'ISSUED', issued_by_id: officialId, transfer_id: transferId, created_at: at,
        ...('user' in recipient ? { recipient_user_id: recipient.user } : { recipient_organization_id: recipient.organization }),
      });
    };
    await award({ user: volunteerId }, 200, '连续三个月参与玉林北路垃圾分类引导', 12);
    await award({ organization: ngoId }, 500, '重阳节敬老活动组织有力，服务老人120人次', 8);
    await award({ user: volunteers[2] }, 100, '夜间巡逻中及时发现并报告燃气泄漏', 5);
    // Above the 500-point threshold: waits for the second official (孙丽).
    const pendingPoints = 800;
    await insert(em, 'incentive', {
      budget_organization_id: streetOfficeId, recipient_user_id: gridLeaderId, points: pendingPoints, reason: '全年走访独居老人300余户次', status: 'PENDING_APPROVAL', issued_by_id: officialId,
      created_at: new Date(shanghaiDay(-1) + 15 * HOUR),
    });
    await em.query(`UPDATE ledger_account SET reserved = reserved + $2 WHERE organization_id = $1 AND currency = 'POINTS'`, [streetOfficeId, pendingPoints]);

    // ---------- honours and certificates ----------
    // The NGO honours its volunteer, and certified his service at the Double Ninth
    // festival: asked for, approved by its owner, seven days of publicity, issued.
    await insert(em, 'honour', {
      user_id: volunteerId, organization_id: ngoId, title: '优秀志愿者', reason: '重阳节敬老活动中组织老人包饺子、表演节目，热心可靠。', awarded_by_id: ngoOwnerId, awarded_at: new Date(shanghaiDay(-15) + 10 * HOUR),
    });
    const requestedAt = new Date(shanghaiDay(-13) + 10 * HOUR);
    const decidedAt = new Date(requestedAt.getTime() + DAY);
    const publicityEndsAt = new Date(decidedAt.getTime() + 7 * DAY);
    const [{ n: serialNumber }]: { n: string }[] = await em.query(`SELECT nextval('service_certificate_serial_seq') AS n`);
    await insert(em, 'service_certificate', {
      holder_id: volunteerId, organization_id: ngoId, period_from: new Date(shanghaiDay(-30)), period_to: new Date(shanghaiDay(-14)), status: 'ISSUED',
      serial: `CG-${new Date(decidedAt.getTime() + 8 * HOUR).getUTCFullYear()}-${String(serialNumber).padStart(6, '0')}`,
      checked_in_minutes: 180, reported_minutes: 0, requested_at: requestedAt, decided_at: decidedAt, decided_by_id: ngoOwnerId, publicity_ends_at: publicityEndsAt, issued_at: publicityEndsAt,
    });

    // ---------- rewards at the alliance's merchants, redemptions and a settlement month ----------
    await em.query(`UPDATE alliance SET settlement_rate_fen = 10 WHERE id = $1`, [allianceId]);
    const reward = (merchant: string, title: string, description: string, pointsCost: number, stock: number) =>
      insert(em, 'reward', {
        merchant_id: merchant, alliance_id: allianceId, region_path: yulinStreet.path, title, description, points_cost: pointsCost, stock,
        created_by_id: merchant === bistroId ? merchantId : fruitShopOwner, created_at: joined, updated_at: joined,
      });
    const mealVoucher = await reward(bistroId, '志愿者午餐券', '凭兑换码在玉林小馆享用一份家常午餐（工作日 11:00–14:00）。', 15, 20);
    const fruit = await reward(fruitShopId, '时令水果一份', '凭兑换码到老王水果店领取当季水果约一斤。', 10, 30);
    await reward(bistroId, '暂停中的饮品券', '夏季限定，现已暂停兑换。', 5, 10).then((id) => em.query(`UPDATE reward SET paused = true WHERE id = $1`, [id]));
    const codeAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
    const redemption = async (who: string, rewardId: string, merchant: string, staff: string, points: number, title: string, at: Date, confirmed: boolean) => {
      const id = randomUUID();
      const ref = { type: 'redemption', id };
      const hold = await ledger.post({ kind: 'REDEMPTION_HOLD', currency: 'POINTS', from: { user: who }, to: { system: 'REDEMPTION_HOLDS' }, amount: points, memo: title, at, ref, actor: who });
      const confirmedAt = new Date(at.getTime() + 5 * 60_000);
      const settled = confirmed
        ? await ledger.post({ kind: 'REDEMPTION_SETTLED', currency: 'POINTS', from: { system: 'REDEMPTION_HOLDS' }, to: { organization: merchant }, amount: points, memo: title, at: confirmedAt, ref, actor: staff })
        : null;
      await em.query(`UPDATE reward SET stock = stock - 1 WHERE id = $1`, [rewardId]);
      await insert(em, 'redemption', {
        id, reward_id: rewardId, merchant_id: merchant, user_id: who, redeemed_by_id: who, points,
        code: Array.from({ length: 8 }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join(''),
        status: confirmed ? 'CONFIRMED' : 'HELD', expires_at: new Date(at.getTime() + 30 * 60_000), hold_transfer_id: hold, settled_transfer_id: settled,
        confirmed_at: confirmed ? confirmedAt : null, confirmed_by_id: confirmed ? staff : null, created_at: at,
      });
    };
    // This month's first instant in Shanghai; last month's redemptions fall a few days before it.
    const monthStart = (() => {
      const local = new Date(now.getTime() + 8 * HOUR);
      return Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * HOUR;
    })();
    const lastMonth = new Date(monthStart - 3 * DAY + 4 * HOUR);
    const thisMonth = new Date(Math.max(monthStart + 60_000, now.getTime() - 3 * HOUR));
    await redemption(volunteers[1], mealVoucher, bistroId, merchantId, 15, '志愿者午餐券', lastMonth, true);
    await redemption(volunteers[2], fruit, fruitShopId, fruitShopOwner, 10, '时令水果一份', new Date(lastMonth.getTime() + HOUR), true);
    await redemption(volunteers[2], fruit, fruitShopId, fruitShopOwner, 10, '时令水果一份', thisMonth, true);
    await redemption(volunteerId, fruit, fruitShopId, fruitShopOwner, 10, '时令水果一份', new Date(thisMonth.getTime() + 60_000), true);
    // 王小明's code waiting to be shown at the bistro's counter (expired by the sweep if unused).
    await redemption(volunteerId, mealVoucher, bistroId, merchantId, 15, '志愿者午餐券', new Date(now.getTime() - 60_000), false);

    log?.(`demo data loaded: ${1 + streets.length + communities.length + grids.length} regions, ${volunteers.length} volunteers`);
    return true;
  });
}
