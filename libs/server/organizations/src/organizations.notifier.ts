import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { GeoService } from '@civicgrid/geo';
import type { GridLeaderEvent } from '@civicgrid/identity';
import { EventBus, PublishedEvent, RequestContext } from '@civicgrid/platform';
import { AlliancesService } from './alliances.service';
import { OrganizationReviewedPayload, OrganizationsService } from './organizations.service';

/** What organisations tell people, and in which words. */
export const ORGANIZATION_KINDS: NotificationKind[] = [
  {
    kind: 'MEMBERSHIP_INVITED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '{organization}邀请您加入', body: '{organization}邀请您成为成员。请在“我的组织”里接受或谢绝。', sms: '{organization}邀请您加入，请登录共建网格在“我的组织”里答复。' },
      'zh-TW': { title: '{organization}邀請您加入', body: '{organization}邀請您成為成員。請在「我的組織」裡接受或婉拒。', sms: '{organization}邀請您加入，請登入共建網格在「我的組織」裡答覆。' },
      en: { title: '{organization} invites you to join', body: '{organization} invites you to become a member. Accept or decline under My organisations.' },
    },
  },
  {
    kind: 'MEMBERSHIP_ACCEPTED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '您已加入{organization}', body: '{organization}同意了您的加入申请，欢迎！' },
      'zh-TW': { title: '您已加入{organization}', body: '{organization}同意了您的加入申請，歡迎！' },
      en: { title: 'You joined {organization}', body: '{organization} accepted your request to join. Welcome!' },
    },
  },
  {
    kind: 'MEMBERSHIP_DECLINED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '{organization}未通过您的申请', body: '{organization}这次没有同意您的加入申请。' },
      'zh-TW': { title: '{organization}未通過您的申請', body: '{organization}這次沒有同意您的加入申請。' },
      en: { title: '{organization} declined your request', body: '{organization} did not accept your request to join this time.' },
    },
  },
  {
    kind: 'ALLIANCE_APPLICATION_APPROVED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '{organization}已加入{alliance}', body: '{alliance}批准了{organization}的入盟申请，可以开始记录承诺的行动了。', sms: '{alliance}已批准{organization}入盟。' },
      'zh-TW': { title: '{organization}已加入{alliance}', body: '{alliance}批准了{organization}的入盟申請，可以開始記錄承諾的行動了。', sms: '{alliance}已批准{organization}入盟。' },
      en: { title: '{organization} joined {alliance}', body: '{alliance} approved the application of {organization}. You can now record your pledged activity.' },
    },
  },
  {
    kind: 'ALLIANCE_APPLICATION_REJECTED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '{alliance}未批准{organization}的申请', body: '{alliance}没有批准{organization}的入盟申请，理由见联盟页面。' },
      'zh-TW': { title: '{alliance}未批准{organization}的申請', body: '{alliance}沒有批准{organization}的入盟申請，理由見聯盟頁面。' },
      en: { title: '{alliance} declined {organization}', body: '{alliance} did not approve the application of {organization}; the reason is on the alliance page.' },
    },
  },
  {
    kind: 'ORGANIZATION_VERIFIED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '{organization}已通过认证', body: '街道已认证{organization}，现在可以发布任务、招募志愿者了。', sms: '{organization}已通过街道认证，可以发布任务了。' },
      'zh-TW': { title: '{organization}已通過認證', body: '街道已認證{organization}，現在可以發布任務、招募志工了。', sms: '{organization}已通過街道認證，可以發布任務了。' },
      en: { title: '{organization} is verified', body: 'The street office verified {organization}. You can now publish tasks and take volunteers.' },
    },
  },
  {
    kind: 'ORGANIZATION_REJECTED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '{organization}未通过认证', body: '街道没有通过{organization}的认证。理由：{reason} 您可以在组织页面修改资料后重新提交。', sms: '{organization}未通过认证，理由见组织页面，修改后可重新提交。' },
      'zh-TW': { title: '{organization}未通過認證', body: '街道沒有通過{organization}的認證。理由：{reason} 您可以在組織頁面修改資料後重新提交。', sms: '{organization}未通過認證，理由見組織頁面，修改後可重新提交。' },
      en: { title: '{organization} was not verified', body: 'The street office did not verify {organization}. Reason: {reason} You can correct the details on the organisation page and resubmit.' },
    },
  },
  {
    kind: 'ORGANIZATION_INFO_REQUESTED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '认证{organization}还需要补充资料', body: '街道在认证{organization}前需要更多信息：{message} 请在组织页面补充后重新提交。', sms: '街道需要{organization}补充认证资料，详见组织页面。' },
      'zh-TW': { title: '認證{organization}還需要補充資料', body: '街道在認證{organization}前需要更多資訊：{message} 請在組織頁面補充後重新提交。', sms: '街道需要{organization}補充認證資料，詳見組織頁面。' },
      en: { title: '{organization}: more information needed', body: 'Before verifying {organization}, the street office asks: {message} Add it on the organisation page and resubmit.' },
    },
  },
  {
    kind: 'GRID_LEADER_APPOINTED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您已成为{grid}的网格员', body: '您已被任命为{grid}的网格员，可以为本网格的居民代办事务了，请在“代办”里查看。', sms: '您已被任命为{grid}的网格员，登录共建网格即可为居民代办。' },
      'zh-TW': { title: '您已成為{grid}的網格員', body: '您已被任命為{grid}的網格員，可以為本網格的居民代辦事務了，請在「代辦」裡查看。', sms: '您已被任命為{grid}的網格員，登入共建網格即可為居民代辦。' },
      en: { title: 'You are now a grid leader of {grid}', body: 'You were appointed grid leader of {grid}: you may now act for its residents. See Residents.' },
    },
  },
  {
    kind: 'GRID_LEADER_REMOVED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '您不再担任{grid}的网格员', body: '您在{grid}的网格员任命已经结束，感谢您的付出。' },
      'zh-TW': { title: '您不再擔任{grid}的網格員', body: '您在{grid}的網格員任命已經結束，感謝您的付出。' },
      en: { title: 'You are no longer a grid leader of {grid}', body: 'Your appointment as grid leader of {grid} has ended. Thank you for your work.' },
    },
  },
];

