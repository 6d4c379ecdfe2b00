import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { authorize, Clock, ConflictError, findByIds, loadAllBy, loadById, NotFoundError, PageArgs, paginate, RequestContext, TransactionRunner } from '@civicgrid/platform';
import { ClaimsService, TasksService } from '@civicgrid/volunteering';
import type { Shift } from '@civicgrid/volunteering';
import { InvitationEntity, InvitationStatus } from './invitation.entity';

/** Invitations to shifts: the volunteer (or their proxy) accepts, which claims the place, or declines. */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly claims: ClaimsService,
    private readonly tasks: TasksService,
    private readonly clock: Clock,
  ) {}

  /**
   * A shift's invitations, newest first, for the organisation's coordinators; one query for
   * all the shifts of a request (a task page lists every shift's).
   */
  async ofShift(ctx: RequestContext, shift: Shift, first: number | null | undefined): Promise<InvitationEntity[]> {
    const actor = await ctx.requireActor();
    const task = await this.tasks.loadTask(ctx, shift.taskId);
    authorize(actor, 'shift.viewInvitations', { organizationId: task?.organizationId });
    const all = await loadAllBy(
      ctx,
      'invitation.byShift',
      shift.id,
      (ids) => this.repo(ctx).find({ where: { shiftId: In(ids) }, order: { createdAt: 'DESC', id: 'DESC' } }),
      (i) => i.shiftId,
    );
    return all.slice(0, Math.min(Math.max(first ?? 50, 0), 100));
  }

  private repo(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(InvitationEntity);
  }

  load(ctx: RequestContext, id: string): Promise<InvitationEntity | null> {
    return loadById(ctx, 'invitation.byId', id, (ids) => findByIds(this.tx.manager(ctx), InvitationEntity, ids));
  }

  /** A pending invitation past its time reads as EXPIRED even before the row says so. */
  statusOf(inv: InvitationEntity): InvitationStatus {
    return inv.status === 'PENDING' && inv.expiresAt.getTime() <= this.clock.nowMs() ? 'EXPIRED' : inv.status;
  }

  async respond(ctx: RequestContext, invitationId: string, accept: boolean): Promise<InvitationEntity> {
    const actor = await ctx.requireActor();
    const found = await this.load(ctx, invitationId);
    if (!found) throw new NotFoundError('Invitation', 'invitationId');
    authorize(actor, 'claim.actAsVolunteer', { userId: found.volunteerId });
    if (this.statusOf(found) === 'EXPIRED') {
      await this.repo(ctx).update({ id: found.id, status: 'PENDING' }, { status: 'EXPIRED' });
      throw new ConflictError('invitation.expired', 'This invitation has expired');
    }
    return this.tx.run(ctx, async (t) => {
      const inv = await this.repo(t).findOneOrFail({ where: { id: invitationId }, lock: { mode: 'pessimistic_write' } });
      if (inv.status !== 'PENDING') throw new ConflictError('invitation.answered', `This invitation is already ${inv.status.toLowerCase()}`);
      if (accept) {
        const claim = await this.claims.claim(t, inv.shiftId, inv.volunteerId, { invited: true });
        inv.claimId = claim.id;
      }
      inv.status = accept ? 'ACCEPTED' : 'DECLINED';
      inv.respondedAt = this.clock.now();
      return this.repo(t).save(inv);
    });
  }

  async mine(ctx: RequestContext, status: InvitationStatus | null | undefined, page: PageArgs) {
    const actor = await ctx.requireActor();
    await this.expireMine(ctx, actor.userId);
    const qb = this.repo(ctx).createQueryBuilder('i').where('i.volunteer_id = :me', { me: actor.userId });
    if (status) qb.andWhere('i.status = :status', { status });
    return paginate(qb, page, {
      columns: [
        { expr: 'i.created_at', kind: 'timestamp' },
        { expr: 'i.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (i) => [i.createdAt.toISOString(), i.id],
    });
  }

  /** How many invitations wait for the signed-in volunteer's answer (the navigation badge). */
  async pendingCount(ctx: RequestContext): Promise<number> {
    const actor = await ctx.requireActor();
    return this.repo(ctx).createQueryBuilder('i').where("i.volunteer_id = :me AND i.status = 'PENDING' AND i.expires_at > now()", { me: actor.userId }).getCount();
  }

  private async expireMine(ctx: RequestContext, volunteerId: string): Promise<void> {
    await this.repo(ctx).createQueryBuilder().update().set({ status: 'EXPIRED' }).where("volunteer_id = :me AND status = 'PENDING' AND expires_at <= now()", { me: volunteerId }).execute();
  }

  many(ctx: RequestContext, ids: string[]): Promise<InvitationEntity[]> {
    return ids.length ? findByIds(this.tx.manager(ctx), InvitationEntity, ids) : Promise.resolve([]);
  }
}
