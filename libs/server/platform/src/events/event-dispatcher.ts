import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Log } from '../logging/log';
import { Client } from 'pg';
import { Counter, Gauge } from 'prom-client';
import { processMetric } from '../health/metrics';
import { DataSource } from 'typeorm';
import { SETTINGS, Settings } from '../config/settings';
import { RequestContext } from '../context/request-context';
import { DATABASE_URL } from '../database/database.module';
import { PgListenerService } from '../database/pg-listener.service';
import { TransactionRunner } from '../database/transactions';
import { DomainError } from '../errors/domain-errors';
import { isDatabaseUnavailable } from '../errors/format-error';
import { EventBus, OUTBOX_CHANNEL, PublishedEvent, Subscriber } from './event-bus';

/** One dispatcher at a time across all replicas: whoever holds this advisory lock. */
const DISPATCH_LOCK = 7_240_020;
const BATCH = 100;
/** Tries per subscriber and event before the delivery is dead-lettered. */
export const DELIVERY_ATTEMPTS = 3;

interface OutboxRow {
  seq: string;
  event_id: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Record<string, unknown>;
  actor_user_id: string | null;
  occurred_at: Date;
}

/**
 * Delivers outbox events to their subscribers, in outbox order (which is commit order
 * for the events of one aggregate: their writes are serialised by the aggregate's row
 * locks). Each delivery runs in the subscriber's own transaction together with a row in
 * `event_delivery`, so an event delivered twice (after a crash between a subscriber's
 * commit and the event's mark) changes nothing the second time. A subscriber that keeps
 * failing is dead-lettered for that event (`event_delivery.status = 'DEAD'`, a metric and
 * an error log line) and the others go on.
 *
 * Replicas elect one dispatcher with an advisory lock held on a connection of its own;
 * if it dies, the lock goes with its connection and another replica takes over.
 */
@Injectable()
export class EventDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private stopping = false;
  private loop?: Promise<void>;
  private leader?: Client;
  private wake?: () => void;
  private readonly deliveries = processMetric('civicgrid_event_deliveries_total', () => new Counter({ name: 'civicgrid_event_deliveries_total', help: 'Event deliveries to subscribers, by outcome', labelNames: ['outcome'] }));

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly bus: EventBus,
    private readonly listener: PgListenerService,
    private readonly log: Log,
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    log.setContext('events');
    const ds = this.dataSource;
    processMetric('civicgrid_outbox_pending', () =>
      new Gauge({
        name: 'civicgrid_outbox_pending',
        help: 'Events committed but not yet delivered to every subscriber',
        async collect() {
          const [row]: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE dispatched_at IS NULL`).catch(() => [{ n: -1 }]);
          this.set(row.n);
        },
      }),
    );
    this.listener.on(OUTBOX_CHANNEL, () => this.wake?.());
    // Notifications sent while the listener was away are lost: look at the outbox again.
    this.listener.onReconnect(() => this.wake?.());
  }

  onApplicationBootstrap(): void {
    if (!this.settings.eventsDispatch) return;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    await this.leader?.end().catch(() => undefined);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.lead())) {
          await this.pause(3000);
          continue;
        }
        const delivered = await this.dispatchBatch();
        if (delivered < BATCH) await this.pause(1000);
      } catch (err) {
        this.log.warn({ err }, 'event dispatch interrupted; retrying');
        await this.dropLeadership();
        await this.pause(1000);
      }
    }
  }

  /** Whether this replica is (or now becomes) the dispatcher. */
  private async lead(): Promise<boolean> {
    if (this.leader) return true;
    const client = new Client({ connectionString: this.url, application_name: 'civicgrid-dispatcher' });
    client.on('error', () => void this.dropLeadership());
    try {
      await client.connect();
      const [{ locked }] = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [DISPATCH_LOCK])).rows;
      if (!locked) {
        await client.end();
        return false;
      }
      this.leader = client;
      return true;
    } catch {
      await client.end().catch(() => undefined);
      return false;
    }
  }

  private async dropLeadership(): Promise<void> {
    const c = this.leader;
    this.leader = undefined;
    await c?.end().catch(() => undefined);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * Delivers the oldest undelivered events; answers how many. The outbox is read and
   * marked on the leader's own connection: polling never takes a pool connection, and
   * stays out of the request statement counts.
   */
  private async dispatchBatch(): Promise<number> {
    const leader = this.leader;
    if (!leader) return 0;
    const { rows } = await leader.query<OutboxRow>(
      `SELECT id AS seq, event_id, type, aggregate_type, aggregate_id, payload, actor_user_id, occurred_at
         FROM outbox_event WHERE dispatched_at IS NULL ORDER BY id LIMIT ${BATCH}`,
    );
    for (const row of rows) {
      if (this.stopping) break;
      const event: PublishedEvent = {
        id: row.event_id,
        seq: Number(row.seq),
        type: row.type,
        aggregateType: row.aggregate_type,
        aggregateId: row.aggregate_id,
        payload: row.payload,
        actorUserId: row.actor_user_id,
        occurredAt: new Date(row.occurred_at),
      };
      for (const subscriber of this.bus.subscribersOf(event.type)) await this.deliver(subscriber, event);
      await leader.query(`UPDATE outbox_event SET dispatched_at = now() WHERE id = $1`, [row.seq]);
    }
    return rows.length;
  }

  private async deliver(subscriber: Subscriber, event: PublishedEvent): Promise<void> {
    let last: unknown;
    for (let attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
      try {
        const applied = await this.tx.run(RequestContext.system(`event-${event.id}`), async (t) => {
          const first: unknown[] = await this.tx
            .manager(t)
            .query(`INSERT INTO event_delivery (subscriber, event_id, status, attempts) VALUES ($1, $2, 'DONE', $3) ON CONFLICT DO NOTHING RETURNING 1`, [subscriber.name, event.id, attempt]);
          if (!first.length) return false; // delivered before (a redelivery after a crash)
          await subscriber.handle(t, event);
          return true;
        });
        this.deliveries.inc({ outcome: applied ? 'done' : 'duplicate' });
        return;
      } catch (err) {
        // The database being away is not the subscriber's fault: the event stays
        // undelivered, the loop steps down and tries again once it is back.
        if (isDatabaseUnavailable(err)) throw err;
        last = err;
        if (attempt < DELIVERY_ATTEMPTS) await new Promise((r) => setTimeout(r, 50 * 4 ** attempt).unref());
      }
    }
    const e = last as Error & { code?: string };
    const reason = e instanceof DomainError ? e.key : `${e?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}`;
    await this.dataSource.query(
      `INSERT INTO event_delivery (subscriber, event_id, status, attempts, last_error) VALUES ($1, $2, 'DEAD', $3, $4) ON CONFLICT (subscriber, event_id) DO NOTHING`,
      [subscriber.name, event.id, DELIVERY_ATTEMPTS, reason],
    );
    this.deliveries.inc({ outcome: 'dead' });
    this.log.error({ err: last, subscriber: subscriber.name, event: event.type, eventId: event.id }, 'event delivery failed; dead-lettered');
  }
}
