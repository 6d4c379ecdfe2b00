import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { EventBus, PublishedEvent, RequestContext } from '@civicgrid/platform';
import { TasksService } from '@civicgrid/volunteering';

export const STAFFING_KINDS: NotificationKind[] = [
  {
    kind: 'INVITATION_RECEIVED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '邀请您参加：{task}', body: '{organization}邀请您参加“{task}”（{startsAt:when}），请在“邀请”里接受或谢绝。', sms: '{organization}邀请您参加{task}，{startsAt:when}。' },
      'zh-TW': { title: '邀請您參加：{task}', body: '{organization}邀請您參加「{task}」（{startsAt:when}），請在「邀請」裡接受或婉拒。', sms: '{organization}邀請您參加{task}，{startsAt:when}。' },
      en: { title: 'Invited: {task}', body: '{organization} invites you to “{task}” ({startsAt:when}). Accept or decline under Invitations.' },
    },
  },
];

/** A volunteer hears of an invitation as it is sent. */
@Injectable()
export class StaffingNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly tasks: TasksService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...STAFFING_KINDS);
    this.events.subscribe('invitation.sent', 'staffing.notifyInvitation', (ctx, e) => this.invitationSent(ctx, e));
  }

  private async invitationSent(ctx: RequestContext, e: PublishedEvent): Promise<void> {
    const p = e.payload as { invitationId: string; shiftId: string; volunteerId: string };
    const facts = await this.tasks.shiftFacts(ctx, p.shiftId);
    if (!facts) return;
    await this.notifications.notify(ctx, {
      userId: p.volunteerId,
      kind: 'INVITATION_RECEIVED',
      params: facts.params,
      link: '/invitations',
      dedupeKey: e.id,
    });
  }
}
