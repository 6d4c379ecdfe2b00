import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersService } from '@civicgrid/identity';
import {
  AuditService,
  EventBus,
  authorize,
  ConflictError,
  InvalidInputError,
  NotFoundError,
  OrganizationRole,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { MembershipEntity, MembershipStatus } from './membership.entity';
import { OrganizationEntity } from './organization.entity';

/**
 * Joining and leaving organisations. Every change locks the organisation row first, so
 * the last-owner rule (also a database trigger) holds under concurrent changes.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly users: UsersService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  private async lockOrganization(em: EntityManager, organizationId: string, field = 'organizationId'): Promise<OrganizationEntity> {
    const org = await em.getRepository(OrganizationEntity).findOne({ where: { id: organizationId }, lock: { mode: 'pessimistic_write' } });
    if (!org) throw new NotFoundError('Organization', field);
    return org;
  }

  private async lockMembership(em: EntityManager, membershipId: string): Promise<{ m: MembershipEntity; org: OrganizationEntity }> {
    const found = await em.getRepository(MembershipEntity).findOneBy({ id: membershipId });
    if (!found) throw new NotFoundError('Membership', 'membershipId');
    const org = await this.lockOrganization(em, found.organizationId);
    const m = await em.getRepository(MembershipEntity).findOneOrFail({ where: { id: membershipId }, lock: { mode: 'pessimistic_write' } });
    return { m, org };
  }

  private async otherActiveOwners(em: EntityManager, m: MembershipEntity): Promise<number> {
    return em
      .getRepository(MembershipEntity)
      .createQueryBuilder('m')
      .where("m.organization_id = :org AND m.role = 'OWNER' AND m.status = 'ACTIVE' AND m.id <> :id", { org: m.organizationId, id: m.id })
      .getCount();
  }

  private async assertNotLastOwner(em: EntityManager, m: MembershipEntity): Promise<void> {
    if (m.role === 'OWNER' && m.status === 'ACTIVE' && (await this.otherActiveOwners(em, m)) === 0) {
      throw new ConflictError('membership.lastOwner', 'The last owner cannot leave or be demoted; make someone else an owner first');
    }
  }

  private async activate(ctx: RequestContext, em: EntityManager, m: MembershipEntity, org: OrganizationEntity): Promise<MembershipEntity> {
    m.status = 'ACTIVE';
    const saved = await em.getRepository(MembershipEntity).save(m);
    if (org.kind === 'DEPARTMENT') await this.users.markDepartmentStaff(ctx, m.userId);
    return saved;
  }

  async invite(ctx: RequestContext, organizationId: string, phone: string, role: OrganizationRole): Promise<MembershipEntity> {
    const actor = await ctx.requireActor();
    authorize(actor, role === 'OWNER' ? 'membership.manageOwners' : 'membership.manage', { organizationId });
    const invitee = await this.users.byPhone(ctx, phone);
    if (!invitee) throw new NotFoundError('User', 'phone');
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const org = await this.lockOrganization(em, organizationId);
      const repo = em.getRepository(MembershipEntity);
      let m = await repo.findOneBy({ organizationId, userId: invitee.id });
      if (m?.status === 'ACTIVE') throw new ConflictError('membership.exists', 'This person is already a member');
      if (m?.status === 'INVITED') throw new ConflictError('membership.alreadyInvited', 'This person has already been invited');
      const asked = m?.status === 'REQUESTED';
      m ??= repo.create({ organizationId, userId: invitee.id });
      m.role = role;
      m.invitedById = actor.userId;
      m.seniorTitle = null;
      m.status = 'INVITED';
      // Inviting someone who asked to join is accepting their request.
      const saved = asked ? await this.activate(t, em, m, org) : await repo.save(m);
      await this.audit.record(t, { action: 'membership.invite', subjectType: 'membership', subjectId: saved.id, detail: { organizationId, userId: invitee.id, role } });
      await this.events.publish(t, {
        type: asked ? 'membership.decided' : 'membership.invited',
        aggregateType: 'membership',
        aggregateId: saved.id,
        payload: asked ? { organizationId, userId: invitee.id, accepted: true, wasInvitation: false } : { organizationId, userId: invitee.id, role },
      });
      return saved;
    });
  }

  async join(ctx: RequestContext, organizationId: string, message?: string | null): Promise<MembershipEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const org = await this.lockOrganization(em, organizationId);
      const repo = em.getRepository(MembershipEntity);
      let m = await repo.findOneBy({ organizationId, userId: actor.userId });
      if (m?.status === 'ACTIVE') throw new ConflictError('membership.exists', 'You are already a member');
      if (m?.status === 'REQUESTED') throw new ConflictError('membership.alreadyRequested', 'You have already asked to join');
      if (m?.status === 'INVITED') return this.activate(t, em, m, org); // accepting the invitation
      m ??= repo.create({ organizationId, userId: actor.userId });
      m.role = 'MEMBER';
      m.status = 'REQUESTED';
      m.message = message?.trim() || null;
      m.seniorTitle = null;
      return repo.save(m);
    });
  }

  /** The invitee answers an invitation; the organisation's managers answer a request. */
  async decide(ctx: RequestContext, membershipId: string, accept: boolean): Promise<MembershipEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { m, org } = await this.lockMembership(em, membershipId);
      if (m.status === 'INVITED') {
        if (m.userId !== actor.userId) authorize(actor, 'membership.manage', { organizationId: m.organizationId });
        if (m.userId !== actor.userId && accept) throw new ConflictError('membership.inviteeDecides', 'Only the invited person can accept an invitation');
      } else if (m.status === 'REQUESTED') {
        authorize(actor, 'membership.manage', { organizationId: m.organizationId });
      } else {
        throw new ConflictError('membership.notPending', `This membership is ${m.status.toLowerCase()}, not awaiting an answer`);
      }
      const wasInvitation = m.status === 'INVITED';
      let saved: MembershipEntity;
      if (accept) saved = await this.activate(t, em, m, org);
      else {
        m.status = wasInvitation ? 'LEFT' : 'REMOVED';
        saved = await em.getRepository(MembershipEntity).save(m);
      }
      await this.audit.record(t, { action: accept ? 'membership.accept' : 'membership.decline', subjectType: 'membership', subjectId: m.id, detail: { organizationId: m.organizationId, userId: m.userId } });
      await this.events.publish(t, {
        type: 'membership.decided',
        aggregateType: 'membership',
        aggregateId: m.id,
        payload: { organizationId: m.organizationId, userId: m.userId, accepted: accept, wasInvitation, invitedById: m.invitedById },
      });
      return saved;
    });
  }

  async changeRole(ctx: RequestContext, membershipId: string, role: OrganizationRole, seniorTitle?: string | null): Promise<MembershipEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { m, org } = await this.lockMembership(em, membershipId);
      authorize(actor, role === 'OWNER' || m.role === 'OWNER' ? 'membership.manageOwners' : 'membership.manage', { organizationId: m.organizationId });
      if (m.status !== 'ACTIVE') throw new ConflictError('membership.notActive', 'Only an active member can be given a role');
      if (seniorTitle && org.kind !== 'SENIORS_COUNCIL') {
        throw new InvalidInputError('seniorTitle', 'membership.titleOnlyForSeniors', "Titles are recorded for members of a seniors' council only");
      }
      if (m.role === 'OWNER' && role !== 'OWNER') await this.assertNotLastOwner(em, m);
      const from = m.role;
      m.role = role;
      if (seniorTitle !== undefined) m.seniorTitle = seniorTitle;
      const saved = await em.getRepository(MembershipEntity).save(m);
      await this.audit.record(t, { action: 'membership.changeRole', subjectType: 'membership', subjectId: m.id, detail: { from, to: role, seniorTitle: m.seniorTitle } });
      return saved;
    });
  }

  async leave(ctx: RequestContext, organizationId: string): Promise<MembershipEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      await this.lockOrganization(em, organizationId);
      const m = await em.getRepository(MembershipEntity).findOneBy({ organizationId, userId: actor.userId, status: 'ACTIVE' });
      if (!m) throw new NotFoundError('Membership', 'organizationId');
      await this.assertNotLastOwner(em, m);
      m.status = 'LEFT';
      ctx.refreshActor();
      return em.getRepository(MembershipEntity).save(m);
    });
  }

  async remove(ctx: RequestContext, membershipId: string): Promise<MembershipEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { m } = await this.lockMembership(em, membershipId);
      authorize(actor, m.role === 'OWNER' ? 'membership.manageOwners' : 'membership.manage', { organizationId: m.organizationId });
      if (m.userId === actor.userId) throw new InvalidInputError('membershipId', 'membership.removeSelf', 'Use leaveOrganization to leave');
      if (m.status !== 'ACTIVE' && m.status !== 'INVITED') throw new ConflictError('membership.notActive', `This membership is already ${m.status.toLowerCase()}`);
      await this.assertNotLastOwner(em, m);
      m.status = 'REMOVED';
      const saved = await em.getRepository(MembershipEntity).save(m);
      await this.audit.record(t, { action: 'membership.remove', subjectType: 'membership', subjectId: m.id, detail: { organizationId: m.organizationId, userId: m.userId } });
      return saved;
    });
  }

  /** The signed-in person's memberships in a status (their invitations, their requests). */
  async mine(ctx: RequestContext, status: MembershipStatus): Promise<MembershipEntity[]> {
    const actor = await ctx.requireActor();
    return this.tx.manager(ctx).getRepository(MembershipEntity).find({ where: { userId: actor.userId, status }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
