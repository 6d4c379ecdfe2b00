import { Injectable } from '@nestjs/common';
import { RequestContext } from '../context/request-context';
import { TransactionRunner } from '../database/transactions';

/**
 * A fact that happened in one context and matters to others: ids and facts only, never
 * personal data beyond ids. `type` is `<aggregate>.<what happened>`, e.g. `claim.promoted`.
 */
export interface DomainEvent<P extends object = Record<string, unknown>> {
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: P;
}

/** An event as subscribers receive it. */
export interface PublishedEvent<P extends object = Record<string, unknown>> extends DomainEvent<P> {
  /** unique id of this event: what subscribers deduplicate by */
  id: string;
  /** position in the outbox */
  seq: number;
  occurredAt: Date;
  /** who caused it, if anyone */
  actorUserId: string | null;
}

export type EventHandler<P extends object = Record<string, unknown>> = (ctx: RequestContext, event: PublishedEvent<P>) => Promise<void>;

export interface Subscriber {
  /** stable name, recorded per delivered event (`community.fulfilNeed`) */
  name: string;
  types: ReadonlySet<string>;
  handle: EventHandler;
}

/** NOTIFY channel that wakes the dispatcher when an event commits. */
export const OUTBOX_CHANNEL = 'civicgrid_outbox';

/**
 * The transactional outbox. `publish` writes the event in the caller's transaction, so
 * an event exists if and only if its change committed; the dispatcher delivers it to
 * every subscriber afterwards, at least once, and each subscriber's effect is applied
 * exactly once (EventDispatcher records deliveries in the subscriber's own transaction).
 */
@Injectable()
export class EventBus {
  private readonly subscribers: Subscriber[] = [];

  constructor(private readonly tx: TransactionRunner) {}

  publish<P extends object>(ctx: RequestContext, event: DomainEvent<P>): Promise<void> {
    return this.publishMany(ctx, [event]);
  }

  /** Several events, in this order, in one statement. */
  async publishMany<P extends object>(ctx: RequestContext, events: readonly DomainEvent<P>[]): Promise<void> {
    if (!events.length) return;
    if (!ctx.transaction) throw new Error(`event ${events[0].type} published outside a transaction: it would not commit with its change`);
    // The NOTIFY is delivered at commit, never for a rollback: it wakes the dispatcher at once.
    await this.tx.manager(ctx).query(
      `WITH e AS (
         INSERT INTO outbox_event (type, aggregate_type, aggregate_id, payload, actor_user_id)
         SELECT type, aggregate_type, aggregate_id, payload, $5 FROM unnest($1::text[], $2::text[], $3::uuid[], $4::jsonb[]) WITH ORDINALITY AS x(type, aggregate_type, aggregate_id, payload, n) ORDER BY n
         RETURNING 1)
       SELECT pg_notify($6, '') WHERE EXISTS (SELECT 1 FROM e)`,
      [events.map((e) => e.type), events.map((e) => e.aggregateType), events.map((e) => e.aggregateId), events.map((e) => JSON.stringify(e.payload)), ctx.userId ?? null, OUTBOX_CHANNEL],
    );
  }

  /** Registers a subscriber (at module start). Its name must be unique and never change: deliveries are recorded by it. */
  subscribe<P extends object = Record<string, unknown>>(types: string | string[], name: string, handle: EventHandler<P>): void {
    if (this.subscribers.some((s) => s.name === name)) throw new Error(`two event subscribers named ${name}`);
    this.subscribers.push({ name, types: new Set(Array.isArray(types) ? types : [types]), handle: handle as EventHandler });
  }

  subscribersOf(type: string): Subscriber[] {
    return this.subscribers.filter((s) => s.types.has(type));
  }
}