/** Turns organisation events into notifications: invitations, decided requests, alliance decisions, grid leaders' appointments. */
@Injectable()
export class OrganizationsNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly organizations: OrganizationsService,
    private readonly alliances: AlliancesService,
    private readonly geo: GeoService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...ORGANIZATION_KINDS);
    this.events.subscribe(['membership.invited', 'membership.decided'], 'organizations.notifyMembership', (ctx, e) => this.membership(ctx, e));
    this.events.subscribe('alliance.application.decided', 'organizations.notifyAllianceDecision', (ctx, e) => this.allianceDecision(ctx, e));
    this.events.subscribe<OrganizationReviewedPayload>('organization.reviewed', 'organizations.notifyReview', (ctx, e) => this.reviewed(ctx, e));
    this.events.subscribe<GridLeaderEvent>(['gridLeader.appointed', 'gridLeader.removed'], 'organizations.notifyGridLeader', (ctx, e) => this.gridLeader(ctx, e));
  }

  /** An official's decision on an organisation reaches those who run it (the owner and its admins). */
  private async reviewed(ctx: RequestContext, e: PublishedEvent<OrganizationReviewedPayload>): Promise<void> {
    const p = e.payload;
    const [org, managers] = await Promise.all([this.organizations.load(ctx, p.organizationId), this.organizations.memberIdsWithRole(ctx, p.organizationId, 'ADMIN')]);
    if (!org) return;
    const kind = p.status === 'VERIFIED' ? 'ORGANIZATION_VERIFIED' : p.status === 'REJECTED' ? 'ORGANIZATION_REJECTED' : 'ORGANIZATION_INFO_REQUESTED';
    await this.notifications.notifyMany(ctx, managers, {
      kind,
      params: { organization: org.name, reason: p.note, message: p.note },
      link: `/orgs/${org.id}`,
      dedupeKey: e.id,
    });
  }

  private async gridLeader(ctx: RequestContext, e: PublishedEvent<GridLeaderEvent>): Promise<void> {
    const grid = await this.geo.load(ctx, e.payload.regionId);
    const appointed = e.type === 'gridLeader.appointed';
    await this.notifications.notify(ctx, {
      userId: e.payload.userId,
      kind: appointed ? 'GRID_LEADER_APPOINTED' : 'GRID_LEADER_REMOVED',
      params: { grid: grid?.name ?? '' },
      link: appointed ? '/residents' : null,
      dedupeKey: e.id,
    });
  }

  private async membership(ctx: RequestContext, e: PublishedEvent): Promise<void> {
    const p = e.payload as { organizationId: string; userId: string; accepted?: boolean; wasInvitation?: boolean };
    const org = await this.organizations.load(ctx, p.organizationId);
    if (!org) return;
    // An answer to an invitation is the invitee's own act; only decided requests and new invitations tell someone.
    if (e.type === 'membership.decided' && p.wasInvitation) return;
    const kind = e.type === 'membership.invited' ? 'MEMBERSHIP_INVITED' : p.accepted ? 'MEMBERSHIP_ACCEPTED' : 'MEMBERSHIP_DECLINED';
    await this.notifications.notify(ctx, { userId: p.userId, kind, params: { organization: org.name }, link: `/orgs/${org.id}`, dedupeKey: e.id });
  }

  private async allianceDecision(ctx: RequestContext, e: PublishedEvent): Promise<void> {
    const p = e.payload as { allianceId: string; organizationId: string; approved: boolean };
    const [org, alliance, managers] = await Promise.all([
      this.organizations.load(ctx, p.organizationId),
      this.alliances.load(ctx, p.allianceId),
      this.organizations.memberIdsWithRole(ctx, p.organizationId, 'ADMIN'),
    ]);
    if (!org) return;
    await this.notifications.notifyMany(ctx, managers, {
      kind: p.approved ? 'ALLIANCE_APPLICATION_APPROVED' : 'ALLIANCE_APPLICATION_REJECTED',
      params: { organization: org.name, alliance: alliance?.name ?? '' },
      link: `/alliances/${p.allianceId}`,
      dedupeKey: e.id,
    });
  }
}
