import { Injectable, OnModuleInit } from '@nestjs/common';
import { Limits } from '@civicgrid/contracts';
import { UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { Clock, InvalidInputError, JobsService, LiveHub, PageArgs, paginate, RequestContext, returning, TransactionRunner } from '@civicgrid/platform';
import { Channels, DeliveryFailedError } from './channels/channels';
import { NotificationEntity } from './notification.entity';
import { Channel, CHANNELS, localeOf, NotificationKinds, Params } from './notification-kinds';

/** Default quiet hours for SMS, Asia/Shanghai: 22:00–07:00. */
export const DEFAULT_QUIET_HOURS = { start: 22 * 60, end: 7 * 60 };
const SHANGHAI_OFFSET_MIN = 8 * 60;
const DAY_MIN = 24 * 60;

export const DELIVER_JOB = 'notifications.deliver';
export const NOTIFICATION_ADDED = 'notificationAdded';

/** What a context asks for: who, which kind, the facts the words need, where the link goes. */
export interface NotifyRequest {
  userId: string;
  kind: string;
  params?: Params;
  /** a portal path, e.g. /my-shifts */
  link?: string | null;
  /** what this answers (an event id, a reminder): the same key twice notifies once */
  dedupeKey: string;
}

export interface SettingsView {
  preferences: { kind: string; channels: Channel[] }[];
  quietHoursStart: number;
  quietHoursEnd: number;
}

/**
 * The sending end of the "when x happens, tell y": the inbox (in-app), SMS and e-mail
 * through the installation's providers or the development sink, each person's choice of
 * channels per kind, quiet hours for SMS (urgent kinds excepted), and a copy for the
 * proxies of an elder who uses elder mode (the elder gets an SMS). Everything a
 * notification asks for is written in the caller's transaction, and sending is a job:
 * a notification exists, and is sent once per channel, if and only if its cause committed.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersService,
    private readonly kinds: NotificationKinds,
    private readonly jobs: JobsService,
    private readonly live: LiveHub,
    private readonly channels: Channels,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.define<{ deliveryId: string }>({
      name: DELIVER_JOB,
      handle: (ctx, data) => this.deliver(ctx, data.deliveryId),
      // A provider that keeps refusing: the delivery is marked FAILED (visible to administrators).
      onDead: (ctx, data) => this.markFailed(ctx, data.deliveryId),
      retryLimit: 4,
      retryDelaySeconds: 30,
    });
  }

  private repo(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(NotificationEntity);
  }

  // ---------- sending ----------

  /** Notifies one person (and, for an elder in elder mode, their proxies). Must run inside the transaction of its cause. */
  notify(ctx: RequestContext, req: NotifyRequest): Promise<void> {
    return this.notifyMany(ctx, [req.userId], req);
  }

  /**
   * Notifies each of these people alike (a message to a shift's volunteers, an
   * organisation's coordinators): a fixed number of statements for any number of
   * people, plus one per SMS or e-mail to send. Must run inside the transaction of its cause.
   */
  async notifyMany(ctx: RequestContext, userIds: readonly string[], req: Omit<NotifyRequest, 'userId'>): Promise<void> {
    if (!ctx.transaction) throw new Error(`notification ${req.kind} outside a transaction`);
    const kind = this.kinds.get(req.kind);
    const people = await this.users.many(ctx, [...new Set(userIds)]);
    if (!people.length) return;
    // Elders in elder mode and minors under a guardian may not open the app: their proxies get the in-app copy.
    const represented = kind.secret ? [] : people.filter((p) => p.elderMode || p.guardianId).map((p) => p.id);
    const [chosen, proxies] = await Promise.all([
      kind.secret ? new Map(people.map((p) => [p.id, kind.defaultChannels])) : this.channelsFor(ctx, people.map((p) => p.id), req.kind, kind.defaultChannels),
      this.users.proxiesOf(ctx, represented),
    ]);
    const channelsOf = new Map(
      people.map((person) => {
        const channels = new Set(chosen.get(person.id));
        // An elder in elder mode may not open the app: they get an SMS, their proxies the in-app copy.
        if (person.elderMode && proxies.get(person.id)?.length) channels.add('SMS');
        if (!person.phone) channels.delete('SMS');
        if (!person.email) channels.delete('EMAIL');
        return [person.id, channels] as const;
      }),
    );
    const made = await this.record(
      ctx,
      req,
      people.map((p) => ({ userId: p.id, inApp: channelsOf.get(p.id)!.has('IN_APP'), onBehalfOf: null })),
    );
    // Only the people notified now (not before, for the same cause) are sent anything, and their proxies told.
    const sends = [...made].flatMap(([userId, notificationId]) => (['SMS', 'EMAIL'] as const).filter((c) => channelsOf.get(userId)!.has(c)).map((channel) => ({ userId, notificationId, channel })));
    const quiet = sends.some((d) => d.channel === 'SMS') && !kind.urgent ? await this.quietHoursOf(ctx, [...new Set(sends.filter((d) => d.channel === 'SMS').map((d) => d.userId))]) : new Map();
    const now = this.clock.now();
    for (const d of sends) {
      const sendAfter = d.channel === 'SMS' && !kind.urgent ? nextSendTime(now, quiet.get(d.userId) ?? DEFAULT_QUIET_HOURS) : now;
      const [delivery]: { id: string }[] = await this.tx
        .manager(ctx)
        .query(`INSERT INTO notification_delivery (notification_id, channel, send_after) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`, [d.notificationId, d.channel, sendAfter]);
      if (delivery) await this.jobs.send(ctx, DELIVER_JOB, { deliveryId: delivery.id }, { startAfter: sendAfter });
    }
    const copies = represented.filter((id) => made.has(id)).flatMap((residentId) => (proxies.get(residentId) ?? []).map((proxyId) => ({ userId: proxyId, inApp: true, onBehalfOf: residentId })));
    if (copies.length) await this.record(ctx, req, copies);
  }

  /**
   * Inserts the inbox rows, once per person and cause (a row that existed is left as it
   * was), and tells live subscribers of the in-app ones; answers the new rows' ids by person.
   */
  private async record(ctx: RequestContext, req: Omit<NotifyRequest, 'userId'>, rows: { userId: string; inApp: boolean; onBehalfOf: string | null }[]): Promise<Map<string, string>> {
    const made: { id: string; user_id: string; in_app: boolean }[] = await this.tx.manager(ctx).query(
      `INSERT INTO notification (user_id, kind, params, link, dedupe_key, in_app, on_behalf_of_id, created_at)
       SELECT r.user_id, $4, $5, $6, $7, r.in_app, r.on_behalf_of_id, $8
         FROM unnest($1::uuid[], $2::boolean[], $3::uuid[]) AS r(user_id, in_app, on_behalf_of_id)
       ON CONFLICT (user_id, dedupe_key) DO NOTHING RETURNING id, user_id, in_app`,
      [rows.map((r) => r.userId), rows.map((r) => r.inApp), rows.map((r) => r.onBehalfOf), req.kind, req.params ?? {}, req.link ?? null, req.dedupeKey, this.clock.now()],
    );
    await this.live.publishMany(
      ctx,
      NOTIFICATION_ADDED,
      made.filter((r) => r.in_app).map((r) => ({ userId: r.user_id, notificationId: r.id })),
    );
    return new Map(made.map((r) => [r.user_id, r.id]));
  }

  /** The channels each person chose for a kind, or the kind's defaults. */
  private async channelsFor(ctx: RequestContext, userIds: string[], kind: string, defaults: Channel[]): Promise<Map<string, Channel[]>> {
    const rows: { user_id: string; channels: Channel[] }[] = await this.tx
      .manager(ctx)
      .query(`SELECT user_id, channels FROM notification_preference WHERE user_id = ANY($1::uuid[]) AND kind = $2`, [userIds, kind]);
    const chosen = new Map(rows.map((r) => [r.user_id, r.channels]));
    return new Map(userIds.map((id) => [id, chosen.get(id) ?? defaults]));
  }

  /** Each person's quiet hours for SMS (the default for those who set none). */
  private async quietHoursOf(ctx: RequestContext, userIds: string[]): Promise<Map<string, { start: number; end: number }>> {
    const rows: { user_id: string; quiet_hours_start: number; quiet_hours_end: number }[] = await this.tx
      .manager(ctx)
      .query(`SELECT user_id, quiet_hours_start, quiet_hours_end FROM notification_settings WHERE user_id = ANY($1::uuid[])`, [userIds]);
    return new Map(rows.map((r) => [r.user_id, { start: r.quiet_hours_start, end: r.quiet_hours_end }]));
  }

  private async quietHours(ctx: RequestContext, userId: string): Promise<{ start: number; end: number }> {
    return (await this.quietHoursOf(ctx, [userId])).get(userId) ?? DEFAULT_QUIET_HOURS;
  }

  /** The job: renders the message in the recipient's language and sends it; throws so the queue retries. */
  async deliver(ctx: RequestContext, deliveryId: string): Promise<void> {
    const [row]: { id: string; channel: 'SMS' | 'EMAIL'; status: string; notification_id: string; user_id: string; kind: string; params: Params; on_behalf_of_id: string | null }[] =
      await this.tx
        .manager(ctx)
        .query(
          `SELECT d.id, d.channel, d.status, n.id AS notification_id, n.user_id, n.kind, n.params, n.on_behalf_of_id
             FROM notification_delivery d JOIN notification n ON n.id = d.notification_id WHERE d.id = $1`,
          [deliveryId],
        );
    if (!row || row.status === 'SENT') return;
    const [person] = await this.users.many(ctx, [row.user_id]);
    const to = row.channel === 'SMS' ? person?.phone : person?.email;
    if (!person || !to) {
      await this.markFailed(ctx, deliveryId, `no ${row.channel === 'SMS' ? 'phone' : 'e-mail address'}`);
      return;
    }
    const text = this.kinds.render(row.kind, row.params, localeOf(person.locale));
    await this.tx.manager(ctx).query(`UPDATE notification_delivery SET attempts = attempts + 1 WHERE id = $1`, [deliveryId]);
    try {
      const sent = await this.channels.of(row.channel).send(ctx, { channel: row.channel, to, subject: text.title, text: row.channel === 'SMS' ? text.sms : `${text.body}`, reference: deliveryId });
      await this.tx.manager(ctx).query(`UPDATE notification_delivery SET status = 'SENT', sent_at = $2, provider_ref = $3, last_error = NULL WHERE id = $1`, [deliveryId, this.clock.now(), sent.providerRef]);
      if (this.kinds.get(row.kind).secret) await this.tx.manager(ctx).query(`UPDATE notification SET params = '{}' WHERE id = $1`, [row.notification_id]);
    } catch (err) {
      const reason = err instanceof DeliveryFailedError ? err.reason : (err as Error).name;
      await this.tx.manager(ctx).query(`UPDATE notification_delivery SET last_error = $2 WHERE id = $1`, [deliveryId, reason]);
      throw err;
    }
  }

  /** A delivery the queue gave up on (from its dead-letter queue), or one that cannot be sent at all. */
  async markFailed(ctx: RequestContext, deliveryId: string, reason?: string): Promise<void> {
    await this.tx.manager(ctx).query(`UPDATE notification_delivery SET status = 'FAILED', last_error = COALESCE($2, last_error, 'gave up') WHERE id = $1 AND status = 'QUEUED'`, [deliveryId, reason ?? null]);
  }

  // ---------- the inbox ----------

  async inbox(ctx: RequestContext, unreadOnly: boolean, page: PageArgs) {
    const actor = await ctx.requireActor();
    const qb = this.repo(ctx).createQueryBuilder('n').where('n.user_id = :me AND n.in_app', { me: actor.userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return paginate(qb, page, { columns: [{ expr: 'n.seq', kind: 'number' }], direction: 'DESC', keyOf: (n) => [String(n.seq)] });
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const actor = await ctx.requireActor();
    return this.repo(ctx).createQueryBuilder('n').where('n.user_id = :me AND n.in_app AND n.read_at IS NULL', { me: actor.userId }).getCount();
  }

  /** Marks the signed-in person's notifications read (some, or all); answers how many changed. */
  async markRead(ctx: RequestContext, input: { ids?: string[] | null; all?: boolean | null }): Promise<number> {
    const actor = await ctx.requireActor();
    const all = input.all === true;
    const ids = input.ids ?? [];
    if (all === (ids.length > 0)) throw new InvalidInputError('ids', 'notifications.idsOrAll', 'Give either ids or all: true');
    if (ids.length > Limits.pageSizeMax) throw new InvalidInputError('ids', 'validation.arrayMaxSize', `At most ${Limits.pageSizeMax} ids at once`);
    const rows = await returning(this.tx.manager(ctx), `UPDATE notification SET read_at = $2 WHERE user_id = $1 AND in_app AND read_at IS NULL AND ($3::boolean OR id = ANY($4::uuid[])) RETURNING id`, [
      actor.userId,
      this.clock.now(),
      all,
      ids,
    ]);
    return rows.length;
  }

  // ---------- preferences ----------

  async settings(ctx: RequestContext): Promise<SettingsView> {
    const actor = await ctx.requireActor();
    const [prefs, quiet] = await Promise.all([
      this.tx.manager(ctx).query(`SELECT kind, channels FROM notification_preference WHERE user_id = $1`, [actor.userId]) as Promise<{ kind: string; channels: Channel[] }[]>,
      this.quietHours(ctx, actor.userId),
    ]);
    const chosen = new Map(prefs.map((p) => [p.kind, p.channels]));
    return {
      preferences: this.kinds
        .all()
        .filter((k) => !k.secret)
        .map((k) => ({ kind: k.kind, channels: chosen.get(k.kind) ?? k.defaultChannels }))
        .sort((a, b) => a.kind.localeCompare(b.kind)),
      quietHoursStart: quiet.start,
      quietHoursEnd: quiet.end,
    };
  }

  async updateSettings(ctx: RequestContext, input: { preferences?: { kind: string; channels: string[] }[] | null; quietHoursStart?: number | null; quietHoursEnd?: number | null }): Promise<SettingsView> {
    const actor = await ctx.requireActor();
    (input.preferences ?? []).forEach((p, i) => {
      if (!this.kinds.has(p.kind) || this.kinds.get(p.kind).secret) throw new InvalidInputError(`preferences.${i}.kind`, 'notifications.unknownKind', `There is no notification kind ${p.kind}`);
      const bad = p.channels.find((c) => !(CHANNELS as readonly string[]).includes(c));
      if (bad) throw new InvalidInputError(`preferences.${i}.channels`, 'notifications.unknownChannel', `There is no channel ${bad}`);
    });
    if ((input.quietHoursStart == null) !== (input.quietHoursEnd == null)) {
      throw new InvalidInputError(input.quietHoursStart == null ? 'quietHoursStart' : 'quietHoursEnd', 'notifications.quietHoursPair', 'Give both ends of the quiet hours');
    }
    await this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      for (const p of input.preferences ?? []) {
        await em.query(`INSERT INTO notification_preference (user_id, kind, channels) VALUES ($1, $2, $3) ON CONFLICT (user_id, kind) DO UPDATE SET channels = EXCLUDED.channels`, [
          actor.userId,
          p.kind,
          [...new Set(p.channels)],
        ]);
      }
      if (input.quietHoursStart != null && input.quietHoursEnd != null) {
        await em.query(
          `INSERT INTO notification_settings (user_id, quiet_hours_start, quiet_hours_end) VALUES ($1, $2, $3)
             ON CONFLICT (user_id) DO UPDATE SET quiet_hours_start = EXCLUDED.quiet_hours_start, quiet_hours_end = EXCLUDED.quiet_hours_end`,
          [actor.userId, input.quietHoursStart, input.quietHoursEnd],
        );
      }
    });
    return this.settings(ctx);
  }

  // ---------- reading ----------

  load(ctx: RequestContext, id: string): Promise<NotificationEntity | null> {
    return this.repo(ctx).findOneBy({ id });
  }

  /** The words of a notification in the viewer's language (a proxy's copy names the resident). */
  async rendered(ctx: RequestContext, n: NotificationEntity, viewer: Pick<User, 'locale'> | null): Promise<{ title: string; body: string }> {
    const locale = localeOf(viewer?.locale);
    const text = this.kinds.render(n.kind, n.params, locale);
    if (!n.onBehalfOfId) return text;
    const resident = await this.users.load(ctx, n.onBehalfOfId);
    const prefix = { 'zh-CN': `代${resident?.displayName ?? ''}：`, 'zh-TW': `代${resident?.displayName ?? ''}：`, en: `For ${resident?.displayName ?? ''}: ` }[locale];
    return { title: `${prefix}${text.title}`, body: text.body };
  }
}

/** The first moment at or after `now` outside the quiet window (minutes from Shanghai midnight; the window may cross midnight). */
export function nextSendTime(now: Date, quiet: { start: number; end: number }): Date {
  if (quiet.start === quiet.end) return now;
  const local = (Math.floor(now.getTime() / 60_000) + SHANGHAI_OFFSET_MIN) % DAY_MIN;
  const inside = quiet.start < quiet.end ? local >= quiet.start && local < quiet.end : local >= quiet.start || local < quiet.end;
  if (!inside) return now;
  const wait = (quiet.end - local + DAY_MIN) % DAY_MIN;
  const at = new Date(now.getTime() + wait * 60_000);
  at.setUTCSeconds(0, 0);
  return at;
}
