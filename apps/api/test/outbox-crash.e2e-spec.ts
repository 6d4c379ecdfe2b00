import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import WebSocket from 'ws';
import { ensureDatabase } from '@civicgrid/platform';
import { ApiProcess } from './support/api-process';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;
const DEMO_PASSWORD = 'civicgrid-demo';
const HOUR = 3_600_000;

/**
 * The outbox and the job queue across crashes, with the API as a process of its own on
 * the demo data: an event committed while nothing delivered it is delivered after a
 * crash and restart, exactly once in effect, and a job that fell due while the API was
 * down runs when it is back, once. Then two replicas on one database: a claim through one
 * reaches a subscriber on the other.
 */
describe('events and jobs across crashes and replicas', () => {
  const apis: ApiProcess[] = [];
  afterAll(async () => {
    for (const a of apis.reverse()) await a.stop().catch(() => undefined);
  });

  const login = async (api: ApiProcess, phone: string) => {
    const r = await api.gql<{ login: { accessToken: string } }>(LOGIN, { input: { phone, password: DEMO_PASSWORD } });
    return r.data!.login.accessToken;
  };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it('should deliver an event committed before a crash exactly once, and run a job that fell due while the API was down once', async () => {
    // 1. An API that commits events but does not deliver them.
    const first = await ApiProcess.start({ CIVICGRID_DEMO_DATA: 'true', EVENTS_DISPATCH: 'false' });
    apis.push(first);
    const volunteer = await login(first, '13800000001');
    const board = await first.gql<{ openShifts: { edges: { node: { id: string; startsAt: string } }[] } }>(
      `query($f: ShiftFilter) { openShifts(filter: $f, first: 50) { edges { node { id startsAt } } } }`,
      { f: { onlyWithSpace: true, from: new Date(Date.now() + 3 * HOUR).toISOString() } },
    );
    // Not near the 24-hour reminder's edge: whether that reminder is due must not depend on how long the steps take.
    const nearDayEdge = (s: { startsAt: string }) => Math.abs(Date.parse(s.startsAt) - Date.now() - 24 * HOUR) < 3 * HOUR;
    const shift = board.data!.openShifts.edges.map((e) => e.node).find((s) => Date.parse(s.startsAt) > Date.now() + 3 * HOUR && !nearDayEdge(s))!;
    const claimed = await first.gql<{ claimShift: { id: string; status: string } }>(`mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`, { input: { shiftId: shift.id } }, as(volunteer));
    const claimId = claimed.data!.claimShift.id;
    expect(claimed.data!.claimShift.status).toBe('CONFIRMED');
    const [pending] = await first.sql(`SELECT event_id FROM outbox_event WHERE type = 'claim.confirmed' AND payload->>'claimId' = $1 AND dispatched_at IS NULL`, [claimId]);
    expect(pending).toBeDefined();

    // 2. The API dies; its PostgreSQL (orphaned) keeps the committed event. Nothing was told yet.
    await first.crash();
    expect(await first.sql(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = $1`, [pending.event_id])).toEqual([{ n: 0 }]);

    // 3. Back up, delivering: the event's effects happen, once.
    const second = await ApiProcess.start({ EVENTS_DISPATCH: 'true' }, first.folder);
    apis.push(second);
    await second.waitFor(async () => (await second.sql(`SELECT dispatched_at FROM outbox_event WHERE event_id = $1`, [pending.event_id]))[0].dispatched_at !== null);
    const effects = async () => ({
      notifications: (await second.sql(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = $1`, [pending.event_id]))[0].n,
      reminders: (await second.sql(`SELECT offset_minutes FROM claim_reminder WHERE claim_id = $1 ORDER BY offset_minutes`, [claimId])).map((r) => r.offset_minutes),
    });
    const once = await effects();
    expect(once.notifications).toBe(1);
    expect(once.reminders).toEqual(Date.parse(shift.startsAt) - Date.now() > 24 * HOUR ? [120, 1440] : [120]);

    // 4. Delivered a second time (as if the mark had been lost): nothing changes.
    await second.sql(`UPDATE outbox_event SET dispatched_at = NULL WHERE event_id = $1`, [pending.event_id]);
    await second.waitFor(async () => (await second.sql(`SELECT dispatched_at FROM outbox_event WHERE event_id = $1`, [pending.event_id]))[0].dispatched_at !== null);
    expect(await effects()).toEqual(once);
    expect(await second.sql(`SELECT count(*)::int AS n FROM event_delivery WHERE event_id = $1 AND status = 'DONE'`, [pending.event_id])).toEqual([
      { n: (await second.sql(`SELECT count(*)::int AS n FROM event_delivery WHERE event_id = $1`, [pending.event_id]))[0].n },
    ]);

    // 5. The 2 h reminder falls due while the API is down: it runs once when the API is back.
    const [reminder] = await second.sql(`SELECT job_id FROM claim_reminder WHERE claim_id = $1 AND offset_minutes = 120`, [claimId]);
    await second.crash();
    await second.sql(`UPDATE pgboss.job SET start_after = now() - interval '1 minute' WHERE id = $1`, [reminder.job_id]);
    const third = await ApiProcess.start({}, second.folder);
    apis.push(third);
    await third.waitFor(async () => (await third.sql(`SELECT state FROM pgboss.job WHERE id = $1`, [reminder.job_id]))[0]?.state === 'completed');
    const told = await third.sql(`SELECT count(*)::int AS n FROM notification WHERE kind = 'SHIFT_REMINDER' AND dedupe_key LIKE $1`, [`reminder:${claimId}:120:%`]);
    expect(told).toEqual([{ n: 1 }]);
  });

  it('should bring a claim made through one replica to a subscriber on another within 2 s', async () => {
    const one = await ApiProcess.start({ CIVICGRID_DEMO_DATA: 'true' });
    apis.push(one);
    const two = await ApiProcess.start({ DATABASE_URL: one.databaseUrl() });
    apis.push(two);
    const volunteer = await login(one, '13800000001');
    const { data } = await two.gql<{ regions: { id: string }[]; openShifts: { edges: { node: { id: string; confirmedCount: number } }[] } }>(
      `{ regions { id } openShifts(filter: { onlyWithSpace: true }, first: 30) { edges { node { id confirmedCount } } } }`,
    );
    const district = data!.regions[0].id;
    const shift = data!.openShifts.edges[data!.openShifts.edges.length - 1].node;

    const client = createClient({ url: two.url.replace('http', 'ws') + '/graphql', webSocketImpl: WebSocket, retryAttempts: 0 });
    const seen: { id: string; confirmedCount: number; at: number }[] = [];
    client.subscribe<{ shiftUpdated: { id: string; confirmedCount: number } }>(
      { query: `subscription($r: ID!) { shiftUpdated(regionId: $r) { id confirmedCount } }`, variables: { r: district } },
      { next: (m) => m.data && seen.push({ ...m.data.shiftUpdated, at: Date.now() }), error: () => undefined, complete: () => undefined },
    );
    await two.waitFor(async () => /civicgrid_live_subscriptions\{topic="shiftUpdated"\} 1/.test(await (await fetch(`${two.url}/metrics`)).text()));

    const sent = Date.now();
    const claim = await one.gql<{ claimShift: { status: string } }>(`mutation($input: ClaimShiftInput!) { claimShift(input: $input) { status } }`, { input: { shiftId: shift.id } }, as(volunteer));
    expect(claim.data?.claimShift.status).toBe('CONFIRMED');
    await two.waitFor(async () => seen.some((s) => s.id === shift.id), 10_000);
    const update = seen.find((s) => s.id === shift.id)!;
    expect(update.confirmedCount).toBe(shift.confirmedCount + 1);
    expect(update.at - sent).toBeLessThan(2000);
    await client.dispose();
  });

  it('should start two replicas at once on an empty database: migrations and job queues are made once, and both serve', async () => {
    const host = await ApiProcess.start();
    apis.push(host);
    const empty = await ensureDatabase(host.databaseUrl(), `replicas_${Date.now()}`);
    // One works jobs (its pg-boss start makes the scheduler's queue), one only answers requests.
    const [one, two] = await Promise.all([ApiProcess.start({ DATABASE_URL: empty }), ApiProcess.start({ DATABASE_URL: empty, JOBS_WORK: 'false', EVENTS_DISPATCH: 'false' })]);
    apis.push(one, two);
    for (const api of [one, two]) expect((await api.gql<{ regions: unknown[] }>(`{ regions { id } }`)).data).toEqual({ regions: [] });
    const db = new Client({ connectionString: empty });
    await db.connect();
    try {
      const { rows } = await db.query(`SELECT count(*)::int AS queues, count(DISTINCT name)::int AS names FROM pgboss.queue`);
      expect(rows[0].queues).toBeGreaterThan(0);
      expect(rows[0].names).toBe(rows[0].queues);
      const migrations = await db.query(`SELECT count(*)::int AS runs, count(DISTINCT name)::int AS names FROM schema_migration`);
      expect(migrations.rows[0].runs).toBe(migrations.rows[0].names);
    } finally {
      await db.end();
    }
  });
});
