import { DataSource } from 'typeorm';
import { Clock, statementCounter } from '@civicgrid/platform';
import { PledgeUnits1765230000000 } from '../src/migrations/1765230000000-pledge-units';
import { TestApi } from './support/test-api';
import { TestRegions } from './support/factories';

const CREATE_ALLIANCE = `mutation($input: CreateAllianceInput!) { createAlliance(input: $input) { id pledgeOptions pledgeOptionUnits { pledge units } } }`;
const APPLY = `mutation($input: ApplyToAllianceInput!) { applyToAlliance(input: $input) { id } }`;
const DECIDE = `mutation($input: DecideAllianceApplicationInput!) { decideAllianceApplication(input: $input) { id status } }`;
const FIELDS = `id pledge quantity unit note occurredAt recordedAt changeableUntil viewerMayChange`;
const RECORD = `mutation($input: RecordPledgeActivityInput!) { recordPledgeActivity(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePledgeActivityInput!) { updatePledgeActivity(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($input: DeletePledgeActivityInput!) { deletePledgeActivity(input: $input) { ${FIELDS} } }`;
const TOTALS = `query($id: ID!, $months: Int) { alliance(id: $id) {
  pledgeTotals(months: $months) { month pledge unit quantity records }
  members { edges { node { id pledgeTotals { month pledge unit quantity records } } } }
  activity { totalCount edges { node { id viewerMayChange } } } } }`;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const shanghaiMonth = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 7);

