import { Injectable, OnModuleInit } from '@nestjs/common';
import { UsersService } from '@civicgrid/identity';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { authorize, EventBus, JobsService, Log, processMetric, PublishedEvent, RequestContext, TransactionRunner, Clock } from '@civicgrid/platform';
import type { ServiceVerifiedPayload } from '@civicgrid/volunteering';
import { Gauge } from 'prom-client';
import { BudgetAllocatedPayload, BudgetsService, IncentiveEventPayload } from '../budgets/budgets.service';
import { LedgerService } from './ledger.service';
import { TimeCreditsDonatedPayload, WalletService } from './wallet.service';

export const TRIAL_BALANCE_JOB = 'incentives.trialBalance';

export const LEDGER_KINDS: NotificationKind[] = [
  {
    kind: 'INCENTIVE_RECEIVED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您获得了激励积分', body: '{office}向{recipient}发放了 {points} 积分：{reason}', sms: '{office}向您发放了{points}积分，可在“我的积分”查看。' },
      'zh-TW': { title: '您獲得了激勵積分', body: '{office}向{recipient}發放了 {points} 積分：{reason}', sms: '{office}向您發放了{points}積分，可在「我的積分」查看。' },
      en: { title: 'You received incentive points', body: '{office} gave {recipient} {points} points: {reason}' },
    },
  },
  {
    kind: 'INCENTIVE_AWAITING_APPROVAL',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '有一笔激励等您审批', body: '{issuer}申请从{office}预算向{recipient}发放 {points} 积分（{reason}），超过审批线，需要另一位工作人员批准。', sms: '{issuer}申请发放{points}积分，超过审批线，请您审批。' },
      'zh-TW': { title: '有一筆激勵等您審批', body: '{issuer}申請從{office}預算向{recipient}發放 {points} 積分（{reason}），超過審批線，需要另一位工作人員核准。', sms: '{issuer}申請發放{points}積分，超過審批線，請您審批。' },
      en: { title: 'An incentive awaits your approval', body: '{issuer} asks to give {recipient} {points} points from the {office} budget ({reason}). It is above the threshold and needs a second official.' },
    },
  },
  {
    kind: 'INCENTIVE_APPROVED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '激励已批准', body: '您申请向{recipient}发放的 {points} 积分已获批准并发放。' },
      'zh-TW': { title: '激勵已核准', body: '您申請向{recipient}發放的 {points} 積分已獲核准並發放。' },
      en: { title: 'Incentive approved', body: 'The {points} points you asked to give {recipient} were approved and paid.' },
    },
  },
  {
    kind: 'INCENTIVE_REJECTED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '激励未获批准', body: '您申请向{recipient}发放的 {points} 积分未获批准：{reason}。积分已退回预算。' },
      'zh-TW': { title: '激勵未獲核准', body: '您申請向{recipient}發放的 {points} 積分未獲核准：{reason}。積分已退回預算。' },
      en: { title: 'Incentive not approved', body: 'The {points} points you asked to give {recipient} were not approved: {reason}. The points went back to the budget.' },
    },
  },
  {
    kind: 'BUDGET_ALLOCATED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '激励预算已增加', body: '{office}的激励预算增加了 {points} 积分。' },
      'zh-TW': { title: '激勵預算已增加', body: '{office}的激勵預算增加了 {points} 積分。' },
      en: { title: 'Incentive budget increased', body: 'The {office} incentive budget received {points} points.' },
    },
  },
  {
    kind: 'TIME_CREDITS_RECEIVED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您收到了时间币', body: '{donor}赠送给您 {minutes} 分钟时间币。{note}', sms: '{donor}赠送给您{minutes}分钟时间币。' },
      'zh-TW': { title: '您收到了時間幣', body: '{donor}贈送給您 {minutes} 分鐘時間幣。{note}', sms: '{donor}贈送給您{minutes}分鐘時間幣。' },
      en: { title: 'You received time credits', body: '{donor} gave you {minutes} minutes of time credits. {note}' },
    },
  },
  {
    kind: 'LEDGER_OUT_OF_BALANCE',
    urgent: true,
    defaultChannels: ['IN_APP', 'EMAIL'],
    templates: {
      'zh-CN': { title: '积分账本核对发现差异', body: '夜间核对发现 {transfers} 笔转账借贷不平、{accounts} 个账户余额与明细不符，请尽快检查。', sms: '积分账本核对发现差异，请尽快检查。' },
      'zh-TW': { title: '積分帳本核對發現差異', body: '夜間核對發現 {transfers} 筆轉帳借貸不平、{accounts} 個帳戶餘額與明細不符，請儘快檢查。', sms: '積分帳本核對發現差異，請儘快檢查。' },
      en: { title: 'The points ledger does not balance', body: 'The nightly check found {transfers} transfers that do not sum to zero and {accounts} accounts whose balance differs from their entries. Please look into it.' },
    },
  },
];

