import { Injectable } from '@nestjs/common';
import { checkPage, Clock, ConflictError, KeysetColumn, loadAllBy, loadById, PageArgs, paginate, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { In } from 'typeorm';
import { Currency, LedgerAccountEntity, LedgerEntryEntity, LedgerTransferEntity, SystemAccount, TransferKind } from './ledger.entities';

/** History pages: newest first. */
export const ENTRIES_NEWEST_FIRST: KeysetColumn[] = [
  { expr: 'e.created_at', kind: 'timestamp' },
  { expr: 'e.id', kind: 'uuid' },
];

export type AccountRef = { user: string } | { organization: string } | { system: SystemAccount };

export interface TransferRequest {
  kind: TransferKind;
  currency: Currency;
  from: AccountRef;
  to: AccountRef;
  /** a positive whole number of points or minutes */
  amount: number;
  memo?: string | null;
  /** the cause: a transfer with a ref happens once per (kind, ref) */
  ref?: { type: string; id: string };
  /** the transfer this one undoes (REVERSAL only) */
  reverses?: string;
}

export interface Posted {
  transferId: string;
  fromEntryId: string;
  toEntryId: string;
}

/** Postgres names the constraint a failed statement broke: the ledger turns its own into domain errors. */
function constraintOf(err: unknown): string | undefined {
  const e = err as { constraint?: string; driverError?: { constraint?: string } };
  return e.driverError?.constraint ?? e.constraint;
}

/**
 * The one double-entry ledger of points and time credits. Every movement of value is a
 * transfer of two entries summing to zero; an entry's insert moves its account's balance
 * (a trigger), and the database refuses a balance below zero, an unbalanced transfer and
 * any change to a posted one. Callers post inside their own transaction, with the change
 * that caused the transfer (a redemption, an incentive), so both commit or neither does.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  /** The account of an owner in a currency, opened on first use. */
  async accountId(ctx: RequestContext, ref: AccountRef, currency: Currency): Promise<string> {
    const em = this.tx.manager(ctx);
    const [column, ownerType, value] =
      'user' in ref ? ['user_id', 'USER', ref.user] : 'organization' in ref ? ['organization_id', 'ORGANIZATION', ref.organization] : ['system_code', 'SYSTEM', ref.system];
    const found: { id: string }[] = await em.query(`SELECT id FROM ledger_account WHERE ${column} = $1 AND currency = $2`, [value, currency]);
    if (found.length) return found[0].id;
    // Two first transfers at once both try to open it; the loser reads the winner's.
    const opened: { id: string }[] = await em.query(
      `INSERT INTO ledger_account (owner_type, ${column}, currency) VALUES ($1, $2, $3)
       ON CONFLICT (${column}, currency) WHERE ${column} IS NOT NULL DO NOTHING RETURNING id`,
      [ownerType, value, currency],
    );
    if (opened.length) return opened[0].id;
    const [again] = await em.query(`SELECT id FROM ledger_account WHERE ${column} = $1 AND currency = $2`, [value, currency]);
    return again.id;
  }

  /**
   * Posts one transfer in the caller's transaction. A debit the account cannot cover is
   * CONFLICT `ledger.insufficientBalance`; a second transfer for the same cause is
   * CONFLICT `ledger.alreadyPosted`. Either aborts the caller's transaction.
   */
  async transfer(ctx: RequestContext, t: TransferRequest): Promise<Posted> {
    if (!ctx.transaction) throw new Error(`a ${t.kind} transfer outside a transaction would not commit with its cause`);
    if (!Number.isInteger(t.amount) || t.amount <= 0) throw new Error(`a transfer moves a positive whole amount, not ${t.amount}`);
    const em = this.tx.manager(ctx);
    const fromId = await this.accountId(ctx, t.from, t.currency);
    const toId = await this.accountId(ctx, t.to, t.currency);
    const now = this.clock.now();
    try {
      const [{ id: transferId }]: { id: string }[] = await em.query(
        `INSERT INTO ledger_transfer (kind, currency, amount, from_account_id, to_account_id, memo, ref_type, ref_id, reverses_id, actor_user_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [t.kind, t.currency, t.amount, fromId, toId, t.memo ?? null, t.ref?.type ?? null, t.ref?.id ?? null, t.reverses ?? null, ctx.userId ?? null, now],
      );
      // Accounts are locked in id order, so two transfers between the same accounts in
      // opposite directions queue instead of deadlocking.
      const sides = [
        { account: fromId, amount: -t.amount },
        { account: toId, amount: t.amount },
      ].sort((a, b) => (a.account < b.account ? -1 : 1));
      const ids = new Map<string, string>();
      for (const side of sides) {
        const [row]: { id: string }[] = await em.query(`INSERT INTO ledger_entry (transfer_id, account_id, amount, balance_after, created_at) VALUES ($1, $2, $3, 0, $4) RETURNING id`, [
          transferId,
          side.account,
          side.amount,
          now,
        ]);
        ids.set(side.account, row.id);
      }
      return { transferId, fromEntryId: ids.get(fromId)!, toEntryId: ids.get(toId)! };
    } catch (err) {
      const constraint = constraintOf(err);
      if (constraint === 'ledger_account_never_negative') {
        throw new ConflictError('ledger.insufficientBalance', t.currency === 'POINTS' ? 'Not enough points for this' : 'Not enough time credits for this');
      }
      if (constraint === 'ledger_transfer_once_per_cause' || constraint === 'ledger_transfer_reverses_id_key') {
        throw new ConflictError('ledger.alreadyPosted', t.kind === 'REVERSAL' ? 'This transfer has already been reversed' : 'This has already been posted to the ledger');
      }
      throw err;
    }
  }

  /** Whether a transfer for this cause exists (a subscriber's first look before posting). */
  async posted(ctx: RequestContext, kind: TransferKind, ref: { type: string; id: string }): Promise<boolean> {
    const rows = await this.tx.manager(ctx).query(`SELECT 1 FROM ledger_transfer WHERE kind = $1 AND ref_type = $2 AND ref_id = $3`, [kind, ref.type, ref.id]);
    return rows.length > 0;
  }

  /** Sets aside points of an account (an incentive awaiting its second official): refused beyond what it holds. */
  async reserve(ctx: RequestContext, ref: AccountRef, amount: number): Promise<void> {
    const id = await this.accountId(ctx, ref, 'POINTS');
    try {
      await this.tx.manager(ctx).query(`UPDATE ledger_account SET reserved = reserved + $2 WHERE id = $1`, [id, amount]);
    } catch (err) {
      if (constraintOf(err) === 'ledger_account_never_negative') throw new ConflictError('budget.insufficient', 'The budget has not enough points left for this');
      throw err;
    }
  }

  /** Frees points set aside by `reserve`. */
  async release(ctx: RequestContext, ref: AccountRef, amount: number): Promise<void> {
    const id = await this.accountId(ctx, ref, 'POINTS');
    await this.tx.manager(ctx).query(`UPDATE ledger_account SET reserved = reserved - $2 WHERE id = $1`, [id, amount]);
  }

  /** The account's balance and reserve (zero for an account never used). */
  async account(ctx: RequestContext, ref: AccountRef, currency: Currency): Promise<{ balance: number; reserved: number; id: string | null }> {
    const [column, value] = 'user' in ref ? ['user_id', ref.user] : 'organization' in ref ? ['organization_id', ref.organization] : ['system_code', ref.system];
    const [row]: { id: string; balance: number; reserved: number }[] = await this.tx
      .manager(ctx)
      .query(`SELECT id, balance, reserved FROM ledger_account WHERE ${column} = $1 AND currency = $2`, [value, currency]);
    return row ?? { id: null, balance: 0, reserved: 0 };
  }

  /** Users' balances in a currency, batched per request (0 for those with no account yet). */
  async userBalance(ctx: RequestContext, userId: string, currency: Currency): Promise<number> {
    const rows = await loadAllBy(
      ctx,
      `ledger.userBalance.${currency}`,
      userId,
      (ids) => this.tx.manager(ctx).find(LedgerAccountEntity, { where: { userId: In(ids), currency } }),
      (a) => a.userId!,
    );
    return rows[0]?.balance ?? 0;
  }

  loadAccount(ctx: RequestContext, id: string): Promise<LedgerAccountEntity | null> {
    return loadById(ctx, 'ledger.account', id, (ids) => this.tx.manager(ctx).find(LedgerAccountEntity, { where: { id: In(ids) } }));
  }

  loadEntry(ctx: RequestContext, id: string): Promise<LedgerEntryEntity | null> {
    return loadById(ctx, 'ledger.entry', id, (ids) => this.tx.manager(ctx).find(LedgerEntryEntity, { where: { id: In(ids) }, relations: { transfer: true } }));
  }

  loadTransfer(ctx: RequestContext, id: string): Promise<LedgerTransferEntity | null> {
    return loadById(ctx, 'ledger.transfer', id, (ids) => this.tx.manager(ctx).find(LedgerTransferEntity, { where: { id: In(ids) } }));
  }

  /** The transfer that undid this one, if any. */
  async reversalOf(ctx: RequestContext, transferId: string): Promise<LedgerTransferEntity | null> {
    return this.tx.manager(ctx).findOne(LedgerTransferEntity, { where: { reversesId: transferId } });
  }

  /** Whether a transfer was undone, batched per request (a page of history asks for each entry). */
  async isReversed(ctx: RequestContext, transferId: string): Promise<boolean> {
    const rows = await loadAllBy(
      ctx,
      'ledger.reversals',
      transferId,
      (ids) => this.tx.manager(ctx).find(LedgerTransferEntity, { select: { id: true, reversesId: true }, where: { reversesId: In(ids) } }),
      (t) => t.reversesId!,
    );
    return rows.length > 0;
  }

  /** An owner's entries in a currency (or both), newest first. */
  async history(ctx: RequestContext, ref: AccountRef, currency: Currency | null | undefined, page: PageArgs) {
    checkPage(page, ENTRIES_NEWEST_FIRST);
    const em = this.tx.manager(ctx);
    const [column, value] = 'user' in ref ? ['user_id', ref.user] : 'organization' in ref ? ['organization_id', ref.organization] : ['system_code', ref.system];
    const qb = em
      .createQueryBuilder(LedgerEntryEntity, 'e')
      .innerJoinAndSelect('e.transfer', 't')
      .where(`e.account_id IN (SELECT a.id FROM ledger_account a WHERE a.${column} = :owner${currency ? ' AND a.currency = :currency' : ''})`, { owner: value, currency });
    return paginate(qb, page, {
      columns: ENTRIES_NEWEST_FIRST,
      direction: 'DESC',
      keyOf: (e) => [e.createdAt.toISOString(), e.id],
    });
  }

  /** The other side of an entry's transfer: the account it came from or went to. */
  counterpartAccountId(entry: LedgerEntryEntity): string {
    return entry.accountId === entry.transfer.fromAccountId ? entry.transfer.toAccountId : entry.transfer.fromAccountId;
  }

  /**
   * The trial balance: transfers whose entries do not sum to zero (or are not two), and
   * accounts whose balance differs from the sum of their entries. Both lists are empty
   * while the ledger is sound.
   */
  async trialBalance(ctx: RequestContext): Promise<{ transfers: number; unbalanced: string[]; mismatched: { accountId: string; balance: number; entries: number }[] }> {
    const em = this.tx.manager(ctx);
    const [{ n }] = await em.query(`SELECT count(*)::int AS n FROM ledger_transfer`);
    const unbalanced: { id: string }[] = await em.query(
      `SELECT t.id FROM ledger_transfer t LEFT JOIN ledger_entry e ON e.transfer_id = t.id
        GROUP BY t.id HAVING count(e.id) <> 2 OR coalesce(sum(e.amount), 0) <> 0 LIMIT 100`,
    );
    const mismatched: { account_id: string; balance: number; entries: number }[] = await em.query(
      `SELECT a.id AS account_id, a.balance, coalesce(sum(e.amount), 0)::int AS entries
         FROM ledger_account a LEFT JOIN ledger_entry e ON e.account_id = a.id
        GROUP BY a.id HAVING a.balance <> coalesce(sum(e.amount), 0) LIMIT 100`,
    );
    return { transfers: n, unbalanced: unbalanced.map((r) => r.id), mismatched: mismatched.map((r) => ({ accountId: r.account_id, balance: r.balance, entries: r.entries })) };
  }
}