describe('pledge activity', () => {
  let api: TestApi;
  let regions: TestRegions;
  let clock: Clock;
  beforeAll(async () => {
    api = await TestApi.start();
    regions = await api.make.regions();
    clock = api.get(Clock);
  });
  afterEach(() => clock.reset());
  afterAll(async () => {
    await api.close();
  });

  /** An alliance with one active member that pledged waste sorting and safety patrols; the merchant owns the member. */
  async function activeMember(pledges = ['WASTE_SORTING', 'SAFETY_PATROL']) {
    const steward = await api.make.user();
    const stewardOrg = await api.make.organization(regions.street.id, [[steward, 'ADMIN']], { kind: 'STREET_OFFICE' });
    const merchant = await api.make.user();
    const colleague = await api.make.user();
    const shop = await api.make.organization(regions.grid.id, [[merchant, 'OWNER'], [colleague, 'ADMIN']], { kind: 'MERCHANT' });
    const { createAlliance: alliance } = await api.ok(
      CREATE_ALLIANCE,
      { input: { name: `联盟 ${Math.random()}`, regionId: regions.street.id, charter: '共建共治', pledgeOptions: ['WASTE_SORTING', 'SAFETY_PATROL', 'VOLUNTEER_DISCOUNT', 'FREE_REPAIRS'], stewardOrganizationId: stewardOrg } },
      steward.token,
    );
    const { applyToAlliance: m } = await api.ok(APPLY, { input: { allianceId: alliance.id, organizationId: shop, pledges } }, merchant.token);
    await api.ok(DECIDE, { input: { allianceMemberId: m.id, approve: true } }, steward.token);
    return { alliance, memberId: m.id as string, merchant, colleague, steward, shop };
  }
  const count = async (memberId: string) => (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pledge_activity WHERE alliance_member_id = $1`, [memberId]))[0].n;

  it('should list the units of each pledge option, the known ones first and by words for the alliance’s own', async () => {
    const { alliance } = await activeMember();
    expect(alliance.pledgeOptionUnits).toEqual([
      { pledge: 'WASTE_SORTING', units: ['KG', 'BAG'] },
      { pledge: 'SAFETY_PATROL', units: ['ROUND', 'HOUR'] },
      { pledge: 'VOLUNTEER_DISCOUNT', units: ['YUAN', 'PERSON'] },
      { pledge: 'FREE_REPAIRS', units: ['ITEM', 'HOUR'] },
    ]);
  });

  it('should refuse an empty or zero record on its field and save nothing', async () => {
    const { memberId, merchant } = await activeMember();
    const base = { allianceMemberId: memberId, pledge: 'SAFETY_PATROL' };
    expect(await api.fails(RECORD, { input: base }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity', key: 'alliance.quantityRequired' });
    expect(await api.fails(RECORD, { input: { ...base, pledge: '  ' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pledge' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: 0, unit: 'ROUND' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity', key: 'alliance.quantityPositive' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: -2, unit: 'ROUND' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: 1 } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit', key: 'alliance.unitRequired' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: 1, unit: 'rounds' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit', key: 'alliance.unitNotForPledge' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: 1, unit: 'KG' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit', key: 'alliance.unitNotForPledge' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: 1.5, unit: 'ROUND' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity', key: 'alliance.quantityWhole' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: 1, unit: 'ROUND', note: 'x'.repeat(1001) } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(await api.fails(RECORD, { input: { ...base, quantity: 1, unit: 'ROUND', occurredAt: new Date(clock.nowMs() + DAY).toISOString() } }, merchant.token)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'occurredAt',
    });
    expect(await count(memberId)).toBe(0);
    const { recordPledgeActivity: p } = await api.ok(RECORD, { input: { ...base, quantity: 1, unit: 'round', note: '晚间巡逻' } }, merchant.token);
    expect(p).toMatchObject({ pledge: 'SAFETY_PATROL', quantity: 1, unit: 'ROUND', note: '晚间巡逻', viewerMayChange: true });
    expect(await count(memberId)).toBe(1);
  });

  it('should hold the units and a positive quantity in the database too', async () => {
    const { alliance, memberId } = await activeMember();
    const insert = (quantity: number | null, unit: string | null) =>
      api.sql(`INSERT INTO pledge_activity (alliance_member_id, alliance_id, pledge, quantity, unit, occurred_at) VALUES ($1, $2, 'SAFETY_PATROL', $3, $4, now())`, [memberId, alliance.id, quantity, unit]);
    await expect(insert(1, 'rounds')).rejects.toThrow(/pledge_activity_unit_known/);
    await expect(insert(0, 'ROUND')).rejects.toThrow(/pledge_activity_quantity_positive/);
    await expect(insert(null, null)).rejects.toThrow(/pledge_activity_counted/);
    expect(await count(memberId)).toBe(0);
  });

  it('should let the recorder correct and delete a record within a day, audited, and refuse others and later changes', async () => {
    const { memberId, merchant, colleague, steward } = await activeMember();
    const record = async (quantity: number, token = merchant.token) =>
      (await api.ok(RECORD, { input: { allianceMemberId: memberId, pledge: 'WASTE_SORTING', quantity, unit: 'KG' } }, token)).recordPledgeActivity;
    const p = await record(12);
    expect(new Date(p.changeableUntil).getTime() - new Date(p.recordedAt).getTime()).toBe(DAY);

    // Only its recorder: not a colleague of the same shop, not the steward.
    for (const who of [colleague, steward]) {
      expect(await api.fails(UPDATE, { input: { pledgeActivityId: p.id, quantity: 3 } }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await api.fails(DELETE, { input: { pledgeActivityId: p.id } }, who.token)).toMatchObject({ code: 'FORBIDDEN' });
    }
    const seen = await api.ok(TOTALS, { id: (await api.sql(`SELECT alliance_id FROM pledge_activity WHERE id = $1`, [p.id]))[0].alliance_id }, colleague.token);
    expect(seen.alliance.activity.edges).toEqual([{ node: { id: p.id, viewerMayChange: false } }]);

    // A bad correction changes nothing.
    expect(await api.fails(UPDATE, { input: { pledgeActivityId: p.id, quantity: 0 } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'quantity' });
    expect(await api.fails(UPDATE, { input: { pledgeActivityId: p.id, unit: 'ROUND' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
    expect(await api.fails(UPDATE, { input: { pledgeActivityId: p.id, pledge: 'VOLUNTEER_DISCOUNT' } }, merchant.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pledge' });
    expect((await api.sql(`SELECT quantity, unit, note FROM pledge_activity WHERE id = $1`, [p.id]))[0]).toEqual({ quantity: 12, unit: 'KG', note: null });

    clock.travel(23 * HOUR);
    const token = await api.make.token(merchant.id);
    const { updatePledgeActivity: u } = await api.ok(UPDATE, { input: { pledgeActivityId: p.id, quantity: 2, unit: 'BAG', note: '两袋厨余' } }, token);
    expect(u).toMatchObject({ id: p.id, pledge: 'WASTE_SORTING', quantity: 2, unit: 'BAG', note: '两袋厨余', viewerMayChange: true });
    const [audit] = await api.sql(`SELECT detail FROM audit_entry WHERE action = 'pledgeActivity.update' AND subject_id = $1`, [p.id]);
    expect(audit.detail).toMatchObject({ basis: 'self', before: { quantity: 12, unit: 'KG', note: null }, after: { quantity: 2, unit: 'BAG', note: '两袋厨余' } });

    // A day after recording it is the record for good.
    clock.travel(1 * HOUR + 1000);
    const later = await api.make.token(merchant.id);
    expect(await api.fails(UPDATE, { input: { pledgeActivityId: p.id, quantity: 3 } }, later)).toMatchObject({ code: 'CONFLICT', key: 'alliance.activityLocked' });
    expect(await api.fails(DELETE, { input: { pledgeActivityId: p.id } }, later)).toMatchObject({ code: 'CONFLICT', key: 'alliance.activityLocked' });
    expect((await api.sql(`SELECT quantity, unit FROM pledge_activity WHERE id = $1`, [p.id]))[0]).toEqual({ quantity: 2, unit: 'BAG' });

    // A fresh record can still be deleted; the audit log keeps what it said.
    const q = await record(5, later);
    expect(q.viewerMayChange).toBe(true);
    const { deletePledgeActivity: d } = await api.ok(DELETE, { input: { pledgeActivityId: q.id } }, later);
    expect(d).toMatchObject({ id: q.id, quantity: 5, unit: 'KG' });
    expect(await api.sql(`SELECT id FROM pledge_activity WHERE id = $1`, [q.id])).toEqual([]);
    const [gone] = await api.sql(`SELECT detail FROM audit_entry WHERE action = 'pledgeActivity.delete' AND subject_id = $1`, [q.id]);
    expect(gone.detail).toMatchObject({ basis: 'self', pledge: 'WASTE_SORTING', quantity: 5, unit: 'KG' });
    expect(await api.fails(DELETE, { input: { pledgeActivityId: q.id } }, later)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('should refuse a change by a recorder who is no longer an admin of the member', async () => {
    const { memberId, colleague, shop } = await activeMember();
    const { recordPledgeActivity: p } = await api.ok(RECORD, { input: { allianceMemberId: memberId, pledge: 'WASTE_SORTING', quantity: 4, unit: 'KG' } }, colleague.token);
    await api.sql(`UPDATE membership SET role = 'MEMBER' WHERE organization_id = $1 AND user_id = $2`, [shop, colleague.id]);
    expect(await api.fails(DELETE, { input: { pledgeActivityId: p.id } }, colleague.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await count(memberId)).toBe(1);
  });

  it('should total the activity per month, pledge and unit for the alliance and each member', async () => {
    const { alliance, memberId, merchant } = await activeMember();
    // Noon on the 15th in Shanghai, so that a few hours either side stay in one month.
    const month = shanghaiMonth(clock.nowMs());
    clock.travel(Date.parse(`${month}-15T04:00:00.000Z`) - clock.nowMs());
    const token = await api.make.token(merchant.id);
    const now = clock.nowMs();
    const record = (pledge: string, quantity: number, unit: string, occurredAt: number) =>
      api.ok(RECORD, { input: { allianceMemberId: memberId, pledge, quantity, unit, occurredAt: new Date(occurredAt).toISOString() } }, token);
    await record('WASTE_SORTING', 12.5, 'KG', now - HOUR);
    await record('WASTE_SORTING', 3, 'KG', now - 2 * HOUR);
    await record('WASTE_SORTING', 2, 'BAG', now - 3 * HOUR);
    await record('SAFETY_PATROL', 1, 'ROUND', now - 4 * HOUR);
    await record('SAFETY_PATROL', 2, 'ROUND', now - 40 * DAY);
    const earlier = shanghaiMonth(now - 40 * DAY);

    const { alliance: a } = await api.ok(TOTALS, { id: alliance.id });
    expect(a.pledgeTotals).toEqual([
      { month, pledge: 'SAFETY_PATROL', unit: 'ROUND', quantity: 1, records: 1 },
      { month, pledge: 'WASTE_SORTING', unit: 'BAG', quantity: 2, records: 1 },
      { month, pledge: 'WASTE_SORTING', unit: 'KG', quantity: 15.5, records: 2 },
      { month: earlier, pledge: 'SAFETY_PATROL', unit: 'ROUND', quantity: 2, records: 1 },
    ]);
    expect(a.members.edges[0].node).toEqual({ id: memberId, pledgeTotals: a.pledgeTotals });

    // The current month only: the earlier patrol falls out.
    const { alliance: one } = await api.ok(TOTALS, { id: alliance.id, months: 1 });
    expect(one.pledgeTotals.map((r: { month: string }) => r.month)).toEqual([month, month, month]);
  });

  it('should map the free-text units of earlier records to codes and keep the rest readable in the note', async () => {
    const { alliance, memberId } = await activeMember();
    const q = api.get(DataSource).createQueryRunner();
    const migration = new PledgeUnits1765230000000();
    await q.connect();
    await q.startTransaction();
    try {
      // Back to free text, as recorded before the migration; undone by the rollback below.
      await migration.down(q);
      const legacy: [number | null, string | null, string | null][] = [
        [1, 'rounds', null],
        [36, 'yuan', '志愿者用餐九折'],
        [6, ' Meals ', null],
        [8.5, '公斤', null],
        [3, 'buckets', '擦玻璃'],
        [0, 'kg', null],
        [null, null, '只有备注'],
      ];
      for (const [quantity, unit, note] of legacy) {
        await q.query(`INSERT INTO pledge_activity (alliance_member_id, alliance_id, pledge, quantity, unit, note, occurred_at) VALUES ($1, $2, 'SAFETY_PATROL', $3, $4, $5, now())`, [memberId, alliance.id, quantity, unit, note]);
      }
      await migration.up(q);
      const rows = await q.query(`SELECT quantity, unit, note FROM pledge_activity WHERE alliance_member_id = $1 ORDER BY created_at, id`, [memberId]);
      expect(rows).toEqual(
        expect.arrayContaining([
          { quantity: 1, unit: 'ROUND', note: null },
          { quantity: 36, unit: 'YUAN', note: '志愿者用餐九折' },
          { quantity: 6, unit: 'MEAL', note: null },
          { quantity: 8.5, unit: 'KG', note: null },
          { quantity: null, unit: null, note: '擦玻璃 (3 buckets)' },
          { quantity: null, unit: null, note: null },
          { quantity: null, unit: null, note: '只有备注' },
        ]),
      );
      expect(rows).toHaveLength(legacy.length);
    } finally {
      await q.rollbackTransaction();
      await q.release();
    }
  });

  it('should answer totals and change rights for every member and record in the same number of statements for one member as for three', async () => {
    const statementsFor = async (allianceId: string, token: string) => {
      // Notifications of the approvals go out in the background: let them finish first.
      await api.eventsSettled();
      statementCounter.count = 0;
      const r = await api.gql(TOTALS, { id: allianceId }, token);
      expect(r.errors).toBeUndefined();
      return { count: statementCounter.count, data: r.data };
    };
    // Members made active directly: an approval's notifications would run statements of their own in the background.
    const merchant = await api.make.user();
    const steward = await api.make.user();
    const stewardOrg = await api.make.organization(regions.street.id, [[steward, 'ADMIN']], { kind: 'STREET_OFFICE' });
    const allianceWith = async (members: number) => {
      const { createAlliance: a } = await api.ok(
        CREATE_ALLIANCE,
        { input: { name: `联盟 ${Math.random()}`, regionId: regions.street.id, charter: '共建共治', pledgeOptions: ['WASTE_SORTING'], stewardOrganizationId: stewardOrg } },
        steward.token,
      );
      for (let i = 0; i < members; i++) {
        const shop = await api.make.organization(regions.grid.id, [[merchant, 'OWNER']], { kind: 'MERCHANT' });
        const [m] = await api.sql(`INSERT INTO alliance_member (alliance_id, organization_id, status, pledges, joined_at) VALUES ($1, $2, 'ACTIVE', '{WASTE_SORTING}', now()) RETURNING id`, [a.id, shop]);
        await api.ok(RECORD, { input: { allianceMemberId: m.id, pledge: 'WASTE_SORTING', quantity: 1, unit: 'KG' } }, await api.make.token(merchant.id));
      }
      return a.id as string;
    };
    const one = await allianceWith(1);
    const three = await allianceWith(3);
    const token = await api.make.token(merchant.id);
    const small = await statementsFor(one, token);
    const large = await statementsFor(three, token);
    expect(large.data?.alliance.members.edges).toHaveLength(3);
    expect(large.data?.alliance.activity.totalCount).toBe(3);
    expect(large.count).toBe(small.count);
  });
});
