import { Limits } from '@civicgrid/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { GeoService } from '@civicgrid/geo';
import {
  AuditService,
  authorize,
  can,
  cleanName,
  ConflictError,
  EventBus,
  findByIds,
  InvalidInputError,
  loadById,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { AllianceEntity, AllianceMemberEntity, AllianceMemberStatus, PledgeActivityEntity } from './alliance.entity';
import { OrganizationsService } from './organizations.service';

const STANDING: AllianceMemberStatus[] = ['APPLIED', 'ACTIVE', 'SUSPENDED'];
const DAY = 86_400_000;

/** Pledge names are codes: trimmed, upper case, words joined by underscores. */
export function pledgeCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

export interface NewAlliance {
  name: string;
  nameEn?: string | null;
  regionId: string;
  charter: string;
  pledgeOptions: string[];
  stewardOrganizationId: string;
}
export interface NewPledgeActivity {
  allianceMemberId: string;
  pledge: string;
  note?: string | null;
  quantity?: number | null;
  unit?: string | null;
  occurredAt?: Date | null;
}

/** Street merchant alliances: founding, applications, the steward's decisions, pledge activity. */
@Injectable()
export class AlliancesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
  ) {}

  private alliances(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(AllianceEntity);
  }
  private members(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(AllianceMemberEntity);
  }

  load(ctx: RequestContext, id: string): Promise<AllianceEntity | null> {
    return loadById(ctx, 'alliance.byId', id, (ids) => findByIds(this.tx.manager(ctx), AllianceEntity, ids));
  }

  loadMember(ctx: RequestContext, id: string): Promise<AllianceMemberEntity | null> {
    return loadById(ctx, 'allianceMember.byId', id, (ids) => findByIds(this.tx.manager(ctx), AllianceMemberEntity, ids));
  }

  async create(ctx: RequestContext, input: NewAlliance): Promise<AllianceEntity> {
    const actor = await ctx.requireActor();
    const region = await this.geo.require(ctx, input.regionId, 'regionId');
    if (region.level !== 'STREET' && region.level !== 'COMMUNITY') {
      throw new InvalidInputError('regionId', 'alliance.regionLevel', 'An alliance belongs to a street or a community');
    }
    await this.organizations.require(ctx, input.stewardOrganizationId, 'stewardOrganizationId');
    authorize(actor, 'alliance.create', { organizationId: input.stewardOrganizationId, regionPath: region.path });
    const name = cleanName(input.name, 'name', Limits.organizationNameMaxLength);
    const nameEn = input.nameEn?.trim() ? cleanName(input.nameEn, 'nameEn', 120) : null;
    const charter = input.charter.trim();
    if (!charter) throw new InvalidInputError('charter', 'validation.isNotEmpty', 'charter must not be blank');
    const pledgeOptions = [...new Set(input.pledgeOptions.map(pledgeCode).filter(Boolean))];
    if (!pledgeOptions.length) throw new InvalidInputError('pledgeOptions', 'validation.arrayMinSize', 'pledgeOptions needs at least one pledge');
    return this.tx.run(ctx, async (t) => {
      if (await this.alliances(t).existsBy({ regionId: region.id, name })) throw new ConflictError('alliance.nameTaken', 'An alliance of that name already exists here', 'name');
      const alliance = await this.alliances(t).save(
        this.alliances(t).create({ name, nameEn, regionId: region.id, regionPath: region.path, charter, pledgeOptions, stewardId: input.stewardOrganizationId, createdById: actor.userId }),
      );
      await this.audit.record(t, { action: 'alliance.create', subjectType: 'alliance', subjectId: alliance.id, detail: { name, stewardId: alliance.stewardId } });
      return alliance;
    });
  }

  async apply(ctx: RequestContext, allianceId: string, organizationId: string, pledgesInput: string[]): Promise<AllianceMemberEntity> {
    const actor = await ctx.requireActor();
    const alliance = await this.load(ctx, allianceId);
    if (!alliance) throw new NotFoundError('Alliance', 'allianceId');
    const org = await this.organizations.require(ctx, organizationId, 'organizationId');
    authorize(actor, 'alliance.apply', { organizationId });
    const orgRegion = await this.geo.require(ctx, org.regionId);
    if (!GeoService.contains(alliance.regionPath, orgRegion.path)) {
      throw new InvalidInputError('organizationId', 'alliance.outsideRegion', "The organisation is outside the alliance's street or community");
    }
    const pledges = [...new Set(pledgesInput.map(pledgeCode))];
    const unknown = pledges.filter((p) => !alliance.pledgeOptions.includes(p));
    if (!pledges.length || unknown.length) {
      throw new InvalidInputError('pledges', 'alliance.unknownPledge', `Choose pledges from the alliance's options (${alliance.pledgeOptions.join(', ')})`);
    }
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`alliance:${allianceId}:${organizationId}`]);
      if (await em.getRepository(AllianceMemberEntity).existsBy({ allianceId, organizationId, status: In(STANDING) })) {
        throw new ConflictError('alliance.alreadyMember', 'This organisation has already applied or is a member');
      }
      const m = await em.getRepository(AllianceMemberEntity).save(em.getRepository(AllianceMemberEntity).create({ allianceId, organizationId, pledges, status: 'APPLIED' }));
      await this.audit.record(t, { action: 'alliance.apply', subjectType: 'alliance_member', subjectId: m.id, detail: { allianceId, organizationId, pledges } });
      return m;
    });
  }

  private async lockMember(em: EntityManager, id: string): Promise<{ m: AllianceMemberEntity; alliance: AllianceEntity }> {
    const m = await em.getRepository(AllianceMemberEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!m) throw new NotFoundError('AllianceMember', 'allianceMemberId');
    return { m, alliance: await em.getRepository(AllianceEntity).findOneByOrFail({ id: m.allianceId }) };
  }

  async decide(ctx: RequestContext, allianceMemberId: string, approve: boolean, reason?: string | null): Promise<AllianceMemberEntity> {
    const actor = await ctx.requireActor();
    if (!approve && !reason?.trim()) throw new InvalidInputError('reason', 'alliance.reasonRequired', 'Give a reason when rejecting an application');
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { m, alliance } = await this.lockMember(em, allianceMemberId);
      const d = authorize(actor, 'alliance.steward', { organizationId: alliance.stewardId, regionPath: alliance.regionPath });
      if (m.status !== 'APPLIED') throw new ConflictError('alliance.notApplied', `This application is already ${m.status.toLowerCase()}`);
      m.status = approve ? 'ACTIVE' : 'REJECTED';
      m.joinedAt = approve ? new Date() : null;
      m.decidedById = actor.userId;
      m.decisionReason = reason?.trim() || null;
      const saved = await em.getRepository(AllianceMemberEntity).save(m);
      await this.audit.record(t, { action: approve ? 'alliance.approve' : 'alliance.reject', subjectType: 'alliance_member', subjectId: m.id, detail: { basis: d.basis, reason: m.decisionReason } });
      await this.events.publish(t, {
        type: 'alliance.application.decided',
        aggregateType: 'alliance_member',
        aggregateId: m.id,
        payload: { allianceId: alliance.id, organizationId: m.organizationId, approved: approve },
      });
      return saved;
    });
  }

  /** The steward suspends an active member, or reinstates a suspended one. */
  async setSuspended(ctx: RequestContext, allianceMemberId: string, suspended: boolean, reason?: string | null): Promise<AllianceMemberEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { m, alliance } = await this.lockMember(em, allianceMemberId);
      authorize(actor, 'alliance.steward', { organizationId: alliance.stewardId, regionPath: alliance.regionPath });
      const from = suspended ? 'ACTIVE' : 'SUSPENDED';
      if (m.status !== from) throw new ConflictError('alliance.badStatus', `Only a ${from.toLowerCase()} member can be ${suspended ? 'suspended' : 'reinstated'}`);
      m.status = suspended ? 'SUSPENDED' : 'ACTIVE';
      m.decisionReason = reason?.trim() || null;
      m.decidedById = actor.userId;
      const saved = await em.getRepository(AllianceMemberEntity).save(m);
      await this.audit.record(t, { action: suspended ? 'alliance.suspend' : 'alliance.reinstate', subjectType: 'alliance_member', subjectId: m.id, detail: { reason: m.decisionReason } });
      return saved;
    });
  }

  async leave(ctx: RequestContext, allianceMemberId: string): Promise<AllianceMemberEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const em = this.tx.manager(t);
      const { m } = await this.lockMember(em, allianceMemberId);
      authorize(actor, 'alliance.actForMember', { organizationId: m.organizationId });
      if (!STANDING.includes(m.status)) throw new ConflictError('alliance.notMember', `This membership is already ${m.status.toLowerCase()}`);
      m.status = 'LEFT';
      return em.getRepository(AllianceMemberEntity).save(m);
    });
  }

  async recordActivity(ctx: RequestContext, input: NewPledgeActivity): Promise<PledgeActivityEntity> {
    const actor = await ctx.requireActor();
    const m = await this.loadMember(ctx, input.allianceMemberId);
    if (!m) throw new NotFoundError('AllianceMember', 'allianceMemberId');
    authorize(actor, 'alliance.actForMember', { organizationId: m.organizationId });
    if (m.status !== 'ACTIVE') throw new ConflictError('alliance.notActive', 'Only an active member records pledge activity');
    const pledge = pledgeCode(input.pledge);
    if (!m.pledges.includes(pledge)) throw new InvalidInputError('pledge', 'alliance.notPledged', `This member's pledges are ${m.pledges.join(', ')}`);
    if ((input.quantity == null) !== (input.unit == null || !input.unit.trim())) {
      throw new InvalidInputError(input.quantity == null ? 'quantity' : 'unit', 'alliance.quantityWithUnit', 'Give a quantity together with its unit');
    }
    const occurredAt = input.occurredAt ?? new Date();
    if (occurredAt.getTime() > Date.now() + 5 * 60_000) throw new InvalidInputError('occurredAt', 'alliance.activityInFuture', 'Activity cannot be recorded in the future');
    if (occurredAt.getTime() < Date.now() - 366 * DAY) throw new InvalidInputError('occurredAt', 'alliance.activityTooOld', 'Activity older than a year cannot be recorded');
    return this.tx.run(ctx, async (t) => {
      const repo = this.tx.manager(t).getRepository(PledgeActivityEntity);
      return repo.save(
        repo.create({
          allianceMemberId: m.id,
          allianceId: m.allianceId,
          pledge,
          note: input.note?.trim() || null,
          quantity: input.quantity ?? null,
          unit: input.unit?.trim() || null,
          occurredAt,
          recordedById: actor.userId,
        }),
      );
    });
  }

  async list(ctx: RequestContext, regionId: string | null | undefined, page: PageArgs) {
    const qb = this.alliances(ctx).createQueryBuilder('a');
    if (regionId) {
      const region = await this.geo.require(ctx, regionId, 'regionId');
      // Alliances of the region's subtree, and those whose area contains the region.
      qb.where('(a.region_path = :p OR a.region_path LIKE :pp OR :p LIKE a.region_path || \'/%\')', { p: region.path, pp: `${region.path}/%` });
    }
    return paginate(qb, page, {
      columns: [
        { expr: 'a.created_at', kind: 'timestamp' },
        { expr: 'a.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (a) => [a.createdAt.toISOString(), a.id],
    });
  }

  /** Members of an alliance: ACTIVE ones for anyone; other statuses for the steward and officials in scope. */
  async membersOf(ctx: RequestContext, alliance: AllianceEntity, status: AllianceMemberStatus | null | undefined, page: PageArgs) {
    const wanted = status ?? 'ACTIVE';
    if (wanted !== 'ACTIVE') authorize(await ctx.requireActor(), 'alliance.steward', { organizationId: alliance.stewardId, regionPath: alliance.regionPath });
    const qb = this.members(ctx).createQueryBuilder('m').where('m.alliance_id = :id AND m.status = :wanted', { id: alliance.id, wanted });
    return paginate(qb, page, {
      columns: [
        { expr: 'm.created_at', kind: 'timestamp' },
        { expr: 'm.id', kind: 'uuid' },
      ],
      direction: 'ASC',
      keyOf: (m) => [m.createdAt.toISOString(), m.id],
    });
  }

  activity(ctx: RequestContext, allianceId: string, page: PageArgs) {
    const qb = this.tx.manager(ctx).getRepository(PledgeActivityEntity).createQueryBuilder('p').where('p.alliance_id = :allianceId', { allianceId });
    return paginate(qb, page, {
      columns: [
        { expr: 'p.occurred_at', kind: 'timestamp' },
        { expr: 'p.id', kind: 'uuid' },
      ],
      direction: 'DESC',
      keyOf: (p) => [p.occurredAt.toISOString(), p.id],
    });
  }

  /** An organisation's applications and memberships, for its own members. */
  async ofOrganization(ctx: RequestContext, organizationId: string): Promise<AllianceMemberEntity[]> {
    const internal = can(await ctx.actor(), 'organization.viewInternal', { organizationId });
    return this.members(ctx).find({ where: { organizationId, ...(internal ? {} : { status: 'ACTIVE' as const }) }, order: { createdAt: 'DESC' }, take: 100 });
  }

  /**
   * Applications awaiting a decision that the signed-in person may decide: of alliances
   * their organisations steward, or in the regions of their official posts.
   */
  async pendingApplications(ctx: RequestContext, page: PageArgs) {
    const actor = await ctx.requireActor();
    const stewardOf = [...actor.memberships].filter(([id]) => can(actor, 'alliance.steward', { organizationId: id })).map(([id]) => id);
    const scopes = actor.role === 'OFFICIAL' ? actor.officialScopes : [];
    const qb = this.members(ctx).createQueryBuilder('m').innerJoin(AllianceEntity, 'a', 'a.id = m.alliance_id').where("m.status = 'APPLIED'");
    const ors = ['false'];
    const params: Record<string, unknown> = {};
    if (stewardOf.length) {
      ors.push('a.steward_id IN (:...stewardOf)');
      params.stewardOf = stewardOf;
    }
    scopes.forEach((scope, i) => {
      ors.push(`(a.region_path = :s${i} OR a.region_path LIKE :sp${i})`);
      params[`s${i}`] = scope;
      params[`sp${i}`] = `${scope}/%`;
    });
    qb.andWhere(`(${ors.join(' OR ')})`, params);
    return paginate(qb, page, {
      columns: [
        { expr: 'm.created_at', kind: 'timestamp' },
        { expr: 'm.id', kind: 'uuid' },
      ],
      direction: 'ASC',
      keyOf: (m) => [m.createdAt.toISOString(), m.id],
    });
  }
}
