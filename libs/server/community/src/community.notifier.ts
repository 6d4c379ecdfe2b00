import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { EventBus, PublishedEvent, RequestContext } from '@civicgrid/platform';
import type { TaskCancelledPayload, TaskCompletedPayload } from '@civicgrid/volunteering';
import { NeedsService } from './needs.service';

export const COMMUNITY_KINDS: NotificationKind[] = [
  {
    kind: 'NEED_ADOPTED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您的需求有人认领了', body: '{organization}认领了“{need}”，正在安排志愿者。', sms: '{organization}认领了您提的需求“{need}”。' },
      'zh-TW': { title: '您的需求有人認領了', body: '{organization}認領了「{need}」，正在安排志工。', sms: '{organization}認領了您提的需求「{need}」。' },
      en: { title: 'Your need was adopted', body: '{organization} adopted “{need}” and is arranging volunteers.' },
    },
  },
  {
    kind: 'NEED_FULFILLED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '您的需求已完成', body: '“{need}”已经完成，欢迎在任务页面评价效果。', sms: '您提的需求“{need}”已完成，欢迎评价。' },
      'zh-TW': { title: '您的需求已完成', body: '「{need}」已經完成，歡迎在任務頁面評價成效。', sms: '您提的需求「{need}」已完成，歡迎評價。' },
      en: { title: 'Your need was met', body: '“{need}” is done. You can rate the outcome on the task page.' },
    },
  },
  {
    kind: 'NEED_REOPENED',
    defaultChannels: ['IN_APP'],
    templates: {
      'zh-CN': { title: '您的需求重新开放', body: '{organization}取消了为“{need}”安排的任务，需求已重新开放，等待其他组织认领。' },
      'zh-TW': { title: '您的需求重新開放', body: '{organization}取消了為「{need}」安排的任務，需求已重新開放，等待其他組織認領。' },
      en: { title: 'Your need is open again', body: '{organization} cancelled the task arranged for “{need}”; the need is open again for others to adopt.' },
    },
  },
];

/** Community's part in the events: a completed task fulfils its need; residents hear about their needs. */
@Injectable()
export class CommunityNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly needs: NeedsService,
    private readonly organizations: OrganizationsService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...COMMUNITY_KINDS);
    this.events.subscribe<TaskCompletedPayload>('task.completed', 'community.fulfilNeed', (ctx, e) => this.needs.fulfilByTask(ctx, e.payload.taskId));
    this.events.subscribe<TaskCancelledPayload>('task.cancelled', 'community.reopenNeed', (ctx, e) => this.needs.reopenByTask(ctx, e.payload.taskId, e.payload.organizationId));
    this.events.subscribe(['need.adopted', 'need.fulfilled', 'need.reopened'], 'community.notifyNeed', (ctx, e) => this.needEvent(ctx, e));
  }

  private async needEvent(ctx: RequestContext, e: PublishedEvent): Promise<void> {
    const p = e.payload as { needId: string; taskId: string; organizationId?: string };
    const need = await this.needs.load(ctx, p.needId);
    if (!need) return;
    const org = p.organizationId ? await this.organizations.load(ctx, p.organizationId) : null;
    const kind = ({ 'need.adopted': 'NEED_ADOPTED', 'need.fulfilled': 'NEED_FULFILLED', 'need.reopened': 'NEED_REOPENED' } as Record<string, string>)[e.type];
    // The resident it was posted for, and whoever posted it (a proxy or grid leader), both hear.
    const people = [need.onBehalfOfId, need.postedById].filter((x): x is string => !!x);
    await this.notifications.notifyMany(ctx, people, { kind, params: { need: need.title, organization: org?.name ?? '' }, link: kind === 'NEED_FULFILLED' ? `/tasks/${p.taskId}` : `/needs/${need.id}`, dedupeKey: e.id });
  }
}
