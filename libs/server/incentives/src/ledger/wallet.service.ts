import { Injectable } from '@nestjs/common';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { OrganizationsService } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  can,
  checkPage,
  Clock,
  ConflictError,
  EventBus,
  InvalidInputError,
  maskName,
  NotFoundError,
  PageArgs,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { TasksService } from '@civicgrid/volunteering';
import type { ServiceVerifiedPayload } from '@civicgrid/volunteering';
import { BudgetSettingsService } from '../budgets/budget-settings.service';
import { IdempotencyService } from './idempotency.service';
import { Currency, LedgerEntryEntity, TransferKind } from './ledger.entities';
import { ENTRIES_NEWEST_FIRST, LedgerService } from './ledger.service';

/** Transfers an administrator may undo: the ones that are a decision, not a step of another flow. */
const REVERSIBLE: ReadonlySet<TransferKind> = new Set(['SERVICE_EARNING', 'TIME_CREDIT_EARNING', 'BUDGET_ALLOCATION', 'INCENTIVE', 'TIME_CREDIT_DONATION']);

/** Age from which a resident may receive time credits from anyone. */
export const ELDER_AGE = 60;

export interface TimeCreditsDonatedPayload {
  donorId: string;
  recipientId: string;
  minutes: number;
  transferId: string;
}

