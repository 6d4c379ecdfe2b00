import { Injectable } from '@nestjs/common';
import { Limits } from '@civicgrid/contracts';
import { UsersService } from '@civicgrid/identity';
import { OrganizationsService } from '@civicgrid/organizations';
import {
  AuditService,
  authorize,
  cleanName,
  Clock,
  ConflictError,
  EventBus,
  InvalidInputError,
  Limit,
  minutesFrom,
  NotFoundError,
  PageArgs,
  paginate,
  RateLimiter,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { ServiceRecordEntity } from './service-record.entity';
import { TasksService } from './tasks.service';
import type { ServiceReportedPayload, ServiceVerifiedPayload } from './volunteering.events';

const DAY = 86_400_000;
/** Asia/Shanghai has been UTC+8 without daylight saving since 1991. */
const SHANGHAI_OFFSET = 8 * 3_600_000;

/** The Asia/Shanghai calendar day of an instant, YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** Midnight UTC of a real calendar day written YYYY-MM-DD, or null. */
function dayStart(day: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const t = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day ? null : t;
}

/** Reports of hours by one person (the volunteer, or a proxy for several residents): a flood stops here. */
export const REPORT_LIMIT: Limit = {
  name: 'service.report',
  points: 30,
  windowSeconds: 24 * 3600,
  errorKey: 'service.tooManyReports',
  message: (s) => `Too many reports of hours today; try again in ${minutesFrom(s)} minutes`,
};

/** Kinds of organisation that take no volunteers: departments handle requests and report in to whistles. */
const TAKES_NO_VOLUNTEERS = new Set(['DEPARTMENT']);

export interface ServiceHoursData {
  organizationId: string;
  /** the day served, YYYY-MM-DD (Asia/Shanghai) */
  date: string;
  minutes: number;
  description: string;
  taskId?: string | null;
}

/**
 * Hours the platform did not see: service done off the platform or signed for on paper.
 * A volunteer (or their proxy) reports them and the organisation's coordinators approve or
 * reject the report; or a coordinator records them from a sign-in sheet, verified at once.
 * Either way the record is REPORTED, never CHECKED_IN, so incentives can tell them apart
 * (and the API shows it as a ReportedServiceRecord, never a ServiceRecord).
 */
@Injectable()
export class ReportedHoursService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly clock: Clock,
    private readonly limiter: RateLimiter,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly tasks: TasksService,
  ) {}

  /** The day served: a real date, not after today and not older than the limit (Asia/Shanghai days, the app's clock). */
  private checkDay(date: string): string {
    const t = dayStart(date);
    if (t === null) throw new InvalidInputError('date', 'service.dateInvalid', 'Give the day served as YYYY-MM-DD');
    const today = dayStart(shanghaiDay(this.clock.now()))!;
    if (t > today) throw new InvalidInputError('date', 'service.dateInFuture', 'The day served cannot be in the future');
    if (t < today - Limits.reportedServiceMaxAgeDays * DAY) {
      throw new InvalidInputError('date', 'service.dateTooOld', `Hours can be reported up to ${Limits.reportedServiceMaxAgeDays} days after the day served`);
    }
    return date;
  }

  /** The facts every report or record needs, checked before anything is written. */
  private async checkFacts(ctx: RequestContext, data: ServiceHoursData): Promise<{ servedOn: string; description: string; taskId: string | null }> {
    const servedOn = this.checkDay(data.date);
    if (!Number.isInteger(data.minutes) || data.minutes < 1 || data.minutes > Limits.serviceMinutesMax) {
      throw new InvalidInputError('minutes', 'service.minutesRange', `Minutes must be between 1 and ${Limits.serviceMinutesMax}`);
    }
    const description = cleanName(data.description ?? '', 'description', Limits.serviceDescriptionMaxLength);
    const org = await this.organizations.require(ctx, data.organizationId, 'organizationId');
    if (!org.verified || TAKES_NO_VOLUNTEERS.has(org.kind)) {
      throw new InvalidInputError('organizationId', 'service.organizationNotAccepting', 'This organisation does not take reports of volunteer hours (it must be verified and take volunteers)');
    }
    let taskId: string | null = null;
    if (data.taskId) {
      const task = await this.tasks.visibleTask(ctx, data.taskId);
      if (!task) throw new NotFoundError('Task', 'taskId');
      if (task.organizationId !== org.id) throw new InvalidInputError('taskId', 'service.taskOfOtherOrganization', 'That task belongs to another organisation');
      taskId = task.id;
    }
    return { servedOn, description, taskId };
  }

  /**
   * A volunteer's report of hours served off the platform, PENDING until the organisation
   * decides. A proxy may report for the resident. At most Limits.pendingServiceReportsMax
   * reports of one volunteer wait at once (counted under a lock on the volunteer, so
   * reports sent together cannot pass it), and REPORT_LIMIT bounds each reporter per day.
   */
  async report(ctx: RequestContext, data: ServiceHoursData & { onBehalfOfUserId?: string | null }): Promise<ServiceRecordEntity> {
    const actor = await ctx.requireActor();
    const volunteerId = data.onBehalfOfUserId ?? actor.userId;
    if (volunteerId !== actor.userId) await this.users.require(ctx, volunteerId, 'onBehalfOfUserId');
    const d = authorize(actor, 'service.report', { userId: volunteerId, organizationId: data.organizationId });
    const facts = await this.checkFacts(ctx, data);
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      await this.limiter.take(t, REPORT_LIMIT, actor.userId);
      await em.query(`SELECT pg_advisory_xact_lock(hashtextextended('service_record.reports:' || $1::text, 0))`, [volunteerId]);
      const [{ n }]: { n: number }[] = await em.query(`SELECT count(*)::int AS n FROM service_record WHERE volunteer_id = $1 AND source = 'REPORTED' AND status = 'PENDING'`, [volunteerId]);
      if (n >= Limits.pendingServiceReportsMax) {
        throw new ConflictError('service.tooManyPending', `${Limits.pendingServiceReportsMax} reports already await a decision; more can be sent once some are decided`);
      }
      const record = await em.getRepository(ServiceRecordEntity).save(
        em.getRepository(ServiceRecordEntity).create({
          source: 'REPORTED',
          claimId: null,
          volunteerId,
          minutes: data.minutes,
          status: 'PENDING',
          organizationId: data.organizationId,
          taskId: facts.taskId,
          servedOn: facts.servedOn,
          description: facts.description,
          reportedById: actor.userId,
        }),
      );
      if (d.basis === 'proxy') {
        await this.audit.record(t, { action: 'service.reportFor', subjectType: 'service_record', subjectId: record.id, detail: { volunteerId, organizationId: data.organizationId, minutes: data.minutes } });
      }
      await this.events.publish<ServiceReportedPayload>(t, {
        type: 'service.reported',
        aggregateType: 'service_record',
        aggregateId: record.id,
        payload: { recordId: record.id, volunteerId, reportedById: actor.userId, organizationId: data.organizationId, minutes: data.minutes, servedOn: facts.servedOn },
      });
      return record;
    });
  }

  /**
   * A coordinator records hours for a volunteer (a paper sign-in sheet): REPORTED and
   * VERIFIED at once by the coordinator, audited, and the volunteer is told. Nobody
   * records their own hours.
   */
  async record(ctx: RequestContext, data: ServiceHoursData & { volunteerId: string }): Promise<ServiceRecordEntity> {
    const actor = await ctx.requireActor();
    authorize(actor, 'service.verify', { organizationId: data.organizationId, userId: data.volunteerId });
    await this.users.require(ctx, data.volunteerId, 'volunteerId');
    const facts = await this.checkFacts(ctx, data);
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const now = this.clock.now();
      const record = await em.getRepository(ServiceRecordEntity).save(
        em.getRepository(ServiceRecordEntity).create({
          source: 'REPORTED',
          claimId: null,
          volunteerId: data.volunteerId,
          minutes: data.minutes,
          status: 'VERIFIED',
          verifiedAt: now,
          verifiedById: actor.userId,
          organizationId: data.organizationId,
          taskId: facts.taskId,
          servedOn: facts.servedOn,
          description: facts.description,
          reportedById: actor.userId,
        }),
      );
      await this.audit.record(t, {
        action: 'service.record',
        subjectType: 'service_record',
        subjectId: record.id,
        detail: { volunteerId: data.volunteerId, organizationId: data.organizationId, minutes: data.minutes, servedOn: facts.servedOn },
      });
      await this.verifiedEvent(t, record, true, true);
      return record;
    });
  }

  /**
   * Approve or reject a volunteer's report. Decided once: the record is locked, so a
   * second decision sent at the same time waits and then finds it decided (and the
   * database refuses to change a decided record in any case). Nobody decides a report
   * of their own hours, nor one they sent for someone else. A rejection says why.
   */
  async decide(ctx: RequestContext, recordId: string, approve: boolean, reason?: string | null): Promise<ServiceRecordEntity> {
    const actor = await ctx.requireActor();
    const why = reason?.trim() ? cleanName(reason, 'reason', Limits.serviceDecisionReasonMaxLength) : null;
    return this.tx.run(ctx, async (t) => {
      const repo = this.tx.manager(t).getRepository(ServiceRecordEntity);
      const record = await repo.findOne({ where: { id: recordId }, lock: { mode: 'pessimistic_write' } });
      if (!record || record.source !== 'REPORTED' || !record.organizationId) throw new NotFoundError('ServiceRecord', 'serviceRecordId');
      authorize(actor, 'service.verify', { organizationId: record.organizationId, userId: record.volunteerId, reportedById: record.reportedById ?? undefined });
      if (record.status !== 'PENDING') throw new ConflictError('service.alreadyDecided', `This service record is already ${record.status.toLowerCase()}`);
      if (!approve && !why) throw new InvalidInputError('reason', 'service.reasonRequired', 'Say why the hours are not approved: the volunteer is told');
      record.status = approve ? 'VERIFIED' : 'REJECTED';
      record.verifiedAt = this.clock.now();
      record.verifiedById = actor.userId;
      record.decisionReason = why;
      const saved = await repo.save(record);
      await this.audit.record(t, {
        action: approve ? 'service.approveReport' : 'service.rejectReport',
        subjectType: 'service_record',
        subjectId: saved.id,
        detail: { volunteerId: saved.volunteerId, organizationId: saved.organizationId, minutes: saved.minutes },
      });
      await this.verifiedEvent(t, saved, approve, false);
      return saved;
    });
  }

  private async verifiedEvent(t: RequestContext, record: ServiceRecordEntity, approved: boolean, recordedByOrganization: boolean): Promise<void> {
    await this.events.publish<ServiceVerifiedPayload>(t, {
      type: 'service.verified',
      aggregateType: 'service_record',
      aggregateId: record.id,
      payload: {
        recordId: record.id,
        claimId: null,
        volunteerId: record.volunteerId,
        taskId: record.taskId,
        organizationId: record.organizationId!,
        minutes: record.minutes,
        approved,
        kind: 'REPORTED',
        recordedByOrganization,
      },
    });
  }

  /** A volunteer's reported hours (the signed-in person's, or a resident's they act for), newest first. */
  async reportsOf(ctx: RequestContext, volunteerId: string, page: PageArgs) {
    authorize(await ctx.requireActor(), 'claim.actAsVolunteer', { userId: volunteerId });
    const qb = this.tx
      .manager(ctx)
      .getRepository(ServiceRecordEntity)
      .createQueryBuilder('r')
      .where(`r.volunteer_id = :volunteerId AND r.source = 'REPORTED'`, { volunteerId });
    return paginate(qb, page, {
      columns: [
        { expr: 'r.created_at', kind: 'timestamp' },
        { expr: 'r.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (r) => [r.createdAt.toISOString(), r.id],
    });
  }

  /** Reports awaiting the organisation's decision, oldest first, for its coordinators. */
  async pendingFor(ctx: RequestContext, organizationId: string, page: PageArgs) {
    authorize(await ctx.requireActor(), 'service.verify', { organizationId });
    const qb = this.tx
      .manager(ctx)
      .getRepository(ServiceRecordEntity)
      .createQueryBuilder('r')
      .where(`r.organization_id = :organizationId AND r.source = 'REPORTED' AND r.status = 'PENDING'`, { organizationId });
    return paginate(qb, page, {
      columns: [
        { expr: 'r.created_at', kind: 'timestamp' },
        { expr: 'r.id', kind: 'uuid' },
      ],
      direction: 'ASC',
      keyOf: (r) => [r.createdAt.toISOString(), r.id],
    });
  }
}
