import { Injectable } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { Gauge } from 'prom-client';
import { processMetric } from '../health/metrics';
import { RequestContext } from '../context/request-context';
import { PgListenerService } from '../database/pg-listener.service';
import { TransactionRunner } from '../database/transactions';

/** NOTIFY channel carrying live updates to every replica. */
export const LIVE_CHANNEL = 'civicgrid_live';

export interface LiveMessage<P extends object = Record<string, unknown>> {
  topic: string;
  payload: P;
}

/**
 * Live updates for GraphQL subscriptions, across replicas: `publish` NOTIFYs in the
 * caller's transaction (so nobody hears of a change that rolled back); every replica
 * LISTENs and hands the message to its own subscribers through an in-process PubSub.
 * Payloads are ids and the facts filters need (a region path, a user id), never more.
 */
@Injectable()
export class LiveHub {
  private readonly pubsub = new PubSub();
  private readonly open = new Map<string, number>();

  constructor(
    private readonly tx: TransactionRunner,
    listener: PgListenerService,
  ) {
    const open = this.open;
    processMetric(
      'civicgrid_live_subscriptions',
      () =>
        new Gauge({
          name: 'civicgrid_live_subscriptions',
          help: 'Open GraphQL subscriptions on this replica, per topic',
          labelNames: ['topic'],
          collect() {
            this.reset();
            for (const [topic, n] of open) this.set({ topic }, n);
          },
        }),
    );
    listener.on(LIVE_CHANNEL, (raw) => {
      try {
        const m = JSON.parse(raw) as LiveMessage;
        void this.pubsub.publish(m.topic, m.payload);
      } catch {
        /* not ours */
      }
    });
  }

  async publish<P extends object>(ctx: RequestContext, topic: string, payload: P): Promise<void> {
    await this.publishMany(ctx, topic, [payload]);
  }

  /** Several messages on one topic, in one statement (delivered in this order). */
  async publishMany<P extends object>(ctx: RequestContext, topic: string, payloads: readonly P[]): Promise<void> {
    if (!payloads.length) return;
    const texts = payloads.map((payload) => {
      const text = JSON.stringify({ topic, payload } satisfies LiveMessage<P>);
      // NOTIFY payloads are limited to 8000 bytes; ours are ids.
      if (Buffer.byteLength(text) > 7900) throw new Error(`live message for ${topic} is too large`);
      return text;
    });
    await this.tx.manager(ctx).query(`SELECT pg_notify($1, t) FROM unnest($2::text[]) WITH ORDINALITY AS m(t, n) ORDER BY n`, [LIVE_CHANNEL, texts]);
  }

  /** The stream a subscription resolver returns (counted while open). */
  iterator<P>(topic: string): AsyncIterableIterator<P> {
    const inner = this.pubsub.asyncIterableIterator<P>(topic);
    this.open.set(topic, (this.open.get(topic) ?? 0) + 1);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      this.open.set(topic, (this.open.get(topic) ?? 1) - 1);
    };
    return {
      next: () => inner.next(),
      return: () => {
        close();
        return inner.return ? inner.return() : Promise.resolve({ done: true as const, value: undefined as never });
      },
      throw: (err?: unknown) => {
        close();
        return inner.throw ? inner.throw(err) : Promise.reject(err);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  /** Subscriptions open on this replica for a topic. */
  openSubscriptions(topic: string): number {
    return this.open.get(topic) ?? 0;
  }
}
