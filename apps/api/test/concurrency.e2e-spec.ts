import { TestApi } from './support/test-api';
import { TestRegions, TestUser } from './support/factories';

const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelClaim(input: { claimId: $id }) { id status } }`;
const DECIDE = `mutation($id: ID!) { decideClaim(input: { claimId: $id, approve: true }) { id status } }`;

/**
 * The invariants are checked in SQL after real concurrent HTTP requests, not only from
 * the responses: no shift over capacity, counters equal to the rows, one standing claim
 * per volunteer, and a first-in-first-out waitlist.
 */
describe('concurrency', () => {
  let api: TestApi;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
  });
  afterAll(async () => {
    await api.close();
  });

  async function shiftState(shiftId: string) {
    const [row] = await api.sql(
      `SELECT s.capacity, s.confirmed_count, s.waitlist_count, s.pending_count,
              count(c.*) FILTER (WHERE c.status IN ('CONFIRMED','CHECKED_IN','ATTENDED'))::int AS occupying_rows,
              count(c.*) FILTER (WHERE c.status = 'WAITLISTED')::int AS waitlisted_rows,
              count(c.*) FILTER (WHERE c.status = 'PENDING_APPROVAL')::int AS pending_rows
         FROM shift s LEFT JOIN shift_claim c ON c.shift_id = s.id
        WHERE s.id = $1 GROUP BY s.id`,
      [shiftId],
    );
    return row;
  }

  /** Every waitlisted claim arrived after every confirmed one, and no place is free while someone waits. */
  async function expectFifo(shiftId: string) {
    const [row] = await api.sql(
      `SELECT coalesce(max(seq) FILTER (WHERE status = 'CONFIRMED'), 0) AS last_confirmed,
              min(seq) FILTER (WHERE status = 'WAITLISTED') AS first_waiting,
              count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waiting
         FROM shift_claim WHERE shift_id = $1`,
      [shiftId],
    );
    if (row.waiting > 0) {
      expect(BigInt(row.first_waiting)).toBeGreaterThan(BigInt(row.last_confirmed));
      const s = await shiftState(shiftId);
      expect(s.confirmed_count).toBe(s.capacity);
    }
  }

  it('should confirm exactly 10 and waitlist 190 when 200 volunteers claim a 10-place shift at once', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 10 }] });
    const volunteers = await api.make.users(200);
    const results = await Promise.all(volunteers.map((v) => api.gql(CLAIM, { input: { shiftId: t.shiftIds[0] } }, v.token)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const statuses = results.map((r) => r.data!.claimShift.status);
    expect(statuses.filter((s) => s === 'CONFIRMED')).toHaveLength(10);
    expect(statuses.filter((s) => s === 'WAITLISTED')).toHaveLength(190);
    expect(await shiftState(t.shiftIds[0])).toEqual({ capacity: 10, confirmed_count: 10, waitlist_count: 190, pending_count: 0, occupying_rows: 10, waitlisted_rows: 190, pending_rows: 0 });
    await expectFifo(t.shiftIds[0]);
  });

  it('should keep one claim when one volunteer sends 20 claims for the same shift at once', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 50, capacity: 10 }] });
    const v = await api.make.user();
    const results = await Promise.all(Array.from({ length: 20 }, () => api.gql(CLAIM, { input: { shiftId: t.shiftIds[0] } }, v.token)));
    expect(results.filter((r) => r.data?.claimShift)).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(Array(19).fill('CONFLICT'));
    expect(await api.sql(`SELECT count(*)::int AS n FROM shift_claim WHERE shift_id = $1`, [t.shiftIds[0]])).toEqual([{ n: 1 }]);
    expect((await shiftState(t.shiftIds[0])).confirmed_count).toBe(1);
  });

  it('should never exceed capacity when 20 pending claims are approved at once', async () => {
    const t = await api.make.task(orgId, regions.grid, { requiresApproval: true, shifts: [{ startInHours: 52, capacity: 5 }] });
    const volunteers = await api.make.users(20);
    const claimIds = await Promise.all(volunteers.map((v) => api.make.claim(t.shiftIds[0], v, 'PENDING_APPROVAL')));
    const results = await Promise.all(claimIds.map((id) => api.gql(DECIDE, { id }, coordinator.token)));
    expect(results.filter((r) => r.data?.decideClaim?.status === 'CONFIRMED')).toHaveLength(5);
    expect(results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code)).toEqual(Array(15).fill('CONFLICT'));
    expect(await shiftState(t.shiftIds[0])).toMatchObject({ capacity: 5, confirmed_count: 5, occupying_rows: 5, pending_count: 15, pending_rows: 15 });
  });

  it('should stay within capacity with a FIFO waitlist when 20 cancels and claims race on one shift', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 54, capacity: 5 }] });
    const shiftId = t.shiftIds[0];
    const early = await api.make.users(15);
    const earlyClaims: { id: string; status: string }[] = [];
    for (const v of early) earlyClaims.push((await api.ok(CLAIM, { input: { shiftId } }, v.token)).claimShift);
    expect(earlyClaims.filter((c) => c.status === 'CONFIRMED')).toHaveLength(5);
    const late = await api.make.users(10);
    // 10 cancels (5 confirmed, 5 waitlisted) and 10 new claims, all at once.
    const cancels = [...earlyClaims.slice(0, 5), ...earlyClaims.slice(10, 15)].map((c, i) => {
      const owner = early[earlyClaims.indexOf(c)];
      return api.gql(CANCEL, { id: c.id }, owner.token).then((r) => ({ r, i }));
    });
    const claims = late.map((v) => api.gql(CLAIM, { input: { shiftId } }, v.token).then((r) => ({ r, i: -1 })));
    const results = await Promise.all([...cancels, ...claims]);
    expect(results.filter(({ r }) => r.errors)).toEqual([]);
    const s = await shiftState(shiftId);
    expect(s.confirmed_count).toBe(5);
    expect(s.confirmed_count).toBe(s.occupying_rows);
    expect(s.waitlist_count).toBe(s.waitlisted_rows);
    expect(s.waitlisted_rows).toBe(10);
    await expectFifo(shiftId);
    // The 5 promoted are the first five who were waiting (claims 6..10 in arrival order).
    const confirmed = await api.sql(`SELECT id FROM shift_claim WHERE shift_id = $1 AND status = 'CONFIRMED' ORDER BY seq`, [shiftId]);
    expect(confirmed.map((r) => r.id)).toEqual(earlyClaims.slice(5, 10).map((c) => c.id));
  });

  it('should refuse, in the database itself, a write that would overfill a shift', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 56, capacity: 1 }] });
    const [a, b] = await api.make.users(2);
    await api.make.claim(t.shiftIds[0], a);
    await expect(api.make.claim(t.shiftIds[0], b)).rejects.toThrow(/shift_within_capacity/);
    const waiting = await api.make.claim(t.shiftIds[0], b, 'WAITLISTED');
    await expect(api.sql(`UPDATE shift_claim SET status = 'CONFIRMED' WHERE id = $1`, [waiting])).rejects.toThrow(/shift_within_capacity/);
    await expect(api.make.claim(t.shiftIds[0], a, 'WAITLISTED')).rejects.toThrow(/shift_claim_one_active_uq/);
    expect(await shiftState(t.shiftIds[0])).toMatchObject({ confirmed_count: 1, occupying_rows: 1, waitlist_count: 1 });
  });
});
