import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { EventBus, JobsService, LiveHub, PublishedEvent, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { SHIFT_CANCELLED, SHIFT_RESCHEDULED, ShiftCancelledPayload, ShiftRescheduledPayload } from './shift-series.events';
import { ShiftSeriesService } from './shift-series.service';
import { TasksService } from './tasks.service';
import { SHIFT_UPDATED, VolunteeringNotifier } from './volunteering.notifier';

/** The job that moves every recurring shift's window on (hourly; a series' first window is made when it is added). */
export const MATERIALIZE_JOB = 'volunteering.materializeShiftSeries';

/** What people are told when an occurrence they hold a place on moves or is called off. SMS texts stay within 70 characters. */
export const SHIFT_SERIES_KINDS: NotificationKind[] = [
  {
    kind: 'SHIFT_RESCHEDULED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '时间有变：{task}', body: '{organization}调整了“{task}”的时间：原定{previousStartsAt:when}，改为{startsAt:when}。您的报名保留。', sms: '{task}改期：{startsAt:when}（原{previousStartsAt:when}）。' },
      'zh-TW': { title: '時間有變：{task}', body: '{organization}調整了「{task}」的時間：原定{previousStartsAt:when}，改為{startsAt:when}。您的報名保留。', sms: '{task}改期：{startsAt:when}（原{previousStartsAt:when}）。' },
      en: { title: 'New time: {task}', body: '{organization} moved “{task}” from {previousStartsAt:when} to {startsAt:when}. Your place stands.' },
    },
  },
  {
    kind: 'SHIFT_CANCELLED',
    defaultChannels: ['IN_APP', 'SMS'],
    templates: {
      'zh-CN': { title: '活动取消：{task}', body: '{organization}取消了“{task}”（{startsAt:when}）这一次活动，您的报名随之取消。', sms: '{organization}取消了{task}（{startsAt:when}）。' },
      'zh-TW': { title: '活動取消：{task}', body: '{organization}取消了「{task}」（{startsAt:when}）這一次活動，您的報名隨之取消。', sms: '{organization}取消了{task}（{startsAt:when}）。' },
      en: { title: 'Called off: {task}', body: '{organization} called off “{task}” on {startsAt:when}; your place on it is cancelled.' },
    },
  },
];

/**
 * Recurring shifts' side effects: the hourly job that makes occurrences, and what an
 * occurrence's claimants are told when it moves (their reminders follow the new time) or
 * is called off. The board follows both.
 */
@Injectable()
export class ShiftSeriesNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly jobs: JobsService,
    private readonly live: LiveHub,
    private readonly tx: TransactionRunner,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly tasks: TasksService,
    private readonly organizations: OrganizationsService,
    private readonly series: ShiftSeriesService,
    private readonly volunteering: VolunteeringNotifier,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...SHIFT_SERIES_KINDS);
    this.events.subscribe<ShiftRescheduledPayload>(SHIFT_RESCHEDULED, 'volunteering.notifyRescheduled', (ctx, e) => this.rescheduled(ctx, e));
    this.events.subscribe<ShiftCancelledPayload>(SHIFT_CANCELLED, 'volunteering.notifyShiftCancelled', (ctx, e) => this.cancelled(ctx, e));
    this.events.subscribe<ShiftRescheduledPayload | ShiftCancelledPayload>([SHIFT_RESCHEDULED, SHIFT_CANCELLED], 'volunteering.liveSeriesShifts', (ctx, e) =>
      this.live.publish(ctx, SHIFT_UPDATED, { shiftId: e.payload.shiftId, regionPath: e.payload.regionPath }),
    );
    this.jobs.define({ name: MATERIALIZE_JOB, cron: '11 * * * *', retryLimit: 1, handle: (ctx) => this.series.materializeDue(ctx).then(() => undefined) });
  }

  private async words(ctx: RequestContext, taskId: string, organizationId: string): Promise<{ task: string; organization: string }> {
    const [task, org] = await Promise.all([this.tasks.loadTask(ctx, taskId), this.organizations.load(ctx, organizationId)]);
    return { task: task?.title ?? '', organization: org?.name ?? '' };
  }

  private async rescheduled(ctx: RequestContext, e: PublishedEvent<ShiftRescheduledPayload>): Promise<void> {
    const p = e.payload;
    // Reminders follow the claims' new time (or stop, for a claim no longer confirmed).
    const claims: { id: string }[] = await this.tx.manager(ctx).query(`SELECT id FROM shift_claim WHERE shift_id = $1 AND claim_is_standing(status)`, [p.shiftId]);
    for (const c of claims) await this.volunteering.reschedule(ctx, c.id);
    if (!p.volunteerIds.length) return;
    const words = await this.words(ctx, p.taskId, p.organizationId);
    await this.notifications.notifyMany(ctx, p.volunteerIds, { kind: 'SHIFT_RESCHEDULED', params: { ...words, startsAt: p.startsAt, previousStartsAt: p.previousStartsAt }, link: '/my-shifts', dedupeKey: e.id });
  }

  private async cancelled(ctx: RequestContext, e: PublishedEvent<ShiftCancelledPayload>): Promise<void> {
    const p = e.payload;
    if (!p.volunteerIds.length) return;
    const words = await this.words(ctx, p.taskId, p.organizationId);
    await this.notifications.notifyMany(ctx, p.volunteerIds, { kind: 'SHIFT_CANCELLED', params: { ...words, startsAt: p.startsAt }, link: `/tasks/${p.taskId}`, dedupeKey: e.id });
  }
}
