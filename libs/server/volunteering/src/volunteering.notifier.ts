import { Injectable, OnModuleInit } from '@nestjs/common';
import { NotificationKind, NotificationKinds, NotificationsService } from '@civicgrid/notifications';
import { OrganizationsService } from '@civicgrid/organizations';
import { Clock, EventBus, JobsService, LiveHub, PublishedEvent, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { ClaimsService } from './claims.service';
import { TasksService } from './tasks.service';
import { VolunteerMessagesService } from './volunteer-messages.service';
import { CLAIM_EVENTS, ClaimEventPayload, ServiceVerifiedPayload, SHIFT_UPDATED, ShiftCancelledPayload, ShiftRescheduledPayload } from './volunteering.events';

/** The jobs of volunteering. */
export const REMINDER_JOB = 'volunteering.shiftReminder';
export const COMPLETION_JOB = 'volunteering.completeTasks';
/** Reminders before a shift starts, in minutes. */
export const REMINDER_OFFSETS = [24 * 60, 2 * 60];
export { SHIFT_UPDATED } from './volunteering.events';

const kind = (k: string, defaultChannels: NotificationKind['defaultChannels'], templates: NotificationKind['templates'], urgent = false): NotificationKind => ({ kind: k, defaultChannels, templates, urgent });

/** What volunteering tells people, in three languages. SMS texts stay within 70 characters. */
export const VOLUNTEERING_KINDS: NotificationKind[] = [
  kind('CLAIM_CONFIRMED', ['IN_APP'], {
    'zh-CN': { title: '报名成功：{task}', body: '您报名的“{task}”（{startsAt:when}）已确认，到时见！' },
    'zh-TW': { title: '報名成功：{task}', body: '您報名的「{task}」（{startsAt:when}）已確認，到時見！' },
    en: { title: 'You are on: {task}', body: 'Your place on “{task}” ({startsAt:when}) is confirmed. See you there!' },
  }),
  kind('CLAIM_WAITLISTED', ['IN_APP'], {
    'zh-CN': { title: '已候补：{task}', body: '“{task}”（{startsAt:when}）名额已满，您在候补名单上；有人取消时会通知您。' },
    'zh-TW': { title: '已候補：{task}', body: '「{task}」（{startsAt:when}）名額已滿，您在候補名單上；有人取消時會通知您。' },
    en: { title: 'Waitlisted: {task}', body: '“{task}” ({startsAt:when}) is full; you are on the waitlist and will hear if a place frees up.' },
  }),
  kind('CLAIM_AWAITING_APPROVAL', ['IN_APP'], {
    'zh-CN': { title: '新报名待审核：{task}', body: '“{task}”（{startsAt:when}）有一份新的报名等待您审核。' },
    'zh-TW': { title: '新報名待審核：{task}', body: '「{task}」（{startsAt:when}）有一份新的報名等待您審核。' },
    en: { title: 'A request to decide: {task}', body: 'Someone asked for a place on “{task}” ({startsAt:when}); it awaits a coordinator’s decision.' },
  }),
  kind('CLAIM_PROMOTED', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '候补转正：{task}', body: '有人取消了，您已获得“{task}”（{startsAt:when}）的名额。', sms: '您已从候补转为正式：{task}，{startsAt:when}。' },
    'zh-TW': { title: '候補轉正：{task}', body: '有人取消了，您已獲得「{task}」（{startsAt:when}）的名額。', sms: '您已從候補轉為正式：{task}，{startsAt:when}。' },
    en: { title: 'A place for you: {task}', body: 'A place freed up: you are now on “{task}” ({startsAt:when}).' },
  }),
  kind('CLAIM_APPROVED', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '报名通过：{task}', body: '{organization}通过了您对“{task}”（{startsAt:when}）的报名。', sms: '{organization}已通过您的报名：{task}，{startsAt:when}。' },
    'zh-TW': { title: '報名通過：{task}', body: '{organization}通過了您對「{task}」（{startsAt:when}）的報名。', sms: '{organization}已通過您的報名：{task}，{startsAt:when}。' },
    en: { title: 'Approved: {task}', body: '{organization} approved your place on “{task}” ({startsAt:when}).' },
  }),
  kind('CLAIM_REJECTED', ['IN_APP'], {
    'zh-CN': { title: '报名未通过：{task}', body: '{organization}这次没有通过您对“{task}”的报名，看看其他任务吧。' },
    'zh-TW': { title: '報名未通過：{task}', body: '{organization}這次沒有通過您對「{task}」的報名，看看其他任務吧。' },
    en: { title: 'Not this time: {task}', body: '{organization} did not approve your place on “{task}”. Have a look at other tasks.' },
  }),
  kind('CLAIM_ADDED_BY_ORGANIZATION', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '已为您报名：{task}', body: '{organization}为您报名了“{task}”（{startsAt:when}）。不能来请取消报名。', sms: '{organization}为您报名了{task}，{startsAt:when}。' },
    'zh-TW': { title: '已為您報名：{task}', body: '{organization}為您報名了「{task}」（{startsAt:when}）。不能來請取消報名。', sms: '{organization}為您報名了{task}，{startsAt:when}。' },
    en: { title: 'You are on: {task}', body: '{organization} put you on “{task}” ({startsAt:when}). If you cannot come, cancel your place.' },
  }),
  kind('CLAIM_CANCELLED_BY_ORGANIZATION', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '报名被取消：{task}', body: '{organization}取消了您在“{task}”（{startsAt:when}）的报名。', sms: '{organization}取消了您的报名：{task}，{startsAt:when}。' },
    'zh-TW': { title: '報名被取消：{task}', body: '{organization}取消了您在「{task}」（{startsAt:when}）的報名。', sms: '{organization}取消了您的報名：{task}，{startsAt:when}。' },
    en: { title: 'Cancelled: {task}', body: '{organization} cancelled your place on “{task}” ({startsAt:when}).' },
  }),
  kind('SHIFT_REMINDER', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '别忘了：{task}', body: '“{task}”在{startsAt:when}开始，记得按时到场签到。', sms: '提醒：{task}在{startsAt:when}开始，请按时到场。' },
    'zh-TW': { title: '別忘了：{task}', body: '「{task}」在{startsAt:when}開始，記得準時到場簽到。', sms: '提醒：{task}在{startsAt:when}開始，請準時到場。' },
    en: { title: 'Coming up: {task}', body: '“{task}” starts {startsAt:when}. Remember to check in when you arrive.' },
  }),
  kind('SHIFT_RESCHEDULED', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '时间有变：{task}', body: '{organization}把“{task}”改到了{startsAt:when}（原定{previousStartsAt:when}）。不能来请取消报名。', sms: '{task}改到{startsAt:when}，不能来请取消报名。' },
    'zh-TW': { title: '時間有變：{task}', body: '{organization}把「{task}」改到了{startsAt:when}（原定{previousStartsAt:when}）。不能來請取消報名。', sms: '{task}改到{startsAt:when}，不能來請取消報名。' },
    en: { title: 'New time: {task}', body: '{organization} moved “{task}” to {startsAt:when} (was {previousStartsAt:when}). If you cannot come, cancel your place.' },
  }),
  kind('SHIFT_CANCELLED', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '活动取消：{task}', body: '{organization}取消了“{task}”（{startsAt:when}）：{reason}', sms: '{task}（{startsAt:when}）已取消：{short}' },
    'zh-TW': { title: '活動取消：{task}', body: '{organization}取消了「{task}」（{startsAt:when}）：{reason}', sms: '{task}（{startsAt:when}）已取消：{short}' },
    en: { title: 'Cancelled: {task}', body: '{organization} cancelled “{task}” ({startsAt:when}): {reason}', sms: '{task} ({startsAt:when}) is cancelled: {short}' },
  }),
  kind('SERVICE_VERIFIED', ['IN_APP'], {
    'zh-CN': { title: '服务时长已核实', body: '{organization}核实了您在“{task}”的 {minutes} 分钟服务，谢谢您！' },
    'zh-TW': { title: '服務時數已核實', body: '{organization}核實了您在「{task}」的 {minutes} 分鐘服務，謝謝您！' },
    en: { title: 'Hours verified', body: '{organization} verified your {minutes} minutes on “{task}”. Thank you!' },
  }),
  kind('SERVICE_REJECTED', ['IN_APP'], {
    'zh-CN': { title: '服务时长未核实', body: '{organization}没有核实您在“{task}”的服务时长，如有疑问请联系组织。' },
    'zh-TW': { title: '服務時數未核實', body: '{organization}沒有核實您在「{task}」的服務時數，如有疑問請聯繫組織。' },
    en: { title: 'Hours not verified', body: '{organization} did not verify your time on “{task}”; ask the organisation if unsure.' },
  }),
  kind('COORDINATOR_MESSAGE', ['IN_APP', 'SMS'], {
    'zh-CN': { title: '{organization}：{task}', body: '{message}', sms: '{task}：{short}' },
    'zh-TW': { title: '{organization}：{task}', body: '{message}', sms: '{task}：{short}' },
    en: { title: '{organization}: {task}', body: '{message}', sms: '{task}: {short}' },
  }),
];

