import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { EventBus, JobsService, PublishedEvent, RequestContext } from '@civicgrid/platform';
import { REDEMPTION_EXPIRE_JOB, REDEMPTION_SWEEP_JOB, RedemptionEventPayload, RedemptionsService } from './redemptions.service';
import { RewardsService } from './rewards.service';

export const REWARD_KINDS: NotificationKind[] = [
  {
    kind: 'REDEMPTION_CONFIRMED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '兑换已核销', body: '您在{merchant}兑换的“{reward}”已核销，使用了 {points} 积分。', sms: '您在{merchant}兑换的“{reward}”已核销。' },
      'zh-TW': { title: '兌換已核銷', body: '您在{merchant}兌換的「{reward}」已核銷，使用了 {points} 積分。', sms: '您在{merchant}兌換的「{reward}」已核銷。' },
      en: { title: 'Redemption confirmed', body: '{merchant} confirmed your "{reward}" for {points} points.' },
    },
  },
  {
    kind: 'REDEMPTION_EXPIRED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '兑换码已过期', body: '您在{merchant}兑换“{reward}”的兑换码未在有效期内使用，{points} 积分已退回。', sms: '您的兑换码已过期，{points}积分已退回。' },
      'zh-TW': { title: '兌換碼已過期', body: '您在{merchant}兌換「{reward}」的兌換碼未在有效期內使用，{points} 積分已退回。', sms: '您的兌換碼已過期，{points}積分已退回。' },
      en: { title: 'Redemption code expired', body: 'Your code for "{reward}" at {merchant} was not used in time. The {points} points went back to you.' },
    },
  },
];

/** Redemptions' part in jobs and events: codes expire on time (and by a sweep), people hear how their codes ended. */
@Injectable()
export class RewardsNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly redemptions: RedemptionsService,
    private readonly rewards: RewardsService,
    private readonly organizations: OrganizationsService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...REWARD_KINDS);
    this.jobs.define<{ redemptionId: string }>({ name: REDEMPTION_EXPIRE_JOB, retryLimit: 5, handle: (ctx, data) => this.redemptions.expire(ctx, data.redemptionId).then(() => undefined) });
    this.jobs.define({ name: REDEMPTION_SWEEP_JOB, cron: '*/5 * * * *', retryLimit: 1, handle: (ctx) => this.redemptions.sweep(ctx).then(() => undefined) });
    this.events.subscribe<RedemptionEventPayload>(['redemption.confirmed', 'redemption.expired'], 'incentives.notifyRedemption', (ctx, e) => this.ended(ctx, e));
  }

  private async ended(ctx: RequestContext, e: PublishedEvent<RedemptionEventPayload>): Promise<void> {
    const p = e.payload;
    const [reward, merchant] = await Promise.all([this.rewards.load(ctx, p.rewardId), this.organizations.load(ctx, p.merchantId)]);
    await this.notifications.notify(ctx, {
      userId: p.userId,
      kind: e.type === 'redemption.confirmed' ? 'REDEMPTION_CONFIRMED' : 'REDEMPTION_EXPIRED',
      params: { merchant: merchant?.name ?? '', reward: reward?.title ?? '', points: p.points },
      link: '/rewards',
      dedupeKey: e.id,
    });
  }
}