const imbalance = processMetric('civicgrid_ledger_imbalances', () => new Gauge({ name: 'civicgrid_ledger_imbalances', help: 'Findings of the last trial balance of the points ledger (0 while it balances)', labelNames: ['finding'] }));

/**
 * The ledger's part in events: verified service earns, incentives and donations are
 * told to the people concerned, and the nightly trial balance reports any difference.
 */
@Injectable()
export class LedgerNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly wallet: WalletService,
    private readonly budgets: BudgetsService,
    private readonly ledger: LedgerService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly jobs: JobsService,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly log: Log,
  ) {
    log.setContext('incentives');
  }

  onModuleInit(): void {
    this.kinds.register(...LEDGER_KINDS);
    this.events.subscribe<ServiceVerifiedPayload>('service.verified', 'incentives.earn', (ctx, e) => this.wallet.earn(ctx, e.payload));
    this.events.subscribe<IncentiveEventPayload>(['incentive.issued', 'incentive.pending', 'incentive.decided'], 'incentives.notifyIncentive', (ctx, e) => this.incentive(ctx, e));
    this.events.subscribe<BudgetAllocatedPayload>('budget.allocated', 'incentives.notifyAllocation', (ctx, e) => this.allocated(ctx, e));
    this.events.subscribe<TimeCreditsDonatedPayload>('timeCredits.donated', 'incentives.notifyDonation', (ctx, e) => this.donated(ctx, e));
    this.jobs.define({ name: TRIAL_BALANCE_JOB, cron: '30 18 * * *', retryLimit: 2, handle: (ctx) => this.trialBalance(ctx).then(() => undefined) });
  }

  private async recipientName(ctx: RequestContext, p: IncentiveEventPayload): Promise<string> {
    if (p.recipientOrganizationId) return (await this.organizations.load(ctx, p.recipientOrganizationId))?.name ?? '';
    return (p.recipientUserId && (await this.users.load(ctx, p.recipientUserId))?.displayName) || '';
  }

  private async incentive(ctx: RequestContext, e: PublishedEvent<IncentiveEventPayload>): Promise<void> {
    const p = e.payload;
    const incentive = await this.budgets.load(ctx, p.incentiveId);
    if (!incentive) return;
    const office = await this.organizations.load(ctx, p.budgetOrganizationId);
    const params = { office: office?.name ?? '', recipient: await this.recipientName(ctx, p), points: p.points, reason: incentive.reason };
    const recipients = p.recipientUserId ? [p.recipientUserId] : await this.organizations.memberIdsWithRole(ctx, p.recipientOrganizationId!, 'ADMIN');
    const received = { kind: 'INCENTIVE_RECEIVED', params, link: p.recipientUserId ? '/wallet' : '/incentives', dedupeKey: `${e.id}:received` };
    if (e.type === 'incentive.issued') {
      await this.notifications.notifyMany(ctx, recipients, received);
    } else if (e.type === 'incentive.pending') {
      const officials = (await this.budgets.officialsOf(ctx, p.budgetOrganizationId)).filter((id) => id !== p.issuedById);
      const issuer = await this.users.load(ctx, p.issuedById);
      await this.notifications.notifyMany(ctx, officials, { kind: 'INCENTIVE_AWAITING_APPROVAL', params: { ...params, issuer: issuer?.displayName ?? '' }, link: '/official/budgets', dedupeKey: e.id });
    } else {
      const approved = p.status === 'ISSUED';
      await this.notifications.notify(ctx, {
        userId: p.issuedById,
        kind: approved ? 'INCENTIVE_APPROVED' : 'INCENTIVE_REJECTED',
        params: { ...params, reason: incentive.decidedReason ?? '' },
        link: '/official/budgets',
        dedupeKey: `${e.id}:issuer`,
      });
      if (approved) await this.notifications.notifyMany(ctx, recipients, received);
    }
  }

  private async allocated(ctx: RequestContext, e: PublishedEvent<BudgetAllocatedPayload>): Promise<void> {
    const office = await this.organizations.load(ctx, e.payload.organizationId);
    const officials = await this.budgets.officialsOf(ctx, e.payload.organizationId);
    await this.notifications.notifyMany(ctx, officials, { kind: 'BUDGET_ALLOCATED', params: { office: office?.name ?? '', points: e.payload.points }, link: '/official/budgets', dedupeKey: e.id });
  }

  private async donated(ctx: RequestContext, e: PublishedEvent<TimeCreditsDonatedPayload>): Promise<void> {
    const [donor, transfer] = await Promise.all([this.users.load(ctx, e.payload.donorId), this.ledger.loadTransfer(ctx, e.payload.transferId)]);
    await this.notifications.notify(ctx, {
      userId: e.payload.recipientId,
      kind: 'TIME_CREDITS_RECEIVED',
      params: { donor: donor?.displayName ?? '', minutes: e.payload.minutes, note: transfer?.memo ?? '' },
      link: '/wallet',
      dedupeKey: e.id,
    });
  }

  /**
   * The trial balance: every transfer sums to zero, every balance is the sum of its
   * entries. The triggers make a difference impossible through the application; this
   * catches one made around it (a hand-edited row, a restored backup).
   */
  async trialBalance(ctx: RequestContext) {
    const found = await this.ledger.trialBalance(ctx);
    const checkedAt = this.clock.now();
    imbalance.set({ finding: 'unbalanced_transfers' }, found.unbalanced.length);
    imbalance.set({ finding: 'mismatched_accounts' }, found.mismatched.length);
    await this.tx.run(ctx, async (t) => {
      await this.tx
        .manager(t)
        .query(`INSERT INTO ledger_trial_balance (checked_at, transfers, unbalanced_transfers, mismatched_accounts, detail) VALUES ($1, $2, $3, $4, $5)`, [
          checkedAt,
          found.transfers,
          found.unbalanced.length,
          found.mismatched.length,
          JSON.stringify({ unbalanced: found.unbalanced, mismatched: found.mismatched }),
        ]);
      if (found.unbalanced.length || found.mismatched.length) {
        this.log.error({ unbalanced: found.unbalanced.length, mismatched: found.mismatched.length }, 'the points ledger does not balance');
        const admins = await this.users.idsWithRole(t, 'ADMIN');
        await this.notifications.notifyMany(t, admins, {
          kind: 'LEDGER_OUT_OF_BALANCE',
          params: { transfers: found.unbalanced.length, accounts: found.mismatched.length },
          link: '/admin/ledger',
          dedupeKey: `trial-balance:${checkedAt.toISOString()}`,
        });
      }
    });
    return { ...found, checkedAt };
  }

  /** The last trial balance, for administrators; null before the first. */
  async lastTrialBalance(ctx: RequestContext) {
    authorize(await ctx.requireActor(), 'ledger.reverse');
    const [row]: { checked_at: Date; transfers: number; unbalanced_transfers: number; mismatched_accounts: number }[] = await this.tx
      .manager(ctx)
      .query(`SELECT checked_at, transfers, unbalanced_transfers, mismatched_accounts FROM ledger_trial_balance ORDER BY checked_at DESC, id DESC LIMIT 1`);
    return row ? view({ checkedAt: row.checked_at, transfers: row.transfers, unbalanced: row.unbalanced_transfers, mismatched: row.mismatched_accounts }) : null;
  }

  /** A trial balance now, at an administrator's request (after a restore, say). */
  async checkNow(ctx: RequestContext) {
    authorize(await ctx.requireActor(), 'ledger.reverse');
    const found = await this.trialBalance(ctx);
    return view({ checkedAt: found.checkedAt, transfers: found.transfers, unbalanced: found.unbalanced.length, mismatched: found.mismatched.length });
  }
}

function view(r: { checkedAt: Date; transfers: number; unbalanced: number; mismatched: number }) {
  return { checkedAt: r.checkedAt, transfers: r.transfers, unbalancedTransfers: r.unbalanced, mismatchedAccounts: r.mismatched, balanced: r.unbalanced === 0 && r.mismatched === 0 };
}
