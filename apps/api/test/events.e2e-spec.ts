import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Clock, EventBus, LiveHub, MaintenanceJobs, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { TestRegions, TestUser } from './support/factories';
import { TestApi, toShanghaiHour } from './support/test-api';

const CLAIM = `mutation($input: ClaimShiftInput!) { claimShift(input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelClaim(input: { claimId: $id }) { id status } }`;
const DECIDE = `mutation($id: ID!, $approve: Boolean!) { decideClaim(input: { claimId: $id, approve: $approve }) { id status } }`;
const MESSAGE = `mutation($input: MessageVolunteersInput!) { messageVolunteers(input: $input) { recipients } }`;
const HOUR = 3_600_000;

describe('events, notifications and jobs of volunteering', () => {
  let api: TestApi;
  let clock: Clock;
  let regions: TestRegions;
  let coordinator: TestUser;
  let orgId: string;
  beforeAll(async () => {
    api = await TestApi.start();
    clock = api.get(Clock);
  });
  beforeEach(async () => {
    clock.reset();
    clock.travel(toShanghaiHour(Date.now(), 10)); // SMS go out at once outside quiet hours
    ({ regions, coordinator, orgId } = await api.make.coordinatedOrganization());
  });
  afterAll(async () => {
    await api.close();
  });

  const claim = async (who: TestUser, shiftId: string) => (await api.ok(CLAIM, { input: { shiftId } }, who.token)).claimShift as { id: string; status: string };

  it('should tell volunteers of their claims: confirmed, waitlisted, promoted when a place frees, cancelled by the organisation', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 1 }] });
    const [first, second] = await api.make.users(2);
    const a = await claim(first, t.shiftIds[0]);
    const b = await claim(second, t.shiftIds[0]);
    expect([a.status, b.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    await api.ok(CANCEL, { id: a.id }, first.token);
    await api.eventsSettled();
    expect(await api.notificationKinds(first)).toEqual(['CLAIM_CONFIRMED']); // cancelling oneself tells nobody
    expect(await api.notificationKinds(second)).toEqual(['CLAIM_WAITLISTED', 'CLAIM_PROMOTED']);
    await api.eventually(async () => (await api.sql(`SELECT 1 FROM dev_message WHERE recipient = $1`, [second.phone])).length === 1);
    await api.ok(CANCEL, { id: b.id }, coordinator.token);
    await api.eventsSettled();
    expect(await api.notificationKinds(second)).toEqual(['CLAIM_WAITLISTED', 'CLAIM_PROMOTED', 'CLAIM_CANCELLED_BY_ORGANIZATION']);
  });

  it('should tell volunteers whether their claim was approved', async () => {
    const t = await api.make.task(orgId, regions.grid, { requiresApproval: true, shifts: [{ startInHours: 48, capacity: 2 }] });
    const [yes, no] = await api.make.users(2);
    await api.ok(DECIDE, { id: (await claim(yes, t.shiftIds[0])).id, approve: true }, coordinator.token);
    await api.ok(DECIDE, { id: (await claim(no, t.shiftIds[0])).id, approve: false }, coordinator.token);
    await api.eventsSettled();
    expect(await api.notificationKinds(yes)).toEqual(['CLAIM_APPROVED']);
    expect(await api.notificationKinds(no)).toEqual(['CLAIM_REJECTED']);
  });

  it('should publish nothing for a change that did not commit', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 3 }] });
    const v = await api.make.user();
    await claim(v, t.shiftIds[0]);
    const before = (await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event`))[0].n;
    expect((await api.fails(CLAIM, { input: { shiftId: t.shiftIds[0] } }, v.token)).code).toBe('CONFLICT');
    expect((await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox_event`))[0].n).toBe(before);
  });

  describe('reminders', () => {
    const remindersOf = (claimId: string) =>
      api.sql<{ offset_minutes: number; state: string; due: boolean }>(
        `SELECT r.offset_minutes, j.state, abs(extract(epoch FROM j.start_after - (r.due_at - ($2::bigint * interval '1 millisecond')))) < 5 AS due
           FROM claim_reminder r JOIN pgboss.job j ON j.id = r.job_id WHERE r.claim_id = $1 ORDER BY r.offset_minutes`,
        [claimId, clock.nowMs() - Date.now()],
      );

    it('should schedule reminders 24 h and 2 h before a confirmed shift and cancel them with the claim', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 30, capacity: 3 }] });
      const v = await api.make.user();
      // The shift starts 30 hours after the real time: from the app's clock, which is ahead.
      const c = await claim(v, t.shiftIds[0]);
      await api.eventsSettled();
      const scheduled = await remindersOf(c.id);
      expect(scheduled.map((r) => [r.offset_minutes, r.state])).toEqual(
        (await api.sql(`SELECT starts_at FROM shift WHERE id = $1`, [t.shiftIds[0]]))[0].starts_at.getTime() - clock.nowMs() > 24 * HOUR
          ? [
              [120, 'created'],
              [1440, 'created'],
            ]
          : [[120, 'created']],
      );
      expect(scheduled.every((r) => r.due)).toBe(true);
      const jobIds = (await api.sql(`SELECT job_id FROM claim_reminder WHERE claim_id = $1`, [c.id])).map((r: { job_id: string }) => r.job_id);
      await api.ok(CANCEL, { id: c.id }, v.token);
      await api.eventsSettled();
      expect(await api.sql(`SELECT * FROM claim_reminder WHERE claim_id = $1`, [c.id])).toEqual([]);
      expect((await api.sql(`SELECT state FROM pgboss.job WHERE id = ANY($1::uuid[])`, [jobIds])).map((r: { state: string }) => r.state)).toEqual(jobIds.map(() => 'cancelled'));
    });

    it('should remind once, when the job is due, through the volunteer\'s channels', async () => {
      clock.reset(); // real time: the queue counts in the database's time
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 3, capacity: 3 }] });
      const v = await api.make.user();
      const c = await claim(v, t.shiftIds[0]);
      await api.eventsSettled();
      expect((await remindersOf(c.id)).map((r) => r.offset_minutes)).toEqual([120]);
      await api.runJobsNow('volunteering.shiftReminder');
      await api.eventually(async () => (await api.notificationKinds(v)).includes('SHIFT_REMINDER'));
      const [{ job_id }] = await api.sql(`SELECT job_id FROM claim_reminder WHERE claim_id = $1`, [c.id]);
      await api.eventually(async () => (await api.sql(`SELECT state FROM pgboss.job WHERE id = $1`, [job_id]))[0].state === 'completed');
      // Run again (as a retry would): still one reminder.
      await api.sql(`UPDATE pgboss.job SET state = 'created', start_after = now(), completed_on = NULL WHERE id = $1`, [job_id]);
      await api.eventually(async () => (await api.sql(`SELECT state FROM pgboss.job WHERE id = $1`, [job_id]))[0].state === 'completed');
      expect((await api.notificationKinds(v)).filter((k) => k === 'SHIFT_REMINDER')).toHaveLength(1);
    });
  });

  describe('messageVolunteers', () => {
    it('should reach everyone expected, once per key, and refuse another message under the same key', async () => {
      const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 30, capacity: 5 }, { startInHours: 54, capacity: 5 }] });
      const [a, b, c, waiting] = await api.make.users(4);
      await api.make.claim(t.shiftIds[0], a);
      await api.make.claim(t.shiftIds[1], b);
      await api.make.claim(t.shiftIds[1], c, 'CANCELLED');
      await api.make.claim(t.shiftIds[0], waiting, 'WAITLISTED');
      const input = { taskId: t.id, message: '明天集合地点改到社区活动室，请带好手套。', idempotencyKey: `msg-${t.id}` };
      expect(await api.ok(MESSAGE, { input }, coordinator.token)).toEqual({ messageVolunteers: { recipients: 2 } });
      expect(await api.ok(MESSAGE, { input }, coordinator.token)).toEqual({ messageVolunteers: { recipients: 2 } });
      expect(await api.fails(MESSAGE, { input: { ...input, message: '另一条' } }, coordinator.token)).toMatchObject({ code: 'CONFLICT', key: 'idempotency.keyReused' });
      await api.eventsSettled();
      for (const who of [a, b]) expect(await api.notificationKinds(who)).toEqual(['COORDINATOR_MESSAGE']);
      for (const who of [c, waiting]) expect(await api.notificationKinds(who)).toEqual([]);
      const inbox = await api.ok(`{ notifications { edges { node { title body link } } } }`, {}, a.token);
      expect(inbox.notifications.edges[0].node).toMatchObject({ body: input.message, link: `/tasks/${t.id}` });
      expect(await api.sql(`SELECT detail->>'recipients' AS r FROM audit_entry WHERE action = 'volunteers.message' AND subject_id = $1`, [t.id])).toEqual([{ r: '2' }]);
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['both a shift and a task', { both: true }, 'BAD_USER_INPUT', 'message.shiftOrTask'],
      ['neither', { neither: true }, 'BAD_USER_INPUT', 'message.shiftOrTask'],
      ['a blank message', { message: '   ' }, 'BAD_USER_INPUT', 'validation.isNotEmpty'],
      ['a message of 501 characters', { message: '长'.repeat(501) }, 'BAD_USER_INPUT', 'validation.maxLength'],
    ])('should refuse %s', async (_label, over, code, key) => {
      const t = await api.make.task(orgId, regions.grid);
      const input: Record<string, unknown> = { taskId: t.id, message: '你好', idempotencyKey: `k-${Math.random()}` };
      if (over.both) input.shiftId = t.shiftIds[0];
      if (over.neither) delete input.taskId;
      if (over.message) input.message = over.message;
      expect(await api.fails(MESSAGE, { input }, coordinator.token)).toMatchObject({ code, key });
    });

    it('should refuse a stranger and stop a coordinator after ten messages an hour', async () => {
      const t = await api.make.task(orgId, regions.grid);
      const stranger = await api.make.user();
      expect((await api.fails(MESSAGE, { input: { taskId: t.id, message: 'hi', idempotencyKey: 'x' } }, stranger.token)).code).toBe('FORBIDDEN');
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => api.gql(MESSAGE, { input: { taskId: t.id, message: `第${i}条`, idempotencyKey: `burst-${i}` } }, coordinator.token)));
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'RATE_LIMITED')).toHaveLength(2);
    });
  });

  it('should dead-letter a delivery that keeps failing, and still deliver to the other subscribers', async () => {
    const bus = api.get(EventBus);
    const tx = api.get(TransactionRunner);
    let calls = 0;
    bus.subscribe('test.probe', 'test.alwaysFails', async () => {
      calls++;
      throw new Error('refusing on purpose');
    });
    const delivered: string[] = [];
    bus.subscribe('test.probe', 'test.works', async (_ctx, e) => void delivered.push(e.id));
    await tx.run(RequestContext.system(), (t) => bus.publish(t, { type: 'test.probe', aggregateType: 'test', aggregateId: regions.grid.id, payload: {} }));
    await api.eventsSettled();
    const rows = await api.sql<{ subscriber: string; status: string; attempts: number; last_error: string | null }>(
      `SELECT subscriber, status, attempts, last_error FROM event_delivery d JOIN outbox_event e ON e.event_id = d.event_id WHERE e.type = 'test.probe' ORDER BY subscriber`,
    );
    expect(rows).toEqual([
      { subscriber: 'test.alwaysFails', status: 'DEAD', attempts: 3, last_error: 'Error' },
      { subscriber: 'test.works', status: 'DONE', attempts: 1, last_error: null },
    ]);
    expect(calls).toBe(3);
    expect(delivered).toHaveLength(1);
    expect(await (await fetch(`${api.url}/metrics`)).text()).toMatch(/civicgrid_event_deliveries_total\{outcome="dead"\} [1-9]/);
  });

  it('should push the board\'s changed shift to a subscriber of its region, and not to one of another region', async () => {
    const t = await api.make.task(orgId, regions.grid, { shifts: [{ startInHours: 48, capacity: 4 }] });
    const url = api.url.replace('http', 'ws') + '/graphql';
    const watch = (regionId: string) => {
      const client = createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0 });
      const got: { id: string; confirmedCount: number }[] = [];
      client.subscribe<{ shiftUpdated: { id: string; confirmedCount: number } }>(
        { query: `subscription($r: ID!) { shiftUpdated(regionId: $r) { id confirmedCount } }`, variables: { r: regionId } },
        { next: (m) => m.data && got.push(m.data.shiftUpdated), error: () => undefined, complete: () => undefined },
      );
      return { client, got };
    };
    const here = watch(regions.street.id);
    const elsewhere = watch(regions.otherStreet.id);
    const live = api.get(LiveHub);
    await api.eventually(async () => live.openSubscriptions('shiftUpdated') >= 2);
    await claim(await api.make.user(), t.shiftIds[0]);
    await claim(await api.make.user(), t.shiftIds[0]);
    // Each update carries the shift as it is when sent: the last shows both claims.
    await api.eventually(async () => here.got.length === 2);
    expect(here.got.every((s) => s.id === t.shiftIds[0])).toBe(true);
    expect(here.got[1].confirmedCount).toBe(2);
    expect(elsewhere.got).toEqual([]);
    await Promise.all([here.client.dispose(), elsewhere.client.dispose()]);
  });

  it('should purge spent rate-limit counters and delivered events older than 30 days, keeping the rest', async () => {
    await api.sql(`INSERT INTO rate_limit (key, points, expires_at) VALUES ('test:old', 1, now() - interval '2 days'), ('test:live', 1, now() + interval '1 hour')`);
    const [old] = await api.sql(
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, dispatched_at, occurred_at) VALUES ('test.old', 'test', $1, now() - interval '31 days', now() - interval '31 days') RETURNING event_id`,
      [regions.grid.id],
    );
    const [recent] = await api.sql(`INSERT INTO outbox_event (type, aggregate_type, aggregate_id, dispatched_at) VALUES ('test.recent', 'test', $1, now()) RETURNING event_id`, [regions.grid.id]);
    await api.get(MaintenanceJobs).purge(RequestContext.system());
    expect((await api.sql(`SELECT key FROM rate_limit WHERE key LIKE 'test:%' ORDER BY key`)).map((r: { key: string }) => r.key)).toEqual(['test:live']);
    expect(await api.sql(`SELECT event_id FROM outbox_event WHERE event_id = ANY($1::uuid[])`, [[old.event_id, recent.event_id]])).toEqual([{ event_id: recent.event_id }]);
  });

  it('should keep old events whose delivery was dead-lettered when it purges the others', async () => {
    const [dead] = await api.sql(
      `INSERT INTO outbox_event (type, aggregate_type, aggregate_id, dispatched_at, occurred_at) VALUES ('test.dead', 'test', $1, now() - interval '31 days', now() - interval '31 days') RETURNING event_id`,
      [regions.grid.id],
    );
    await api.sql(`INSERT INTO event_delivery (subscriber, event_id, status, last_error) VALUES ('test.subscriber', $1, 'DEAD', 'Error')`, [dead.event_id]);
    await api.get(MaintenanceJobs).purge(RequestContext.system());
    expect(await api.sql(`SELECT event_id FROM outbox_event WHERE event_id = $1`, [dead.event_id])).toEqual([{ event_id: dead.event_id }]);
  });

  it('should show queue depth, failures and the oldest due job on /metrics', async () => {
    const text = await (await fetch(`${api.url}/metrics`)).text();
    for (const name of ['civicgrid_job_queue_depth', 'civicgrid_job_failed', 'civicgrid_job_oldest_due_seconds', 'civicgrid_outbox_pending', 'civicgrid_live_subscriptions']) {
      expect(text).toContain(`# TYPE ${name} gauge`);
    }
  });
});
