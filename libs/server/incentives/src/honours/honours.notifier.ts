import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { EventBus, PublishedEvent, RequestContext } from '@civicgrid/platform';
import type { ServiceVerifiedPayload } from '@civicgrid/volunteering';
import { HonourAwardedPayload, HonoursService } from './honours.service';
import { STAR_LEVEL_HOURS } from './star-levels';

export const HONOUR_KINDS: NotificationKind[] = [
  {
    kind: 'STAR_LEVEL_REACHED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您成为{level}星级志愿者', body: '您的志愿服务时长已达{hours}小时，成为{level}星级志愿者。感谢您的奉献！', sms: '您的志愿服务已达{hours}小时，成为{level}星级志愿者，感谢您！' },
      'zh-TW': { title: '您成為{level}星級志工', body: '您的志願服務時數已達{hours}小時，成為{level}星級志工。感謝您的奉獻！', sms: '您的志願服務已達{hours}小時，成為{level}星級志工，感謝您！' },
      en: { title: 'You are now a {level}-star volunteer', body: 'Your verified service has reached {hours} hours: you are now a {level}-star volunteer. Thank you!' },
    },
  },
  {
    kind: 'HONOUR_AWARDED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您获得了“{title}”荣誉', body: '{organization}授予您“{title}”荣誉，已展示在您的个人主页上。', sms: '{organization}授予您“{title}”荣誉，祝贺！' },
      'zh-TW': { title: '您獲得了「{title}」榮譽', body: '{organization}授予您「{title}」榮譽，已展示在您的個人頁面上。', sms: '{organization}授予您「{title}」榮譽，恭喜！' },
      en: { title: 'You were awarded “{title}”', body: '{organization} awarded you the honour “{title}”. It is shown on your profile.' },
    },
  },
];

/** Star levels follow verified service; honours are told to the person honoured. */
@Injectable()
export class HonoursNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly honours: HonoursService,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...HONOUR_KINDS);
    this.events.subscribe<ServiceVerifiedPayload>('service.verified', 'incentives.starLevel', (ctx, e) => this.serviceVerified(ctx, e));
    this.events.subscribe<HonourAwardedPayload>('honour.awarded', 'incentives.notifyHonour', (ctx, e) => this.honourAwarded(ctx, e));
  }

  private async serviceVerified(ctx: RequestContext, e: PublishedEvent<ServiceVerifiedPayload>): Promise<void> {
    if (!e.payload.approved) return;
    const userId = e.payload.volunteerId;
    const level = await this.honours.recordStarLevels(ctx, userId);
    if (!level) return;
    await this.notifications.notify(ctx, {
      userId,
      kind: 'STAR_LEVEL_REACHED',
      params: { level, hours: STAR_LEVEL_HOURS[level - 1] },
      link: '/wallet',
      dedupeKey: `star-level:${userId}:${level}`,
    });
  }

  private async honourAwarded(ctx: RequestContext, e: PublishedEvent<HonourAwardedPayload>): Promise<void> {
    const honour = await this.honours.load(ctx, e.payload.honourId);
    if (!honour) return;
    const org = await this.organizations.load(ctx, honour.organizationId);
    await this.notifications.notify(ctx, { userId: honour.userId, kind: 'HONOUR_AWARDED', params: { title: honour.title, organization: org?.name ?? '' }, link: '/wallet', dedupeKey: e.id });
  }
}
