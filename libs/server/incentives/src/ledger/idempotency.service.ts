import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock, ConflictError, InvalidInputError, RequestContext, TransactionRunner } from '@civicgrid/platform';

/** JSON with keys in a fixed order, so equal inputs hash alike whatever order they were sent in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const IDEMPOTENCY_KEY_LENGTH = { min: 8, max: 200 } as const;

/**
 * Once per (person, idempotencyKey): every mutation that moves value runs through here.
 * The key's row is inserted first in the work's own transaction, so a concurrent request
 * with the same key waits on it: when the first commits, the second finds its result;
 * when the first fails, nothing was kept and the second does the work itself.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /**
   * Runs `work` once for this key and returns the id of what it made. A replay with the
   * same operation and input returns the first id; the same key with anything else is
   * CONFLICT `idempotency.keyReused`. `input` should leave out the key itself.
   */
  async once(ctx: RequestContext, key: string, operation: string, input: unknown, work: (t: RequestContext) => Promise<string>): Promise<string> {
    const actor = await ctx.requireActor();
    const trimmed = (key ?? '').trim();
    if (trimmed.length < IDEMPOTENCY_KEY_LENGTH.min || trimmed.length > IDEMPOTENCY_KEY_LENGTH.max) {
      throw new InvalidInputError('idempotencyKey', 'idempotency.badKey', `idempotencyKey must be ${IDEMPOTENCY_KEY_LENGTH.min} to ${IDEMPOTENCY_KEY_LENGTH.max} characters (a UUID will do)`);
    }
    const hash = createHash('sha256').update(canonical(input)).digest('hex');
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const fresh: unknown[] = await em.query(
        `INSERT INTO idempotency_key (actor_user_id, key, operation, request_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (actor_user_id, key) DO NOTHING RETURNING 1`,
        [actor.userId, trimmed, operation, hash, this.clock.now()],
      );
      if (!fresh.length) {
        const [first]: { operation: string; request_hash: string; result_id: string | null }[] = await em.query(
          `SELECT operation, request_hash, result_id FROM idempotency_key WHERE actor_user_id = $1 AND key = $2`,
          [actor.userId, trimmed],
        );
        if (!first || first.operation !== operation || first.request_hash !== hash || !first.result_id) {
          throw new ConflictError('idempotency.keyReused', 'This idempotencyKey was already used for a different request: use a new key for a new request');
        }
        return first.result_id;
      }
      const id = await work(t);
      await em.query(`UPDATE idempotency_key SET result_id = $3 WHERE actor_user_id = $1 AND key = $2`, [actor.userId, trimmed, id]);
      return id;
    });
  }
}