/** A person's side of the ledger: what they earned, gave and hold, and administrators' corrections. */
@Injectable()
export class WalletService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
    private readonly settings: BudgetSettingsService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly geo: GeoService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  /**
   * A verified checked-in record earns points at its street office's rate and as many
   * time credits as minutes, once per record (the transfers are keyed by it). Reported
   * minutes earn nothing here: they count towards star levels and certificates only.
   */
  async earn(ctx: RequestContext, e: ServiceVerifiedPayload): Promise<void> {
    if (!e.approved || e.kind !== 'CHECKED_IN' || e.minutes <= 0) return;
    const ref = { type: 'service_record', id: e.recordId };
    await this.tx.run(ctx, async (t) => {
      if (await this.ledger.posted(t, 'TIME_CREDIT_EARNING', ref)) return;
      const task = e.taskId ? await this.tasks.loadTask(t, e.taskId) : null;
      const office = task ? await this.organizations.streetOfficeOver(t, task.regionPath) : null;
      const rate = office ? (await this.settings.of(t, office.id)).pointsPerHour : this.settings.defaults().pointsPerHour;
      const points = Math.round((e.minutes * rate) / 60);
      const memo = task?.title ?? null;
      if (points > 0) await this.ledger.transfer(t, { kind: 'SERVICE_EARNING', currency: 'POINTS', from: { system: 'ISSUANCE' }, to: { user: e.volunteerId }, amount: points, memo, ref });
      await this.ledger.transfer(t, { kind: 'TIME_CREDIT_EARNING', currency: 'TIME_CREDITS', from: { system: 'ISSUANCE' }, to: { user: e.volunteerId }, amount: e.minutes, memo, ref });
    });
  }

  /** Balances are the person's own business, their proxy's, and an official's over their home. */
  async canViewBalances(ctx: RequestContext, user: User): Promise<boolean> {
    const actor = await ctx.actor();
    if (!actor) return false;
    if (actor.userId === user.id || actor.proxyFor.has(user.id)) return true;
    return can(actor, 'incentives.viewBalances', { userId: user.id, regionPath: await this.geo.pathOf(ctx, user.homeRegionId) });
  }

  async balance(ctx: RequestContext, user: User, currency: Currency): Promise<number | null> {
    if (!(await this.canViewBalances(ctx, user))) return null;
    return this.ledger.userBalance(ctx, user.id, currency);
  }

  /** The signed-in person's history. */
  async myHistory(ctx: RequestContext, currency: Currency | null | undefined, page: PageArgs) {
    const actor = await ctx.requireActor();
    return this.ledger.history(ctx, { user: actor.userId }, currency, page);
  }

  /** Anyone's history, for an administrator looking for an entry to correct (audited: it reads a person's affairs). */
  async historyOf(ctx: RequestContext, userId: string, currency: Currency | null | undefined, page: PageArgs) {
    authorize(await ctx.requireActor(), 'ledger.reverse', { userId });
    checkPage(page, ENTRIES_NEWEST_FIRST);
    await this.users.require(ctx, userId, 'userId');
    await this.audit.record(ctx, { action: 'ledger.read', subjectType: 'user', subjectId: userId, detail: { currency: currency ?? null } });
    return this.ledger.history(ctx, { user: userId }, currency, page);
  }

  /**
   * What the viewer sees on the other side of an entry: an organisation's name, a
   * person's name masked unless it is the viewer, nothing for the platform's own accounts.
   */
  async counterparty(ctx: RequestContext, entry: LedgerEntryEntity): Promise<string | null> {
    const other = await this.ledger.loadAccount(ctx, this.ledger.counterpartAccountId(entry));
    if (!other || other.ownerType === 'SYSTEM') return null;
    if (other.organizationId) return (await this.organizations.load(ctx, other.organizationId))?.name ?? null;
    const user = other.userId ? await this.users.load(ctx, other.userId) : null;
    if (!user) return null;
    return user.id === ctx.userId ? user.displayName : maskName(user.displayName);
  }

  async isReversed(ctx: RequestContext, entry: LedgerEntryEntity): Promise<boolean> {
    return this.ledger.isReversed(ctx, entry.transferId);
  }

  /**
   * Gives time credits to a resident aged 60+ or to one who made the donor their proxy
   * (family). The donor's entry is returned.
   */
  async donate(ctx: RequestContext, input: { recipientUserId: string; minutes: number; note?: string | null; idempotencyKey: string }): Promise<LedgerEntryEntity> {
    const actor = await ctx.requireActor();
    const { idempotencyKey, ...rest } = input;
    const entryId = await this.idempotency.once(ctx, idempotencyKey, 'donateTimeCredits', rest, async (t) => {
      if (input.recipientUserId === actor.userId) throw new InvalidInputError('recipientUserId', 'timeCredits.toSelf', 'Time credits are given to someone else');
      const recipient = await this.users.require(t, input.recipientUserId, 'recipientUserId');
      const age = recipient.birthDate ? ageOn(recipient.birthDate, this.clock.now()) : null;
      if (!(age !== null && age >= ELDER_AGE) && !actor.proxyFor.has(recipient.id)) {
        throw new InvalidInputError('recipientUserId', 'timeCredits.recipientNotEligible', `Time credits go to a resident aged ${ELDER_AGE} or over, or to someone who made you their proxy`);
      }
      const note = input.note?.trim() || null;
      const posted = await this.ledger.transfer(t, {
        kind: 'TIME_CREDIT_DONATION',
        currency: 'TIME_CREDITS',
        from: { user: actor.userId },
        to: { user: recipient.id },
        amount: input.minutes,
        memo: note,
      });
      await this.events.publish<TimeCreditsDonatedPayload>(t, {
        type: 'timeCredits.donated',
        aggregateType: 'ledger_transfer',
        aggregateId: posted.transferId,
        payload: { donorId: actor.userId, recipientId: recipient.id, minutes: input.minutes, transferId: posted.transferId },
      });
      return posted.fromEntryId;
    });
    return (await this.ledger.loadEntry(ctx, entryId))!;
  }

  /**
   * An administrator's correction: a REVERSAL moving the same amount back, at most once
   * per transfer, never an edit. Refused when the account it takes back from no longer
   * holds the amount (the points were spent): that calls for a decision, not a negative
   * balance.
   */
  async reverse(ctx: RequestContext, input: { ledgerEntryId: string; reason: string; idempotencyKey: string }): Promise<LedgerEntryEntity> {
    authorize(await ctx.requireActor(), 'ledger.reverse');
    const { idempotencyKey, ...rest } = input;
    const reason = input.reason.trim();
    if (!reason) throw new InvalidInputError('reason', 'ledger.reasonRequired', 'Say why the transfer is undone');
    const entryId = await this.idempotency.once(ctx, idempotencyKey, 'reverseTransfer', rest, async (t) => {
      const entry = await this.ledger.loadEntry(t, input.ledgerEntryId);
      if (!entry) throw new NotFoundError('LedgerEntry', 'ledgerEntryId');
      const original = entry.transfer;
      if (!REVERSIBLE.has(original.kind)) {
        throw new ConflictError('ledger.notReversible', `A ${original.kind} transfer is undone by its own flow (a cancelled or expired redemption), not by a reversal`);
      }
      if (await this.ledger.reversalOf(t, original.id)) throw new ConflictError('ledger.alreadyPosted', 'This transfer has already been reversed');
      const [from, to] = await Promise.all([this.ledger.loadAccount(t, original.toAccountId), this.ledger.loadAccount(t, original.fromAccountId)]);
      const posted = await this.ledger.transfer(t, {
        kind: 'REVERSAL',
        currency: original.currency,
        from: refOf(from!),
        to: refOf(to!),
        amount: original.amount,
        memo: reason,
        reverses: original.id,
      });
      await this.audit.record(t, {
        action: 'ledger.reverse',
        subjectType: 'ledger_transfer',
        subjectId: original.id,
        detail: { kind: original.kind, currency: original.currency, amount: original.amount, reversal: posted.transferId, reason },
      });
      // The reversal entry on the same side as the entry the administrator picked.
      return entry.accountId === original.toAccountId ? posted.fromEntryId : posted.toEntryId;
    });
    return (await this.ledger.loadEntry(ctx, entryId))!;
  }
}

function refOf(a: { userId: string | null; organizationId: string | null; systemCode: 'ISSUANCE' | 'REDEMPTION_HOLDS' | null }) {
  if (a.userId) return { user: a.userId };
  if (a.organizationId) return { organization: a.organizationId };
  return { system: a.systemCode! };
}

/** Whole years between a YYYY-MM-DD birth date and an instant, in Shanghai's calendar. */
export function ageOn(birthDate: string, now: Date): number {
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
