import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import {
  AuditService,
  EventBus,
  authorize,
  findByIds,
  loadById,
  Clock,
  ConflictError,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { checkedInMinutes } from './claims.service';
import { ServiceRecordEntity } from './service-record.entity';
import { ShiftClaimEntity } from './shift-claim.entity';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';
import { TasksService } from './tasks.service';
import type { ServiceVerifiedPayload } from './volunteering.events';

/** Service minutes: recorded at check-out, verified by the organisation, counted on the profile. */
@Injectable()
export class ServiceRecordsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly tasks: TasksService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  private records(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(ServiceRecordEntity);
  }

  byClaim(ctx: RequestContext, claimId: string): Promise<ServiceRecordEntity | null> {
    return ctx
      .loader<string, ServiceRecordEntity | null>('serviceRecord.byClaim', async (ids) => {
        const rows = await this.records(ctx).findBy({ claimId: In([...ids]) });
        return ids.map((i) => rows.find((r) => r.claimId === i) ?? null);
      })
      .load(claimId);
  }

  /**
   * Verified minutes of each person, all time, by how they were known (batched: the total
   * and both parts come from one query per request). Both kinds count in the total.
   */
  verifiedMinutesBySource(ctx: RequestContext, userId: string): Promise<{ total: number; checkedIn: number; reported: number }> {
    return ctx
      .loader<string, { total: number; checkedIn: number; reported: number }>('serviceRecord.verifiedMinutes', async (ids) => {
        const rows: { volunteer_id: string; checked_in: string; reported: string }[] = await this.tx.manager(ctx).query(
          `SELECT volunteer_id,
                  coalesce(sum(minutes) FILTER (WHERE source = 'CHECKED_IN'), 0)::bigint AS checked_in,
                  coalesce(sum(minutes) FILTER (WHERE source = 'REPORTED'), 0)::bigint AS reported
             FROM service_record WHERE status = 'VERIFIED' AND volunteer_id = ANY($1::uuid[]) GROUP BY volunteer_id`,
          [[...ids]],
        );
        const byId = new Map(rows.map((r) => [r.volunteer_id, { checkedIn: Number(r.checked_in), reported: Number(r.reported) }]));
        return ids.map((i) => {
          const m = byId.get(i) ?? { checkedIn: 0, reported: 0 };
          return { total: m.checkedIn + m.reported, ...m };
        });
      })
      .load(userId);
  }

  /** Verified minutes of each person, all time, checked in and reported (batched). */
  async verifiedMinutes(ctx: RequestContext, userId: string): Promise<number> {
    return (await this.verifiedMinutesBySource(ctx, userId)).total;
  }

  /**
   * A person's verified minutes with one organisation served in [from, to), by kind (what a
   * service-record certificate states): checked-in minutes by when the volunteer checked in
   * (the shift's start if no time was kept), reported ones by the day served (Asia/Shanghai).
   */
  async verifiedMinutesWithOrganization(ctx: RequestContext, volunteerId: string, organizationId: string, from: Date, to: Date): Promise<{ total: number; checkedIn: number; reported: number }> {
    const [row]: { checked_in: string; reported: string }[] = await this.tx.manager(ctx).query(
      `SELECT
         coalesce((SELECT sum(r.minutes) FROM service_record r
                     JOIN shift_claim c ON c.id = r.claim_id JOIN shift s ON s.id = c.shift_id JOIN task t ON t.id = s.task_id
                    WHERE r.volunteer_id = $1 AND r.status = 'VERIFIED' AND r.source = 'CHECKED_IN' AND t.organization_id = $2
                      AND coalesce(c.check_in_at, s.starts_at) >= $3 AND coalesce(c.check_in_at, s.starts_at) < $4), 0)::bigint AS checked_in,
         coalesce((SELECT sum(r.minutes) FROM service_record r
                    WHERE r.volunteer_id = $1 AND r.status = 'VERIFIED' AND r.source = 'REPORTED' AND r.organization_id = $2
                      AND (r.served_on::timestamp AT TIME ZONE 'Asia/Shanghai') >= $3 AND (r.served_on::timestamp AT TIME ZONE 'Asia/Shanghai') < $4), 0)::bigint AS reported`,
      [volunteerId, organizationId, from, to],
    );
    const checkedIn = Number(row.checked_in);
    const reported = Number(row.reported);
    return { total: checkedIn + reported, checkedIn, reported };
  }

  /** Verified minutes of each person over the last `days` days (matching's fairness), one query. */
  async recentVerifiedMinutes(ctx: RequestContext, volunteerIds: readonly string[], days: number): Promise<Map<string, number>> {
    const rows: { volunteer_id: string; minutes: number }[] = await this.tx.manager(ctx).query(
      `SELECT volunteer_id, sum(minutes)::int AS minutes FROM service_record
        WHERE volunteer_id = ANY($1::uuid[]) AND status = 'VERIFIED' AND verified_at > $3::timestamptz - make_interval(days => $2) GROUP BY volunteer_id`,
      [[...volunteerIds], days, this.clock.now()],
    );
    return new Map(rows.map((r) => [r.volunteer_id, r.minutes]));
  }

  /**
   * Verify (or reject) the minutes of a claim that was checked in. Minutes default to the
   * checked-in time; a claim still checked in is checked out at the shift's end (or now).
   * A decided record cannot be changed.
   */
  async verify(ctx: RequestContext, claimId: string, approve: boolean, minutes?: number | null): Promise<ServiceRecordEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const claim = await em.getRepository(ShiftClaimEntity).findOne({ where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
      const shift = claim && (await em.getRepository(ShiftEntity).findOneBy({ id: claim.shiftId }));
      const task = shift && (await em.getRepository(TaskEntity).findOneBy({ id: shift.taskId }));
      if (!claim || !shift || !task) throw new NotFoundError('Claim', 'claimId');
      authorize(actor, 'service.verify', { organizationId: task.organizationId, userId: claim.volunteerId });

      let record = await em.getRepository(ServiceRecordEntity).findOne({ where: { claimId }, lock: { mode: 'pessimistic_write' } });
      if (record && record.status !== 'PENDING') throw new ConflictError('service.alreadyDecided', `This service record is already ${record.status.toLowerCase()}`);
      if (!record) {
        if (claim.status !== 'CHECKED_IN' || !claim.checkInAt) {
          throw new ConflictError('service.notAttended', `Only service of a volunteer who checked in can be verified; this claim is ${claim.status.toLowerCase()}`);
        }
        const end = new Date(Math.max(claim.checkInAt.getTime(), Math.min(this.clock.nowMs(), shift.endsAt.getTime())));
        claim.status = 'ATTENDED';
        claim.checkOutAt = end;
        await em.getRepository(ShiftClaimEntity).save(claim);
        record = em.getRepository(ServiceRecordEntity).create({ claimId, volunteerId: claim.volunteerId, minutes: checkedInMinutes(claim.checkInAt, end), status: 'PENDING' });
      }
      if (minutes != null) record.minutes = minutes;
      record.status = approve ? 'VERIFIED' : 'REJECTED';
      record.verifiedAt = this.clock.now();
      record.verifiedById = actor.userId;
      const saved = await em.getRepository(ServiceRecordEntity).save(record);
      await this.audit.record(t, {
        action: approve ? 'service.verify' : 'service.reject',
        subjectType: 'service_record',
        subjectId: saved.id,
        detail: { claimId, volunteerId: claim.volunteerId, minutes: saved.minutes },
      });
      // Points and time credits (incentives) and the volunteer's notification follow from this.
      await this.events.publish<ServiceVerifiedPayload>(t, {
        type: 'service.verified',
        aggregateType: 'service_record',
        aggregateId: saved.id,
        payload: { recordId: saved.id, claimId, volunteerId: claim.volunteerId, taskId: task.id, organizationId: task.organizationId, minutes: saved.minutes, approved: approve, kind: 'CHECKED_IN' },
      });
      await this.tasks.completeIfFinished(t, task.id);
      return saved;
    });
  }

  load(ctx: RequestContext, id: string): Promise<ServiceRecordEntity | null> {
    return loadById(ctx, 'serviceRecord.byId', id, (ids) => findByIds(this.tx.manager(ctx), ServiceRecordEntity, ids));
  }

  /** The signed-in volunteer's records from attended claims, newest first (reported hours are listed apart: ReportedHoursService.reportsOf). */
  async mine(ctx: RequestContext, page: PageArgs) {
    const actor = await ctx.requireActor();
    const qb = this.records(ctx).createQueryBuilder('r').where(`r.volunteer_id = :me AND r.source = 'CHECKED_IN'`, { me: actor.userId });
    return paginate(qb, page, {
      columns: [
        { expr: 'r.created_at', kind: 'timestamp' },
        { expr: 'r.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (r) => [r.createdAt.toISOString(), r.id],
    });
  }
}
