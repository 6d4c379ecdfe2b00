import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { DevMessagesService, NotificationsService } from '@civicgrid/notifications';
import { Clock, LiveHub, RequestContext, statementCounter, TransactionRunner } from '@civicgrid/platform';
import { TestUser } from './support/factories';
import { TestApi, toShanghaiHour } from './support/test-api';

const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`;
const INBOX = `query($unreadOnly: Boolean) { notifications(unreadOnly: $unreadOnly) { totalCount edges { node { id kind title body link readAt } } } unreadNotificationCount }`;
const SETTINGS = `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { quietHoursStart quietHoursEnd preferences { kind channels } } }`;

const HOUR = 3_600_000;

describe('notifications', () => {
  let api: TestApi;
  let clock: Clock;
  let owner: TestUser;
  let orgSeq = 0;
  beforeAll(async () => {
    api = await TestApi.start({ settings: { jobsRetryDelaySeconds: 1 } });
    clock = api.get(Clock);
  });
  /** Sets the app's clock to `hour`:00 in Shanghai; tokens are then signed at that time. */
  const at = async (hour: number) => {
    clock.reset();
    clock.travel(toShanghaiHour(Date.now(), hour));
    owner = await api.make.user();
  };
  beforeEach(() => at(10)); // mid-morning: outside the default quiet hours
  afterAll(async () => {
    await api.close();
  });

  const newOrg = async () => {
    const regions = await api.make.regions();
    return api.make.organization(regions.grid.id, [[owner, 'OWNER']], { name: `益邻服务社${++orgSeq}` });
  };
  const invite = (orgId: string, who: TestUser) => api.ok(INVITE, { input: { organizationId: orgId, phone: who.phone, role: 'MEMBER' } }, owner.token);
  const inbox = async (who: TestUser) => (await api.ok(INBOX, {}, who.token)) as { notifications: { totalCount: number; edges: { node: any }[] }; unreadNotificationCount: number };
  const sms = (who: TestUser) => api.sql<{ body: string }>(`SELECT body FROM dev_message WHERE channel = 'SMS' AND recipient = $1 ORDER BY id`, [who.phone]);

  it('should put a notification in the inbox in the reader\'s language, count it unread, and mark it read', async () => {
    const invitee = await api.make.user();
    await api.sql(`UPDATE user_account SET locale = 'en' WHERE id = $1`, [invitee.id]);
    const orgId = await newOrg();
    await invite(orgId, invitee);
    await api.eventsSettled();
    const before = await inbox(invitee);
    expect(before.unreadNotificationCount).toBe(1);
    expect(before.notifications.edges[0].node).toMatchObject({ kind: 'MEMBERSHIP_INVITED', title: `益邻服务社${orgSeq} invites you to join`, link: `/orgs/${orgId}`, readAt: null });
    expect(await api.ok(`mutation { markNotificationsRead(input: { all: true }) }`, {}, invitee.token)).toEqual({ markNotificationsRead: 1 });
    expect((await inbox(invitee)).unreadNotificationCount).toBe(0);
    expect(await api.fails(`mutation { markNotificationsRead(input: {}) }`, {}, invitee.token)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'notifications.idsOrAll' });
  });

  it('should send the SMS through the development sink in Chinese, once, within 70 characters', async () => {
    const invitee = await api.make.user();
    await invite(await newOrg(), invitee);
    await api.eventsSettled();
    await api.eventually(async () => (await sms(invitee)).length === 1);
    const [{ body }] = await sms(invitee);
    expect(body).toContain(`益邻服务社${orgSeq}`);
    expect([...body].length).toBeLessThanOrEqual(70);
    // Delivered again (as after a crash): nothing new.
    await api.sql(`UPDATE outbox_event SET dispatched_at = NULL`);
    await api.eventsSettled();
    expect((await inbox(invitee)).notifications.totalCount).toBe(1);
    expect(await api.sql(`SELECT count(*)::int AS n FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.user_id = $1`, [invitee.id])).toEqual([{ n: 1 }]);
    expect(await sms(invitee)).toHaveLength(1);
  });

  it('should hold an SMS during quiet hours until they end', async () => {
    await at(23);
    const invitee = await api.make.user();
    await invite(await newOrg(), invitee);
    await api.eventsSettled();
    const [d] = await api.sql<{ send_after: Date; status: string }>(
      `SELECT d.send_after, d.status FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.user_id = $1`,
      [invitee.id],
    );
    expect(d.status).toBe('QUEUED');
    const wait = d.send_after.getTime() - clock.nowMs();
    expect(wait).toBeGreaterThan(7 * HOUR);
    expect(wait).toBeLessThanOrEqual(8 * HOUR);
    expect(new Date(d.send_after.getTime() + 8 * HOUR).getUTCHours()).toBe(7);
    expect(await sms(invitee)).toEqual([]);
  });

  it('should follow a person\'s channels: no SMS when they turned it off, and own quiet hours', async () => {
    const invitee = await api.make.user();
    const set = await api.ok(SETTINGS, { input: { preferences: [{ kind: 'MEMBERSHIP_INVITED', channels: ['IN_APP'] }], quietHoursStart: 0, quietHoursEnd: 0 } }, invitee.token);
    expect(set.updateNotificationSettings.preferences).toContainEqual({ kind: 'MEMBERSHIP_INVITED', channels: ['IN_APP'] });
    await invite(await newOrg(), invitee);
    await api.eventsSettled();
    expect((await inbox(invitee)).notifications.totalCount).toBe(1);
    expect(await api.sql(`SELECT count(*)::int AS n FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE n.user_id = $1`, [invitee.id])).toEqual([{ n: 0 }]);
    expect(await api.fails(SETTINGS, { input: { preferences: [{ kind: 'NOT_A_KIND', channels: [] }] } }, invitee.token)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'preferences.0.kind' });
    expect(await api.fails(SETTINGS, { input: { quietHoursStart: 60 } }, invitee.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('should text an elder in elder mode and give their proxy the in-app copy', async () => {
    const elder = await api.make.user({ displayName: '张德福' });
    const proxy = await api.make.user();
    await api.sql(`UPDATE user_account SET elder_mode = true WHERE id = $1`, [elder.id]);
    await api.sql(`INSERT INTO notification_preference (user_id, kind, channels) VALUES ($1, 'MEMBERSHIP_INVITED', '{IN_APP}')`, [elder.id]);
    await api.make.proxyGrant(elder, proxy);
    await invite(await newOrg(), elder);
    await api.eventsSettled();
    await api.eventually(async () => (await sms(elder)).length === 1);
    const copy = (await inbox(proxy)).notifications.edges.map((e) => e.node);
    expect(copy).toHaveLength(1);
    expect(copy[0].title).toMatch(/^代张德福：/);
  });

  /** A socket signed in as the person, following notificationAdded; what it received in `got`. */
  const subscribe = (who: TestUser) => {
    const url = api.url.replace('http', 'ws') + '/graphql';
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${who.token}` }, retryAttempts: 0 });
    const got: any[] = [];
    const ready = new Promise<void>((resolve) => client.on('connected', () => resolve()));
    client.subscribe({ query: 'subscription { notificationAdded { kind title } }' }, { next: (m) => got.push(m), error: (e) => got.push({ error: e }), complete: () => undefined });
    return { client, got, ready };
  };

  it('should push a new notification to the person over a subscription, and not to others', async () => {
    const invitee = await api.make.user();
    const other = await api.make.user();
    const mine = subscribe(invitee);
    const theirs = subscribe(other);
    await Promise.all([mine.ready, theirs.ready]);
    const live = api.get(LiveHub);
    await api.eventually(async () => live.openSubscriptions('notificationAdded') === 2);
    await invite(await newOrg(), invitee);
    await api.eventually(async () => mine.got.length === 1);
    expect(mine.got[0]).toMatchObject({ data: { notificationAdded: { kind: 'MEMBERSHIP_INVITED' } } });
    expect(theirs.got).toEqual([]);
    await Promise.all([mine.client.dispose(), theirs.client.dispose()]);
  });

  it('should stop pushing to a socket whose session ended after it signed in', async () => {
    const leaving = await api.make.user();
    const staying = await api.make.user();
    const gone = subscribe(leaving);
    const kept = subscribe(staying);
    await api.eventually(async () => api.get(LiveHub).openSubscriptions('notificationAdded') === 2);
    await api.ok(`mutation { logout }`, {}, leaving.token);
    await invite(await newOrg(), leaving);
    // Live messages arrive in order: once the later one has reached its socket, the earlier one was decided.
    await invite(await newOrg(), staying);
    await api.eventually(async () => kept.got.length === 1);
    expect(gone.got).toEqual([]);
    expect((await inbox(staying)).unreadNotificationCount).toBe(1);
    await Promise.all([gone.client.dispose(), kept.client.dispose()]);
  });

  it('should notify any number of people in the same few statements, each of them once', async () => {
    // Counted on the transaction's own connection: jobs and event deliveries run beside it.
    const notifyAll = (people: TestUser[], dedupeKey: string) =>
      api.get(TransactionRunner).run(RequestContext.system(), async (t) => {
        const runner = t.transaction!.queryRunner;
        const before = statementCounter.on(runner);
        await api.get(NotificationsService).notifyMany(
          t,
          people.map((p) => p.id),
          { kind: 'CLAIM_CONFIRMED', params: { task: 'Clean-up', startsAt: new Date().toISOString(), organization: 'Org' }, link: '/my-shifts', dedupeKey },
        );
        return statementCounter.on(runner) - before;
      });
    const one = await api.make.users(1);
    const many = await api.make.users(25);
    const forOne = await notifyAll(one, 'bulk-one');
    const forMany = await notifyAll(many, 'bulk-many');
    expect(forMany).toBe(forOne);
    await notifyAll(many, 'bulk-many'); // the same cause again
    const [{ n }] = await api.sql(`SELECT count(*)::int AS n FROM notification WHERE dedupe_key = 'bulk-many'`);
    expect(n).toBe(25);
  });

  it('should forget development messages after 30 days', async () => {
    const insert = (age: string) =>
      api.sql<{ id: string }>(`INSERT INTO dev_message (channel, recipient, body, delivery_id, created_at) VALUES ('SMS', '13700000000', 'x', gen_random_uuid(), now() - $1::interval) RETURNING id`, [age]);
    const [[old], [fresh]] = await Promise.all([insert('31 days'), insert('29 days')]);
    await api.get(DevMessagesService).purgeOld(RequestContext.system());
    expect(await api.sql(`SELECT id FROM dev_message WHERE id = ANY($1::bigint[])`, [[old.id, fresh.id]])).toEqual([{ id: fresh.id }]);
  });

  it('should refuse a subscription with a bad token', async () => {
    const url = api.url.replace('http', 'ws') + '/graphql';
    const client = createClient({ url, webSocketImpl: WebSocket, connectionParams: { authorization: 'Bearer not-a-token' }, retryAttempts: 0 });
    const closed = await new Promise<number>((resolve) => {
      client.on('closed', (e) => resolve((e as { code: number }).code));
      client.subscribe({ query: 'subscription { notificationAdded { kind } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    });
    expect(closed).toBe(4403);
    await client.dispose();
  });
});
