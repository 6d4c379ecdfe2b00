import { statementCounter } from '@civicgrid/platform';
import { TestApi } from './support/test-api';
import { TestRegions } from './support/factories';

// The board, a task's shifts and the claim's answer, read with the resident acted for.
const BOARD = `query($regionId: ID, $for: ID) { openShifts(filter: { regionId: $regionId }, first: 20) { edges { node { id viewerClaim(onBehalfOf: $for) { id status volunteer { id } } } } } }`;
const TASK = `query($id: ID!, $for: ID) { task(id: $id) { shifts { id viewerClaim(onBehalfOf: $for) { id status } } } }`;
const CLAIM = `mutation($input: ClaimShiftInput!, $for: ID) { claimShift(input: $input) { id status shift { id viewerClaim(onBehalfOf: $for) { id status } } } }`;
const CANCEL = `mutation($id: ID!) { cancelClaim(input: { claimId: $id }) { id status } }`;

describe('a proxy reads the claims of the resident acted for', () => {
  let api: TestApi;
  let regions: TestRegions;
  let orgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    ({ regions, orgId } = await api.make.coordinatedOrganization());
  });
  afterAll(async () => {
    await api.close();
  });

  const claimsOnBoard = async (token: string, forId?: string) => {
    const { openShifts } = await api.ok(BOARD, { regionId: regions.grid.id, for: forId ?? null }, token);
    return new Map<string, { id: string; status: string; volunteer: { id: string } } | null>(openShifts.edges.map((e: any) => [e.node.id, e.node.viewerClaim]));
  };

  it("should show the resident's own claim per shift to their proxy, apart from the proxy's own", async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 30, capacity: 3 }, { startInHours: 54, capacity: 3 }] });
    const [resident, leader] = await api.make.users(2);
    await api.make.proxyGrant(resident, leader);
    const [held, other] = t.shiftIds;
    // The resident holds the first shift (claimed by him), the leader the second for herself.
    const own = (await api.ok(CLAIM, { input: { shiftId: held } }, resident.token)).claimShift;
    await api.ok(CLAIM, { input: { shiftId: other } }, leader.token);

    const forResident = await claimsOnBoard(leader.token, resident.id);
    expect(forResident.get(held)).toMatchObject({ id: own.id, status: 'CONFIRMED', volunteer: { id: resident.id } });
    expect(forResident.get(other)).toBeNull();
    const forHerself = await claimsOnBoard(leader.token);
    expect(forHerself.get(held)).toBeNull();
    expect(forHerself.get(other)).toMatchObject({ status: 'CONFIRMED', volunteer: { id: leader.id } });
    // The person themself may name their own id.
    expect((await claimsOnBoard(resident.token, resident.id)).get(held)).toMatchObject({ id: own.id });

    const { task } = await api.ok(TASK, { id: t.id, for: resident.id }, leader.token);
    expect(task.shifts.map((s: any) => [s.id, s.viewerClaim?.status ?? null])).toEqual([
      [held, 'CONFIRMED'],
      [other, null],
    ]);
  });

  it("should answer a proxy's claim with the resident's claim on the shift, and drop it once cancelled", async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 40, capacity: 2 }] });
    const [resident, leader] = await api.make.users(2);
    await api.make.proxyGrant(resident, leader);
    const { claimShift } = await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0], onBehalfOfUserId: resident.id }, for: resident.id }, leader.token);
    expect(claimShift.shift.viewerClaim).toEqual({ id: claimShift.id, status: 'CONFIRMED' });
    expect((await claimsOnBoard(leader.token, resident.id)).get(t.shiftIds[0])).toMatchObject({ id: claimShift.id });

    await api.ok(CANCEL, { id: claimShift.id }, leader.token);
    expect((await claimsOnBoard(leader.token, resident.id)).get(t.shiftIds[0])).toBeNull();
  });

  it('should refuse the claims of someone who granted no proxy, or whose grant was revoked', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 60, capacity: 2 }] });
    const [resident, leader, stranger] = await api.make.users(3);
    await api.make.proxyGrant(resident, leader);
    await api.ok(CLAIM, { input: { shiftId: t.shiftIds[0] } }, resident.token);

    const strangers = await api.gql(BOARD, { regionId: regions.grid.id, for: resident.id }, stranger.token);
    expect(strangers.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await api.gql(BOARD, { regionId: regions.grid.id, for: resident.id });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });

    await api.sql(`UPDATE proxy_grant SET revoked_at = now() WHERE resident_id = $1 AND proxy_id = $2`, [resident.id, leader.id]);
    const revoked = await api.gql(BOARD, { regionId: regions.grid.id, for: resident.id }, leader.token);
    expect(revoked.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // Without naming anyone the board still answers, with the leader's own (absent) claims.
    expect((await claimsOnBoard(leader.token)).get(t.shiftIds[0])).toBeNull();
  });

  it("should read the resident's claims for a page of the board in one statement, however long the page", async () => {
    const [resident, leader] = await api.make.users(2);
    await api.make.proxyGrant(resident, leader);
    const { regions: own, orgId: org } = await api.make.coordinatedOrganization();
    const q = `query($r: ID, $n: Int, $for: ID) { openShifts(filter: { regionId: $r }, first: $n) { edges { node { id viewerClaim(onBehalfOf: $for) { id } } } } }`;
    const count = async (n: number) => {
      statementCounter.count = 0;
      const r = await api.ok(q, { r: own.grid.id, n, for: resident.id }, leader.token);
      expect(r.openShifts.edges).toHaveLength(n);
      return statementCounter.count;
    };
    for (let i = 0; i < 12; i++) await api.make.task(org, own.grid, { shifts: [{ startInHours: 100 + i, capacity: 2 }] });
    await count(1); // (a person's first request does one-off work of its own)
    const few = await count(3);
    const many = await count(12);
    expect(many).toBe(few);
  });
});
