import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { Limits } from '@civicgrid/contracts';
import { UsersService } from '@civicgrid/identity';
import {
  AuditService,
  authorize,
  can,
  Clock,
  ConflictError,
  EventBus,
  findByIds,
  ForbiddenError,
  InvalidInputError,
  Limit,
  loadById,
  minutesFrom,
  NotFoundError,
  PageArgs,
  paginate,
  RateLimiter,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { ServiceRecordEntity } from './service-record.entity';
import { CANCELLABLE, HOLDS_PLACE, STANDING } from './claim-status';
import { ClaimEventPayload, ClaimEventType } from './volunteering.events';
import { ShiftClaimEntity } from './shift-claim.entity';
import { viewerClaimLoader } from './viewer-claims';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';
import { TasksService } from './tasks.service';

const MINUTE = 60_000;

interface Decision {
  outcome: string;
  claim_id: string | null;
  claim_status: string | null;
  detail: string | null;
}

/** The error for a claim `decide_shift_claim` refused; `who` names the party member it was about. */
function refusal(r: Decision, who?: string): Error {
  const about = (message: string) => (who ? `${who}: ${message}` : message);
  switch (r.outcome) {
    case 'NOT_FOUND':
      return new NotFoundError('Shift', 'shiftId');
    case 'TASK_NOT_OPEN':
      return new ConflictError('claim.taskNotOpen', `This task is ${String(r.detail).toLowerCase()} and takes no claims`);
    case 'SHIFT_CANCELLED':
      return new ConflictError('claim.shiftCancelled', `This shift was cancelled: ${r.detail ?? ''}`.trim());
    case 'ENDED':
      return new ConflictError('claim.shiftEnded', 'This shift has already ended');
    case 'AGE_UNKNOWN':
      return new InvalidInputError('birthDate', 'claim.birthDateRequired', about(`This task is for volunteers aged ${r.detail} or over: add the birth date to the profile first`));
    case 'TOO_YOUNG':
      return new ForbiddenError('claim.tooYoung', about(`This task is for volunteers aged ${r.detail} or over`));
    case 'MISSING_SKILLS':
      return new ForbiddenError('claim.missingSkills', about(`This task needs these skills: ${String(r.detail).split(',').join(', ')}`));
    case 'DUPLICATE':
      return new ConflictError('claim.duplicate', about('This volunteer already has a claim on this shift'));
    case 'OVERLAP':
      return new ConflictError('claim.overlap', about('This volunteer already has a claim on a shift at the same time'));
    case 'FULL':
      return new ConflictError('shift.full', 'The shift filled up before you answered');
    default:
      return new Error(`decide_shift_claim answered ${r.outcome}`);
  }
}

/** Wrong check-in codes: a claim locks after `perClaim`; a person may try `perUser` an hour across claims. */
export const CHECK_IN_CODE_LIMITS = {
  perClaim: 5,
  perUser: {
    name: 'checkIn.code.user',
    points: 20,
    windowSeconds: 3600,
    errorKey: 'checkIn.tooManyAttempts',
    message: (s: number) => `Too many wrong check-in codes; try again in ${minutesFrom(s)} minutes or ask a coordinator`,
  } satisfies Limit,
};

/** Minutes between check-in and check-out, at least 1, at most a day. */
export function checkedInMinutes(checkInAt: Date, checkOutAt: Date): number {
  return Math.min(Limits.serviceMinutesMax, Math.max(1, Math.round((checkOutAt.getTime() - checkInAt.getTime()) / MINUTE)));
}

/** The check-in window: from 30 minutes before the start until the end. */
export function checkInWindow(shift: Pick<ShiftEntity, 'startsAt' | 'endsAt'>): { opensAt: Date; closesAt: Date } {
  return { opensAt: new Date(shift.startsAt.getTime() - Limits.checkInOpensMinutesBefore * MINUTE), closesAt: shift.endsAt };
}

export interface ClaimListFilter {
  statuses?: string[] | null;
  upcoming?: boolean | null;
}

/**
 * Claims on shifts, from claim to check-out. Every write locks the shift row first, so
 * claims on one shift are decided one at a time; the database's CHECK on the shift's
 * counts and the partial unique index on active claims hold even if this code is wrong.
 */
@Injectable()
export class ClaimsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TasksService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly limiter: RateLimiter,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  /**
   * A claim event, in the claim's transaction. Ids and facts only: the shift's region path
   * lets live subscribers filter by area without a lookup.
   */
  private async claimEvent(t: RequestContext, type: ClaimEventType, claim: ShiftClaimEntity, shift: ShiftEntity, task: TaskEntity, extra: Record<string, unknown> = {}): Promise<void> {
    await this.events.publish<ClaimEventPayload>(t, {
      type,
      aggregateType: 'shift',
      aggregateId: shift.id,
      payload: { claimId: claim.id, shiftId: shift.id, taskId: task.id, organizationId: task.organizationId, regionPath: task.regionPath, volunteerId: claim.volunteerId, status: claim.status, ...extra },
    });
  }

  private claims(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(ShiftClaimEntity);
  }

  load(ctx: RequestContext, id: string): Promise<ShiftClaimEntity | null> {
    return loadById(ctx, 'claim.byId', id, (ids) => findByIds(this.tx.manager(ctx), ShiftClaimEntity, ids));
  }

  /** Locks the shift, then the claim: the same order as claimShift, so no deadlock. */
  private async lockClaim(em: EntityManager, claimId: string): Promise<{ claim: ShiftClaimEntity; shift: ShiftEntity; task: TaskEntity }> {
    const found = await em.getRepository(ShiftClaimEntity).findOneBy({ id: claimId });
    if (!found) throw new NotFoundError('Claim', 'claimId');
    const shift = await em.getRepository(ShiftEntity).findOneOrFail({ where: { id: found.shiftId }, lock: { mode: 'pessimistic_write' } });
    const claim = await em.getRepository(ShiftClaimEntity).findOneOrFail({ where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
    const task = await em.getRepository(TaskEntity).findOneByOrFail({ id: shift.taskId });
    return { claim, shift, task };
  }

  /**
   * Claims a place. The decision is one statement (`decide_shift_claim`, see the hot-paths
   * migration): the shift's row lock is held only while it runs, so a thousand claims on
   * one shift settle one after another in well under a second. Outside a transaction it
   * commits by itself; inside one (accepting an invitation) it joins it. An `invited`
   * claim is confirmed without approval, or refused with CONFLICT when the shift filled
   * meanwhile: never waitlisted.
   */
  async claim(ctx: RequestContext, shiftId: string, onBehalfOfUserId?: string | null, opts: { invited?: boolean; sharePhone?: boolean } = {}): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    const volunteerId = onBehalfOfUserId ?? actor.userId;
    const onBehalf = volunteerId !== actor.userId;
    if (onBehalf) {
      await this.users.require(ctx, volunteerId, 'onBehalfOfUserId');
      authorize(actor, 'claim.actAsVolunteer', { userId: volunteerId });
    }
    const decideClaim = async (c: RequestContext) => {
      const [r]: Decision[] = await this.tx
        .manager(c)
        .query(`SELECT * FROM decide_shift_claim($1, $2, $3, $4, $5, $6, $7)`, [shiftId, volunteerId, onBehalf ? actor.userId : null, !!opts.invited, actor.userId, ctx.requestId, this.clock.now()]);
      if (r.outcome !== 'OK') throw refusal(r);
      // Sharing the phone is part of the claim: both or neither.
      if (opts.sharePhone) await this.claims(c).update({ id: r.claim_id! }, { phoneShared: true });
      return this.claims(c).findOneByOrFail({ id: r.claim_id! });
    };
    return opts.sharePhone ? this.tx.run(ctx, decideClaim) : decideClaim(ctx);
  }

  /**
   * The volunteer (or their proxy) shares their phone with the organisers of one claim's
   * shift, or stops sharing it. Sharing needs a standing claim; stopping is always possible.
   */
  async sharePhone(ctx: RequestContext, claimId: string, share: boolean): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const claim = await em.getRepository(ShiftClaimEntity).findOne({ where: { id: claimId }, lock: { mode: 'pessimistic_write' } });
      if (!claim) throw new NotFoundError('ShiftClaim', 'claimId');
      const d = authorize(actor, 'claim.actAsVolunteer', { userId: claim.volunteerId });
      if (share && !STANDING.includes(claim.status)) throw new ConflictError('claim.notStanding', `A ${claim.status.toLowerCase()} claim shares nothing with the organisers`);
      if (claim.phoneShared === share) return claim;
      claim.phoneShared = share;
      const saved = await em.getRepository(ShiftClaimEntity).save(claim);
      await this.audit.record(t, { action: share ? 'claim.sharePhone' : 'claim.unsharePhone', subjectType: 'shift_claim', subjectId: claim.id, detail: { basis: d.basis, volunteerId: claim.volunteerId } });
      return saved;
    });
  }

  /**
   * Claims places for a party: the signed-in volunteer (or someone they act for) and
   * companions they may act for (people who made them their proxy, minors under their
   * account). One transaction: all are confirmed together while the whole party fits,
   * or all wait together (or all await approval); a refusal of any member (prerequisites,
   * a claim they already hold) names them and claims nothing.
   */
  async claimTogether(ctx: RequestContext, shiftId: string, volunteerIds: string[]): Promise<ShiftClaimEntity[]> {
    const actor = await ctx.requireActor();
    if (new Set(volunteerIds).size !== volunteerIds.length) throw new InvalidInputError('volunteerIds', 'party.duplicate', 'Name each person once');
    if (volunteerIds.length < 2) throw new InvalidInputError('volunteerIds', 'party.tooSmall', 'Name at least two people, or claim the shift alone');
    if (volunteerIds.length > Limits.companionsMax + 1) throw new InvalidInputError('volunteerIds', 'party.tooLarge', `A party has at most ${Limits.companionsMax + 1} people`);
    const people = new Map((await this.users.many(ctx, volunteerIds)).map((u) => [u.id, u]));
    volunteerIds.forEach((id, i) => {
      const person = people.get(id);
      if (!person) throw new NotFoundError('User', `volunteerIds.${i}`);
      if (!can(actor, 'claim.actAsVolunteer', { userId: id })) {
        throw new ForbiddenError('party.notYours', `You cannot sign up ${person.displayName}: only yourself, people who made you their proxy, and minors under your account`);
      }
    });
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      // Every member's claim lock in one order before the shift's: parties and single claims never wait on each other in a circle.
      for (const id of [...volunteerIds].sort()) await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`volunteer:${id}`]);
      const party = randomUUID();
      const made: string[] = [];
      let waitlist = false;
      for (const [i, id] of volunteerIds.entries()) {
        // The first member is confirmed only if the whole party fits; the others follow it.
        const [r]: Decision[] = await em.query(`SELECT * FROM decide_shift_claim($1, $2, $3, false, $4, $5, $6, $7, $8, $9)`, [
          shiftId,
          id,
          id === actor.userId ? null : actor.userId,
          actor.userId,
          ctx.requestId,
          this.clock.now(),
          party,
          volunteerIds.length - i,
          waitlist,
        ]);
        if (r.outcome !== 'OK') throw refusal(r, volunteerIds.length > 1 ? people.get(id)!.displayName : undefined);
        if (r.claim_status === 'WAITLISTED') waitlist = true;
        made.push(r.claim_id!);
      }
      const claims = await this.claims(t).findBy({ id: In(made) });
      return made.map((id) => claims.find((c) => c.id === id)!);
    });
  }

  /**
   * A coordinator puts a volunteer on a shift (someone who phoned in, a paper list): a
   * confirmed place or CONFLICT when the shift is full, the task's prerequisites applied
   * as to any claim; audited, and the volunteer is told.
   */
  async addByCoordinator(ctx: RequestContext, shiftId: string, volunteerId: string): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    const shift = await this.tasks.loadShift(ctx, shiftId);
    const task = shift && (await this.tasks.loadTask(ctx, shift.taskId));
    if (!shift || !task) throw new NotFoundError('Shift', 'shiftId');
    authorize(actor, 'task.manage', { organizationId: task.organizationId });
    await this.users.require(ctx, volunteerId, 'volunteerId');
    return this.tx.run(ctx, async (t) => {
      const [r]: Decision[] = await this.tx
        .manager(t)
        .query(`SELECT * FROM decide_shift_claim($1, $2, NULL, true, $3, $4, $5)`, [shiftId, volunteerId, actor.userId, ctx.requestId, this.clock.now()]);
      if (r.outcome !== 'OK') throw refusal(r);
      const claim = await this.claims(t).findOneByOrFail({ id: r.claim_id! });
      await this.audit.record(t, { action: 'claim.addedByCoordinator', subjectType: 'shift_claim', subjectId: claim.id, detail: { volunteerId, shiftId } });
      await this.claimEvent(t, 'claim.added', claim, shift, task);
      return claim;
    });
  }

  async cancel(ctx: RequestContext, claimId: string): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { claim, shift, task } = await this.lockClaim(em, claimId);
      const d = authorize(actor, 'claim.cancel', { userId: claim.volunteerId, organizationId: task.organizationId });
      if (!CANCELLABLE.includes(claim.status)) {
        throw new ConflictError('claim.notCancellable', `A ${claim.status.toLowerCase()} claim cannot be cancelled`);
      }
      if (shift.endsAt.getTime() <= this.clock.nowMs()) throw new ConflictError('claim.shiftEnded', 'This shift has already ended');
      const freedPlace = HOLDS_PLACE.includes(claim.status);
      claim.status = 'CANCELLED';
      const saved = await em.getRepository(ShiftClaimEntity).save(claim);
      if (d.basis !== 'self') {
        await this.audit.record(t, { action: 'claim.cancel', subjectType: 'shift_claim', subjectId: claim.id, detail: { basis: d.basis, volunteerId: claim.volunteerId } });
      }
      // Cancelled by the organisation (not the volunteer or their proxy): they are told.
      await this.claimEvent(t, 'claim.cancelled', claim, shift, task, { byOrganization: d.basis === 'membership' });
      if (freedPlace) await this.tasks.promoteWaitlist(t, shift.id);
      return saved;
    });
  }

  /**
   * A claim made with nobody signed in: what a standing claim on every occurrence of a
   * recurring shift does as occurrences are made. The volunteer, or the proxy who asked
   * for them, was authorised when the standing claim was made; they are its actor.
   */
  async claimForStandingRequest(ctx: RequestContext, shiftId: string, volunteerId: string, actingProxyId: string | null): Promise<ShiftClaimEntity> {
    const [r]: Decision[] = await this.tx
      .manager(ctx)
      .query(`SELECT * FROM decide_shift_claim($1, $2, $3, false, $4, $5, $6)`, [shiftId, volunteerId, actingProxyId, actingProxyId ?? volunteerId, ctx.requestId, this.clock.now()]);
    if (r.outcome !== 'OK') throw refusal(r);
    return this.claims(ctx).findOneByOrFail({ id: r.claim_id! });
  }

  /** Gives the places a raised capacity freed to the waitlist (a party only whole), in the caller's transaction. */
  fillFreedPlaces(ctx: RequestContext, shiftId: string): Promise<void> {
    return this.tasks.promoteWaitlist(ctx, shiftId);
  }

  /** Approves or rejects a claim awaiting approval; a party's pending claims are decided together. */
  async decide(ctx: RequestContext, claimId: string, approve: boolean): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { claim, shift, task } = await this.lockClaim(em, claimId);
      authorize(actor, 'claim.decide', { organizationId: task.organizationId });
      if (claim.status !== 'PENDING_APPROVAL') throw new ConflictError('claim.notPending', `This claim is ${claim.status.toLowerCase()}, not awaiting approval`);
      const party = claim.partyId
        ? await em.getRepository(ShiftClaimEntity).find({ where: { shiftId: shift.id, partyId: claim.partyId, status: 'PENDING_APPROVAL' }, order: { seq: 'ASC' }, lock: { mode: 'pessimistic_write' } })
        : [claim];
      if (approve && shift.confirmedCount + party.length > shift.capacity) {
        throw new ConflictError('shift.full', party.length > 1 ? `The shift has no ${party.length} free places for this party` : 'The shift is full');
      }
      for (const c of party) {
        c.status = approve ? 'CONFIRMED' : 'REJECTED';
        c.decidedById = actor.userId;
        await em.getRepository(ShiftClaimEntity).save(c);
        await this.audit.record(t, { action: approve ? 'claim.approve' : 'claim.reject', subjectType: 'shift_claim', subjectId: c.id, detail: { volunteerId: c.volunteerId } });
        await this.claimEvent(t, 'claim.decided', c, shift, task, { approved: approve });
      }
      return party.find((c) => c.id === claim.id)!;
    });
  }

  /**
   * Checks a volunteer in. A wrong code counts against the claim (and the person); at
   * CHECK_IN_CODE_LIMITS.perClaim the claim is locked and only a coordinator can check
   * the volunteer in. Attempts on one claim are decided one at a time under its row
   * lock, and a failure is committed before the error is answered, so codes sent in
   * parallel cannot outrun the count.
   */
  async checkIn(ctx: RequestContext, claimId: string, code?: string | null): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    const outcome = await this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { claim, shift, task } = await this.lockClaim(em, claimId);
      const asCoordinator = can(actor, 'claim.checkInWithoutCode', { organizationId: task.organizationId });
      const asVolunteer = can(actor, 'claim.actAsVolunteer', { userId: claim.volunteerId });
      if (!asCoordinator && !asVolunteer) authorize(actor, 'claim.actAsVolunteer', { userId: claim.volunteerId });
      if (claim.status === 'CHECKED_IN') throw new ConflictError('checkIn.already', 'Already checked in');
      if (claim.status !== 'CONFIRMED') throw new ConflictError('checkIn.notConfirmed', `A ${claim.status.toLowerCase()} claim cannot check in`);
      const now = this.clock.now();
      const { opensAt, closesAt } = checkInWindow(shift);
      if (now < opensAt) throw new ConflictError('checkIn.notYetOpen', `Check-in opens at ${opensAt.toISOString()}, ${Limits.checkInOpensMinutesBefore} minutes before the shift starts`);
      if (now >= closesAt) throw new ConflictError('checkIn.closed', 'Check-in has closed: the shift has ended');
      // A coordinator checking someone else in on site needs no code; their own check-in does.
      const byCoordinator = asCoordinator && actor.userId !== claim.volunteerId;
      if (task.requiresCheckInCode && !byCoordinator) {
        if (claim.checkInLockedAt) throw new ConflictError('checkIn.locked', 'Too many wrong codes: ask a coordinator on site to check you in');
        if (!code?.trim()) throw new InvalidInputError('code', 'checkIn.codeRequired', "This task needs the shift's check-in code");
        // The person's attempts across claims are counted before the code is compared.
        const perUser = await this.limiter.consume(t, CHECK_IN_CODE_LIMITS.perUser, actor.userId);
        if (!perUser.allowed) throw this.limiter.error(CHECK_IN_CODE_LIMITS.perUser, perUser.retryAfterSeconds);
        if (code.trim() !== shift.checkInCode) {
          claim.checkInFailures += 1;
          const locked = claim.checkInFailures >= CHECK_IN_CODE_LIMITS.perClaim;
          if (locked) claim.checkInLockedAt = now;
          await em.getRepository(ShiftClaimEntity).save(claim);
          if (locked) {
            await this.audit.record(t, { action: 'checkIn.locked', subjectType: 'shift_claim', subjectId: claim.id, detail: { volunteerId: claim.volunteerId, failures: claim.checkInFailures } });
          }
          return { wrongCode: true, locked } as const;
        }
        await this.limiter.refund(t, CHECK_IN_CODE_LIMITS.perUser, actor.userId);
      }
      claim.status = 'CHECKED_IN';
      claim.checkInAt = now;
      claim.checkedInById = actor.userId;
      const saved = await em.getRepository(ShiftClaimEntity).save(claim);
      if (actor.userId !== claim.volunteerId) {
        await this.audit.record(t, { action: 'claim.checkInFor', subjectType: 'shift_claim', subjectId: claim.id, detail: { volunteerId: claim.volunteerId, asCoordinator: byCoordinator } });
      }
      return { claim: saved } as const;
    });
    if (outcome.claim) return outcome.claim;
    if (outcome.locked) throw new ConflictError('checkIn.locked', 'Too many wrong codes: ask a coordinator on site to check you in');
    throw new InvalidInputError('code', 'checkIn.codeWrong', 'The check-in code is not right');
  }

  /**
   * Checks a volunteer out, opening a PENDING record of the minutes checked in. Before the
   * shift has started only a coordinator of the organisation, on the volunteer's row (not
   * the volunteer, nor the kiosk they use), may check them out: a minute of "service"
   * before the start is a slip, and a coordinator can correct the minutes when verifying.
   */
  async checkOut(ctx: RequestContext, claimId: string, opts: { atKiosk?: boolean } = {}): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { claim, shift, task } = await this.lockClaim(em, claimId);
      const asCoordinator = can(actor, 'claim.checkInWithoutCode', { organizationId: task.organizationId });
      const allowed = can(actor, 'claim.actAsVolunteer', { userId: claim.volunteerId }) || asCoordinator;
      if (!allowed) authorize(actor, 'claim.actAsVolunteer', { userId: claim.volunteerId });
      if (claim.status !== 'CHECKED_IN' || !claim.checkInAt) throw new ConflictError('checkOut.notCheckedIn', 'Check in before checking out');
      const byCoordinator = asCoordinator && actor.userId !== claim.volunteerId && !opts.atKiosk;
      if (shift.startsAt.getTime() > this.clock.nowMs() && !byCoordinator) {
        throw new ConflictError('checkOut.beforeStart', `The shift starts at ${shift.startsAt.toISOString()}: check out once it has started, or ask a coordinator to record your hours`);
      }
      claim.status = 'ATTENDED';
      claim.checkOutAt = this.clock.now();
      const saved = await em.getRepository(ShiftClaimEntity).save(claim);
      await em.getRepository(ServiceRecordEntity).insert({
        claimId: claim.id,
        volunteerId: claim.volunteerId,
        minutes: checkedInMinutes(claim.checkInAt, claim.checkOutAt),
        status: 'PENDING',
      });
      return saved;
    });
  }

  /** A coordinator records that a confirmed volunteer did not come (once the shift has started). */
  async markNoShow(ctx: RequestContext, claimId: string): Promise<ShiftClaimEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { claim, shift, task } = await this.lockClaim(em, claimId);
      authorize(actor, 'claim.decide', { organizationId: task.organizationId });
      if (claim.status !== 'CONFIRMED') throw new ConflictError('claim.notConfirmed', `A ${claim.status.toLowerCase()} claim cannot be marked as a no-show`);
      if (shift.startsAt.getTime() > this.clock.nowMs()) throw new ConflictError('claim.shiftNotStarted', 'A no-show can be recorded once the shift has started');
      claim.status = 'NO_SHOW';
      claim.decidedById = actor.userId;
      const saved = await em.getRepository(ShiftClaimEntity).save(claim);
      await this.audit.record(t, { action: 'claim.noShow', subjectType: 'shift_claim', subjectId: claim.id, detail: { volunteerId: claim.volunteerId } });
      // The place it held is counted no more: the board's live figures follow.
      await this.claimEvent(t, 'claim.noShow', claim, shift, task);
      await this.tasks.completeIfFinished(t, task.id);
      return saved;
    });
  }

  /** A volunteer's claims (the signed-in person's, or a resident's they act for), newest first. */
  async claimsOf(ctx: RequestContext, volunteerId: string, filter: ClaimListFilter, page: PageArgs) {
    authorize(await ctx.requireActor(), 'claim.actAsVolunteer', { userId: volunteerId });
    const qb = this.claims(ctx).createQueryBuilder('c').where('c.volunteer_id = :volunteerId', { volunteerId });
    return this.listClaims(qb, filter, page);
  }

  /** Claims on a shift, in arrival order, for its organisation's coordinators. */
  async claimsOnShift(ctx: RequestContext, shift: ShiftEntity, filter: ClaimListFilter, page: PageArgs) {
    const actor = await ctx.requireActor();
    const task = await this.tasks.loadTask(ctx, shift.taskId);
    authorize(actor, 'claim.decide', { organizationId: task?.organizationId });
    const qb = this.claims(ctx).createQueryBuilder('c').where('c.shift_id = :shiftId', { shiftId: shift.id });
    return this.listClaims(qb, filter, page, 'ASC');
  }

  private listClaims(qb: SelectQueryBuilder<ShiftClaimEntity>, filter: ClaimListFilter, page: PageArgs, direction: 'ASC' | 'DESC' = 'DESC') {
    if (filter.statuses?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.upcoming != null) {
      qb.innerJoin(ShiftEntity, 's', 's.id = c.shift_id').andWhere(filter.upcoming ? 's.ends_at > :now' : 's.ends_at <= :now', { now: this.clock.now() });
    }
    return paginate(qb, page, { columns: [{ expr: 'c.seq', kind: 'number' }], direction, keyOf: (c) => [String(c.seq)] });
  }

  /**
   * The standing claim on each shift (batched), for the board's buttons: the viewer's own, or
   * that of the resident the viewer acts for (`onBehalfOfUserId`, the person or their proxy).
   */
  async viewerClaim(ctx: RequestContext, shiftId: string, onBehalfOfUserId?: string | null): Promise<ShiftClaimEntity | null> {
    const actor = await ctx.actor();
    if (onBehalfOfUserId) authorize(actor, 'claim.viewStanding', { userId: onBehalfOfUserId });
    if (!actor) return null;
    const volunteerId = onBehalfOfUserId ?? actor.userId;
    return viewerClaimLoader(ctx, this.tx.manager(ctx), volunteerId).load(shiftId);
  }

  /**
   * Places held on shifts that have ended (confirmed, checked in, attended, no-show) and
   * how many were attended, per volunteer: the reliability behind matching and the profile.
   */
  async attendanceStats(ctx: RequestContext, volunteerIds: readonly string[]): Promise<Map<string, { attended: number; held: number }>> {
    const rows: { volunteer_id: string; attended: number; held: number }[] = await this.tx.manager(ctx).query(
      `SELECT c.volunteer_id,
              count(*) FILTER (WHERE claim_is_present(c.status))::int AS attended,
              count(*) FILTER (WHERE claim_is_committed(c.status))::int AS held
         FROM shift_claim c JOIN shift s ON s.id = c.shift_id
        WHERE c.volunteer_id = ANY($1::uuid[]) AND s.ends_at <= $2 GROUP BY c.volunteer_id`,
      [[...volunteerIds], this.clock.now()],
    );
    return new Map(rows.map((r) => [r.volunteer_id, { attended: r.attended, held: r.held }]));
  }

  /** Time each volunteer holds on shifts that have not ended: what matching must not double-book. */
  async heldIntervals(ctx: RequestContext, volunteerIds: readonly string[]): Promise<Map<string, { startsAt: Date; endsAt: Date }[]>> {
    const rows: { volunteer_id: string; starts_at: Date; ends_at: Date }[] = await this.tx.manager(ctx).query(
      `SELECT c.volunteer_id, s.starts_at, s.ends_at FROM shift_claim c JOIN shift s ON s.id = c.shift_id
        WHERE c.volunteer_id = ANY($1::uuid[]) AND claim_holds_time(c.status) AND s.ends_at > $2`,
      [[...volunteerIds], this.clock.now()],
    );
    const out = new Map<string, { startsAt: Date; endsAt: Date }[]>();
    for (const r of rows) out.set(r.volunteer_id, [...(out.get(r.volunteer_id) ?? []), { startsAt: r.starts_at, endsAt: r.ends_at }]);
    return out;
  }

  /** Who is expected (confirmed or checked in) on a shift, or on a task's shifts not yet ended. */
  async expectedVolunteers(ctx: RequestContext, taskId: string, shiftId: string | null): Promise<string[]> {
    const rows: { volunteer_id: string }[] = await this.tx.manager(ctx).query(
      `SELECT DISTINCT c.volunteer_id FROM shift_claim c JOIN shift s ON s.id = c.shift_id
        WHERE s.task_id = $1 AND ($2::uuid IS NULL OR s.id = $2) AND s.ends_at > $3 AND claim_is_expected(c.status)`,
      [taskId, shiftId, this.clock.now()],
    );
    return rows.map((r) => r.volunteer_id);
  }

  /** The standing claims on a shift (their reminders follow a change of time). */
  async standingClaimIds(ctx: RequestContext, shiftId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.tx.manager(ctx).query(`SELECT id FROM shift_claim WHERE shift_id = $1 AND claim_is_standing(status)`, [shiftId]);
    return rows.map((r) => r.id);
  }

  /** Who already has a standing claim on each of these shifts. */
  async standingClaimants(ctx: RequestContext, shiftIds: readonly string[]): Promise<{ shiftId: string; volunteerId: string }[]> {
    const rows: { shift_id: string; volunteer_id: string }[] = await this.tx
      .manager(ctx)
      .query(`SELECT shift_id, volunteer_id FROM shift_claim WHERE shift_id = ANY($1::uuid[]) AND claim_is_standing(status)`, [[...shiftIds]]);
    return rows.map((r) => ({ shiftId: r.shift_id, volunteerId: r.volunteer_id }));
  }

  /** Whether the person came to a shift of the task (checked in, or checked in and out). */
  async servedOn(ctx: RequestContext, taskId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.tx.manager(ctx).query(
      `SELECT 1 FROM shift_claim c JOIN shift s ON s.id = c.shift_id WHERE s.task_id = $1 AND c.volunteer_id = $2 AND claim_is_present(c.status) LIMIT 1`,
      [taskId, userId],
    );
    return rows.length > 0;
  }

  /** Attended ÷ held places, batched per request; null before the first. */
  attendanceRate(ctx: RequestContext, userId: string): Promise<number | null> {
    return ctx
      .loader<string, number | null>('claim.attendanceRate', async (ids) => {
        const stats = await this.attendanceStats(ctx, ids);
        return ids.map((id) => {
          const s = stats.get(id);
          return s && s.held > 0 ? s.attended / s.held : null;
        });
      })
      .load(userId);
  }

  /** Whether the viewer may see this claim (the volunteer, their proxy, the organisation's coordinators). */
  async visible(ctx: RequestContext, claim: ShiftClaimEntity): Promise<boolean> {
    const actor = await ctx.actor();
    if (!actor) return false;
    if (can(actor, 'claim.view', { userId: claim.volunteerId })) return true;
    const shift = await this.tasks.loadShift(ctx, claim.shiftId);
    const task = shift && (await this.tasks.loadTask(ctx, shift.taskId));
    return can(actor, 'claim.view', { userId: claim.volunteerId, organizationId: task?.organizationId });
  }
}