/**
 * Volunteering's side effects, driven by its events: notifications of claims and
 * verified service, reminders 24 h and 2 h before a confirmed shift (jobs, cancelled with
 * the claim), live updates of the board, and the job that completes finished tasks.
 */
@Injectable()
export class VolunteeringNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly jobs: JobsService,
    private readonly live: LiveHub,
    private readonly tx: TransactionRunner,
    private readonly kinds: NotificationKinds,
    private readonly notifications: NotificationsService,
    private readonly tasks: TasksService,
    private readonly claims: ClaimsService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
    private readonly messages: VolunteerMessagesService,
  ) {}

  onModuleInit(): void {
    this.kinds.register(...VOLUNTEERING_KINDS);
    this.events.subscribe<ClaimEventPayload>(CLAIM_EVENTS, 'volunteering.notifyClaim', (ctx, e) => this.claimChanged(ctx, e));
    this.events.subscribe<ClaimEventPayload>(CLAIM_EVENTS, 'volunteering.scheduleReminders', (ctx, e) => this.reschedule(ctx, e.payload.claimId));
    this.events.subscribe<ClaimEventPayload>(CLAIM_EVENTS, 'volunteering.liveShifts', (ctx, e) => this.live.publish(ctx, SHIFT_UPDATED, { shiftId: e.payload.shiftId, regionPath: e.payload.regionPath }));
    this.events.subscribe<ShiftRescheduledPayload>('shift.rescheduled', 'volunteering.notifyRescheduled', (ctx, e) => this.rescheduled(ctx, e));
    this.events.subscribe<ShiftCancelledPayload>('shift.cancelled', 'volunteering.notifyShiftCancelled', (ctx, e) => this.shiftCancelled(ctx, e));
    this.events.subscribe<ServiceVerifiedPayload>('service.verified', 'volunteering.notifyService', (ctx, e) => this.serviceVerified(ctx, e));
    this.events.subscribe<{ messageId: string }>('volunteers.messaged', 'volunteering.deliverMessage', (ctx, e) => this.messaged(ctx, e));
    this.jobs.define<{ claimId: string; offsetMinutes: number; startsAt: string }>({ name: REMINDER_JOB, handle: (ctx, d) => this.remind(ctx, d) });
    this.jobs.define({ name: COMPLETION_JOB, cron: '* * * * *', retryLimit: 0, handle: (ctx) => this.tasks.completeFinishedTasks(ctx).then(() => undefined) });
  }

  private facts(ctx: RequestContext, shiftId: string) {
    return this.tasks.shiftFacts(ctx, shiftId);
  }

  private async claimChanged(ctx: RequestContext, e: PublishedEvent<ClaimEventPayload>): Promise<void> {
    const p = e.payload;
    const kindOf: Partial<Record<string, string>> = {
      'claim.confirmed': p.invited ? undefined : 'CLAIM_CONFIRMED',
      'claim.waitlisted': 'CLAIM_WAITLISTED',
      'claim.promoted': 'CLAIM_PROMOTED',
      'claim.decided': p.approved ? 'CLAIM_APPROVED' : 'CLAIM_REJECTED',
      'claim.cancelled': p.byOrganization ? 'CLAIM_CANCELLED_BY_ORGANIZATION' : undefined,
      'claim.added': 'CLAIM_ADDED_BY_ORGANIZATION',
    };
    if (e.type === 'claim.requested') return this.approvalAwaited(ctx, e);
    const k = kindOf[e.type];
    if (!k) return;
    const f = await this.facts(ctx, p.shiftId);
    if (!f) return;
    await this.notifications.notify(ctx, { userId: p.volunteerId, kind: k, params: f.params, link: '/my-shifts', dedupeKey: e.id });
  }

  /**
   * A claim awaiting approval: whoever may decide it (the organisation's coordinators and
   * up, the claimant aside) is told. The claimant sees "pending" on the claim itself.
   */
  private async approvalAwaited(ctx: RequestContext, e: PublishedEvent<ClaimEventPayload>): Promise<void> {
    const p = e.payload;
    const [f, deciders] = await Promise.all([this.facts(ctx, p.shiftId), this.organizations.memberIdsWithRole(ctx, p.organizationId, 'COORDINATOR')]);
    if (!f) return;
    const others = deciders.filter((u) => u !== p.volunteerId);
    await this.notifications.notifyMany(ctx, others, { kind: 'CLAIM_AWAITING_APPROVAL', params: f.params, link: `/orgs/${p.organizationId}/tasks/${p.taskId}`, dedupeKey: e.id });
  }

  /**
   * Keeps a claim's reminder jobs in step with it: a confirmed claim on a future shift has
   * one per offset still ahead; any other has none. Idempotent, so every claim event can
   * ask for it.
   */
  async reschedule(ctx: RequestContext, claimId: string): Promise<void> {
    const claim = await this.claims.load(ctx, claimId);
    const shift = claim && (await this.tasks.loadShift(ctx, claim.shiftId));
    const em = this.tx.manager(ctx);
    const existing: { offset_minutes: number; job_id: string; due_at: Date }[] = await em.query(`SELECT offset_minutes, job_id, due_at FROM claim_reminder WHERE claim_id = $1 FOR UPDATE`, [claimId]);
    const wanted = new Map<number, Date>();
    if (claim && shift && claim.status === 'CONFIRMED') {
      for (const offset of REMINDER_OFFSETS) {
        const due = new Date(shift.startsAt.getTime() - offset * 60_000);
        if (due.getTime() > this.clock.nowMs()) wanted.set(offset, due);
      }
    }
    for (const r of existing) {
      if (wanted.get(r.offset_minutes)?.getTime() === new Date(r.due_at).getTime()) {
        wanted.delete(r.offset_minutes);
        continue;
      }
      await this.jobs.cancel(ctx, REMINDER_JOB, [r.job_id]);
      await em.query(`DELETE FROM claim_reminder WHERE claim_id = $1 AND offset_minutes = $2`, [claimId, r.offset_minutes]);
    }
    for (const [offset, due] of wanted) {
      const jobId = await this.jobs.send(ctx, REMINDER_JOB, { claimId, offsetMinutes: offset, startsAt: shift!.startsAt.toISOString() }, { startAfter: due });
      if (jobId) await em.query(`INSERT INTO claim_reminder (claim_id, offset_minutes, job_id, due_at) VALUES ($1, $2, $3, $4)`, [claimId, offset, jobId, due]);
    }
  }

  /** The reminder job: only for a claim still expected on the shift as it was when scheduled; once per claim, offset and start. */
  private async remind(ctx: RequestContext, d: { claimId: string; offsetMinutes: number; startsAt: string }): Promise<void> {
    await this.tx.run(ctx, async (t) => {
      const claim = await this.claims.load(t, d.claimId);
      if (!claim || claim.status !== 'CONFIRMED') return;
      const f = await this.facts(t, claim.shiftId);
      if (!f || f.shift.startsAt.toISOString() !== d.startsAt) return;
      await this.notifications.notify(t, { userId: claim.volunteerId, kind: 'SHIFT_REMINDER', params: f.params, link: '/my-shifts', dedupeKey: `reminder:${d.claimId}:${d.offsetMinutes}:${d.startsAt}` });
    });
  }

  /** A shift's time moved: everyone with a standing claim is told, and confirmed claims' reminders move with it. */
  private async rescheduled(ctx: RequestContext, e: PublishedEvent<ShiftRescheduledPayload>): Promise<void> {
    const p = e.payload;
    const f = await this.facts(ctx, p.shiftId);
    if (!f) return;
    const claimants = await this.claims.standingClaimants(ctx, [p.shiftId]);
    for (const c of await this.claims.standingClaimIds(ctx, p.shiftId)) await this.reschedule(ctx, c);
    await this.notifications.notifyMany(
      ctx,
      claimants.map((c) => c.volunteerId),
      { kind: 'SHIFT_RESCHEDULED', params: { ...f.params, previousStartsAt: p.previousStartsAt }, link: '/my-shifts', dedupeKey: e.id },
    );
  }

  /** A shift was cancelled: its cancelled claimants are told why, and their reminders go. */
  private async shiftCancelled(ctx: RequestContext, e: PublishedEvent<ShiftCancelledPayload>): Promise<void> {
    const p = e.payload;
    const f = await this.facts(ctx, p.shiftId);
    if (!f) return;
    for (const claimId of p.claimIds) await this.reschedule(ctx, claimId);
    const chars = [...p.reason];
    const short = chars.length > 30 ? `${chars.slice(0, 29).join('')}…` : p.reason;
    await this.notifications.notifyMany(ctx, p.volunteerIds, { kind: 'SHIFT_CANCELLED', params: { ...f.params, reason: p.reason, short }, link: '/my-shifts', dedupeKey: e.id });
  }

  /** A coordinator's message, to each recipient through their channels (the SMS shortened to fit one text). */
  private async messaged(ctx: RequestContext, e: PublishedEvent<{ messageId: string }>): Promise<void> {
    const m = await this.messages.load(ctx, e.payload.messageId);
    const task = m && (await this.tasks.loadTask(ctx, m.taskId));
    if (!m || !task) return;
    const org = await this.organizations.load(ctx, task.organizationId);
    const chars = [...m.message];
    const room = Math.max(10, 60 - [...task.title].length);
    const short = chars.length > room ? `${chars.slice(0, room - 1).join('')}…` : m.message;
    await this.notifications.notifyMany(ctx, m.recipientIds, {
      kind: 'COORDINATOR_MESSAGE',
      params: { organization: org?.name ?? '', task: task.title, message: m.message, short },
      link: `/tasks/${task.id}`,
      dedupeKey: e.id,
    });
  }

  private async serviceVerified(ctx: RequestContext, e: PublishedEvent<ServiceVerifiedPayload>): Promise<void> {
    const p = e.payload;
    // Reported minutes have words of their own (ServiceHoursNotifier).
    if (p.kind !== 'CHECKED_IN' || !p.taskId) return;
    const task = await this.tasks.loadTask(ctx, p.taskId);
    const org = await this.organizations.load(ctx, p.organizationId);
    await this.notifications.notify(ctx, {
      userId: p.volunteerId,
      kind: p.approved ? 'SERVICE_VERIFIED' : 'SERVICE_REJECTED',
      params: { task: task?.title ?? '', organization: org?.name ?? '', minutes: p.minutes },
      link: '/my-shifts',
      dedupeKey: e.id,
    });
  }
}
