import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { UnauthenticatedError } from '../errors/domain-errors';
import type { Actor, ActorLoader } from './actor';

/**
 * Everything a service needs to know about the request it serves: who asks, which
 * transaction is open, and the per-request DataLoaders. Passed explicitly into every
 * service call (jobs and scripts make their own with `RequestContext.system`).
 */
export class RequestContext {
  private actorPromise?: Promise<Actor | null>;

  private constructor(
    readonly requestId: string,
    readonly ip: string,
    /** the user id carried by a valid access token, if any */
    private signedInUserId: string | undefined,
    /** the session that token belongs to */
    private signedInSessionId: string | undefined,
    /** why a presented token was refused, if it was */
    readonly tokenError: string | undefined,
    private readonly actorLoader: ActorLoader | undefined,
    /** the open transaction, when inside one */
    readonly transaction: EntityManager | undefined,
    private readonly loaders: Map<string, DataLoader<unknown, unknown>>,
    private readonly parent?: RequestContext,
  ) {}

  static forRequest(args: { requestId?: string; ip?: string; userId?: string; sessionId?: string; tokenError?: string; userAgent?: string; actorLoader: ActorLoader }): RequestContext {
    const ctx = new RequestContext(args.requestId ?? randomUUID(), args.ip ?? 'unknown', args.userId, args.sessionId, args.tokenError, args.actorLoader, undefined, new Map());
    ctx.userAgent = args.userAgent?.slice(0, 200);
    return ctx;
  }

  /** A context for jobs, scripts and seeding: no signed-in user. */
  static system(requestId = `system-${randomUUID()}`): RequestContext {
    return new RequestContext(requestId, 'system', undefined, undefined, undefined, undefined, undefined, new Map());
  }

  /** The client's User-Agent, shortened (shown in a person's list of sessions). */
  userAgent?: string;

  /** The same request, inside the given transaction. Loaders are not shared: they would see uncommitted rows. */
  withTransaction(em: EntityManager): RequestContext {
    return new RequestContext(this.requestId, this.ip, this.userId, this.sessionId, this.tokenError, this.actorLoader, em, new Map(), this);
  }

  get userId(): string | undefined {
    return this.parent ? this.parent.userId : this.signedInUserId;
  }

  get sessionId(): string | undefined {
    return this.parent ? this.parent.sessionId : this.signedInSessionId;
  }

  /** After sign-up or sign-in, the rest of the request (its payload fields) is seen as that user. */
  signedInAs(userId: string, sessionId: string): void {
    if (this.parent) return this.parent.signedInAs(userId, sessionId);
    this.signedInUserId = userId;
    this.signedInSessionId = sessionId;
    this.actorPromise = undefined;
  }

  /** The signed-in actor, loaded once per request (with its session checked); undefined when anonymous. */
  async actor(): Promise<Actor | undefined> {
    if (this.parent) return this.parent.actor();
    if (!this.userId || !this.sessionId || !this.actorLoader) return undefined;
    this.actorPromise ??= this.actorLoader.load(this.userId, this.sessionId);
    return (await this.actorPromise) ?? undefined;
  }

  async requireActor(): Promise<Actor> {
    const actor = await this.actor();
    if (!actor) {
      // A token whose session ended (signed out, password changed) reads as invalid too.
      throw this.tokenError || this.userId
        ? new UnauthenticatedError('auth.invalidToken', 'Your sign-in has expired or is invalid; sign in again')
        : new UnauthenticatedError();
    }
    return actor;
  }

  /** Forget the cached actor (after a change to the actor's own roles or grants). */
  refreshActor(): void {
    if (this.parent) return this.parent.refreshActor();
    this.actorPromise = undefined;
  }

  /**
   * Forgets what this context's loaders fetched. A subscription keeps one context for as
   * long as it is open: each event must read fresh rows, not the first event's.
   */
  clearLoaders(): void {
    this.loaders.clear();
  }

  /** A DataLoader for this request, created on first use. */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let l = this.loaders.get(name);
    if (!l) {
      l = new DataLoader<K, V>(batch, { maxBatchSize: 1000 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, l);
    }
    return l as DataLoader<K, V>;
  }
}
