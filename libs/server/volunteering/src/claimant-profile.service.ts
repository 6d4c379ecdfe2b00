import { Injectable } from '@nestjs/common';
import { maskPhone, UsersService } from '@civicgrid/identity';
import { AuditService, authorize, decide, NotFoundError, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { ClaimsService } from './claims.service';
import { ServiceRecordsService } from './service-records.service';
import { ShiftClaimEntity } from './shift-claim.entity';
import { TasksService } from './tasks.service';

export interface VolunteerProfileCard {
  volunteerId: string;
  displayName: string;
  skills: string[];
  verifiedMinutes: number;
  attendanceRate: number | null;
  tasksServed: number;
  memberSince: Date;
  phone: string | null;
  phoneShared: boolean;
}

/**
 * The card the organisers of a shift open to judge who claimed it (the policy's
 * `claim.viewClaimant`): name, skills, verified hours, attendance, tasks served. The phone
 * is masked unless the volunteer shares it for that claim; an organiser's read of a shared
 * phone is audited like any read of personal information. Every figure comes through the
 * request's loaders, so a list of claims costs one query per figure, not one per claim.
 */
@Injectable()
export class ClaimantProfileService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersService,
    private readonly claims: ClaimsService,
    private readonly records: ServiceRecordsService,
    private readonly tasks: TasksService,
    private readonly audit: AuditService,
  ) {}

  /** The card of a claim's volunteer, or FORBIDDEN / NOT_FOUND. */
  async forClaimId(ctx: RequestContext, claimId: string): Promise<VolunteerProfileCard> {
    const claim = await this.claims.load(ctx, claimId);
    if (!claim) throw new NotFoundError('ShiftClaim', 'claimId');
    const card = await this.card(ctx, claim, true);
    return card!;
  }

  /** The card, or null when the viewer may not see it (or, with `refuse`, FORBIDDEN). */
  async card(ctx: RequestContext, claim: ShiftClaimEntity, refuse = false): Promise<VolunteerProfileCard | null> {
    const actor = await ctx.actor();
    const shift = await this.tasks.loadShift(ctx, claim.shiftId);
    const task = shift && (await this.tasks.loadTask(ctx, shift.taskId));
    const resource = { userId: claim.volunteerId, organizationId: task?.organizationId };
    const d = refuse ? authorize(actor, 'claim.viewClaimant', resource) : decide(actor, 'claim.viewClaimant', resource);
    if (!d.allowed) return null;
    const [user, verifiedMinutes, attendanceRate, tasksServed] = await Promise.all([
      this.users.load(ctx, claim.volunteerId),
      this.records.verifiedMinutes(ctx, claim.volunteerId),
      this.claims.attendanceRate(ctx, claim.volunteerId),
      this.tasksServed(ctx, claim.volunteerId),
    ]);
    if (!user) throw new NotFoundError('User', 'claimId');
    const own = d.basis === 'self' || d.basis === 'proxy';
    let phone = user.phone ? maskPhone(user.phone) : null;
    if (user.phone && (own || claim.phoneShared)) {
      phone = user.phone;
      if (!own) {
        await this.audit.record(ctx, { action: 'pii.read', subjectType: 'user', subjectId: user.id, detail: { field: 'phone', basis: 'sharedForShift', claimId: claim.id } });
      }
    }
    return {
      volunteerId: user.id,
      displayName: user.displayName,
      skills: user.skills ?? [],
      verifiedMinutes,
      attendanceRate,
      tasksServed,
      memberSince: user.createdAt,
      phone,
      phoneShared: claim.phoneShared,
    };
  }

  /** Distinct tasks each person came to (checked in), batched per request. */
  private tasksServed(ctx: RequestContext, userId: string): Promise<number> {
    return ctx
      .loader<string, number>('claim.tasksServed', async (ids) => {
        const rows: { volunteer_id: string; n: number }[] = await this.tx.manager(ctx).query(
          `SELECT c.volunteer_id, count(DISTINCT s.task_id)::int AS n FROM shift_claim c JOIN shift s ON s.id = c.shift_id
            WHERE c.volunteer_id = ANY($1::uuid[]) AND claim_is_present(c.status) GROUP BY c.volunteer_id`,
          [[...ids]],
        );
        const byId = new Map(rows.map((r) => [r.volunteer_id, r.n]));
        return ids.map((id) => byId.get(id) ?? 0);
      })
      .load(userId);
  }
}
