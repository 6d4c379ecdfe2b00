import { Limits } from '@civicgrid/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { GeoService } from '@civicgrid/geo';
import {
  AuditService,
  authorize,
  can,
  cleanName,
  Clock,
  ConflictError,
  EventBus,
  findByIds,
  InvalidInputError,
  loadAllBy,
  loadById,
  NotFoundError,
  PageArgs,
  paginate,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { AllianceEntity, AllianceMemberEntity, AllianceMemberStatus, PledgeActivityEntity } from './alliance.entity';
import { OrganizationsService } from './organizations.service';
import { isPledgeUnit, unitsOfPledge, WHOLE_UNITS } from './pledge-units';

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
interface ActivityFacts {
  pledge: string;
  note?: string | null;
  quantity?: number | null;
  unit?: string | null;
  occurredAt?: Date | null;
}
export interface NewPledgeActivity extends ActivityFacts {
  allianceMemberId: string;
}
export interface PledgeTotal {
  /** the alliance or member the total belongs to */
  owner: string;
  /** YYYY-MM in Asia/Shanghai */
  month: string;
  pledge: string;
  unit: string;
  quantity: number;
  records: number;
}

/** Its recorder may correct or delete a record for a day after recording it. */
export const ACTIVITY_CHANGE_WINDOW_MS = DAY;
export function changeableUntil(p: PledgeActivityEntity): Date {
  return new Date(p.createdAt.getTime() + ACTIVITY_CHANGE_WINDOW_MS);
}
const PLEDGE_TOTAL_MONTHS = 6;
const PLEDGE_TOTAL_MONTHS_MAX = 24;
/** Months are the community's calendar months. */
const TOTALS_ZONE = 'Asia/Shanghai';

/** Street merchant alliances: founding, applications, the steward's decisions, pledge activity. */
@Injectable()
export class AlliancesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
    private readonly events: EventBus,
    private readonly clock: Clock,
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
    const facts = this.activityFacts(m, input);
    return this.tx.run(ctx, async (t) => {
      const repo = this.tx.manager(t).getRepository(PledgeActivityEntity);
      return repo.save(repo.create({ allianceMemberId: m.id, allianceId: m.allianceId, ...facts, recordedById: actor.userId, createdAt: this.clock.now() }));
    });
  }

  /**
   * What a record says, checked: one of the member's pledges, a positive quantity in one
   * of that pledge's units, an optional note, a time not in the future nor over a year ago.
   * An empty form is refused on its first missing field.
   */
  private activityFacts(m: AllianceMemberEntity, input: ActivityFacts) {
    const pledge = pledgeCode(input.pledge ?? '');
    if (!pledge) throw new InvalidInputError('pledge', 'validation.isNotEmpty', 'Choose the pledge');
    if (!m.pledges.includes(pledge)) throw new InvalidInputError('pledge', 'alliance.notPledged', `This member's pledges are ${m.pledges.join(', ')}`);
    const quantity = input.quantity;
    if (quantity == null) throw new InvalidInputError('quantity', 'alliance.quantityRequired', 'Say how much was done');
    if (!Number.isFinite(quantity) || quantity <= 0) throw new InvalidInputError('quantity', 'alliance.quantityPositive', 'The quantity must be more than zero');
    if (quantity > Limits.pledgeQuantityMax) throw new InvalidInputError('quantity', 'validation.max', `The quantity must be at most ${Limits.pledgeQuantityMax}`);
    const units = unitsOfPledge(pledge);
    const unit = input.unit?.trim().toUpperCase() ?? '';
    if (!unit) throw new InvalidInputError('unit', 'alliance.unitRequired', 'Choose the unit of the quantity');
    if (!isPledgeUnit(unit) || !units.includes(unit)) throw new InvalidInputError('unit', 'alliance.unitNotForPledge', `Activity on ${pledge} is counted in ${units.join(', ')}`);
    if (WHOLE_UNITS.has(unit) && !Number.isInteger(quantity)) throw new InvalidInputError('quantity', 'alliance.quantityWhole', `${unit} is counted in whole numbers`);
    const note = input.note?.trim() || null;
    if (note && note.length > Limits.pledgeNoteMaxLength) throw new InvalidInputError('note', 'validation.maxLength', `The note must be at most ${Limits.pledgeNoteMaxLength} characters`);
    const now = this.clock.nowMs();
    const occurredAt = input.occurredAt ?? new Date(now);
    if (occurredAt.getTime() > now + 5 * 60_000) throw new InvalidInputError('occurredAt', 'alliance.activityInFuture', 'Activity cannot be recorded in the future');
    if (occurredAt.getTime() < now - 366 * DAY) throw new InvalidInputError('occurredAt', 'alliance.activityTooOld', 'Activity older than a year cannot be recorded');
    return { pledge, quantity, unit, note, occurredAt };
  }

  /** Load a record for a change by its recorder, within the day after recording. */
  private async lockActivityForChange(t: RequestContext, id: string): Promise<{ p: PledgeActivityEntity; m: AllianceMemberEntity; basis: string | undefined }> {
    const actor = await t.requireActor();
    const em = this.tx.manager(t);
    const p = await em.getRepository(PledgeActivityEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!p) throw new NotFoundError('PledgeActivity', 'pledgeActivityId');
    const m = await em.getRepository(AllianceMemberEntity).findOneByOrFail({ id: p.allianceMemberId });
    const d = authorize(actor, 'alliance.changeActivity', { organizationId: m.organizationId, userId: p.recordedById ?? undefined });
    if (this.clock.nowMs() >= changeableUntil(p).getTime()) {
      throw new ConflictError('alliance.activityLocked', 'Pledge activity can be corrected or deleted only within 24 hours of recording');
    }
    return { p, m, basis: d.basis };
  }

  /** The recorder corrects a record within a day of recording it; fields left out keep their value. */
  async updateActivity(ctx: RequestContext, id: string, input: Partial<ActivityFacts>): Promise<PledgeActivityEntity> {
    await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const { p, m, basis } = await this.lockActivityForChange(t, id);
      const before = { pledge: p.pledge, quantity: p.quantity, unit: p.unit, note: p.note, occurredAt: p.occurredAt.toISOString() };
      const facts = this.activityFacts(m, {
        pledge: input.pledge ?? p.pledge,
        quantity: input.quantity === undefined ? p.quantity : input.quantity,
        unit: input.unit === undefined ? p.unit : input.unit,
        note: input.note === undefined ? p.note : input.note,
        occurredAt: input.occurredAt ?? p.occurredAt,
      });
      Object.assign(p, facts);
      const saved = await this.tx.manager(t).getRepository(PledgeActivityEntity).save(p);
      await this.audit.record(t, {
        action: 'pledgeActivity.update',
        subjectType: 'pledge_activity',
        subjectId: p.id,
        detail: { basis, before, after: { ...facts, occurredAt: facts.occurredAt.toISOString() } },
      });
      return saved;
    });
  }

  /** The recorder deletes a record within a day of recording it; the audit log keeps what it said. */
  async deleteActivity(ctx: RequestContext, id: string): Promise<PledgeActivityEntity> {
    await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const { p, basis } = await this.lockActivityForChange(t, id);
      const removed = { ...p };
      await this.tx.manager(t).getRepository(PledgeActivityEntity).delete({ id: p.id });
      await this.audit.record(t, {
        action: 'pledgeActivity.delete',
        subjectType: 'pledge_activity',
        subjectId: p.id,
        detail: { basis, allianceMemberId: p.allianceMemberId, pledge: p.pledge, quantity: p.quantity, unit: p.unit, note: p.note, occurredAt: p.occurredAt.toISOString() },
      });
      return removed;
    });
  }

  /** Whether the signed-in person may still correct or delete this record. */
  async mayChangeActivity(ctx: RequestContext, p: PledgeActivityEntity): Promise<boolean> {
    const actor = await ctx.actor();
    if (!actor || !p.recordedById || this.clock.nowMs() >= changeableUntil(p).getTime()) return false;
    const m = await this.loadMember(ctx, p.allianceMemberId);
    return !!m && can(actor, 'alliance.changeActivity', { organizationId: m.organizationId, userId: p.recordedById });
  }

  /**
   * Quantities per month (Asia/Shanghai), pledge and unit over the last `months` months,
   * the current one included; newest month first. Keyed by alliance or by member, batched.
   */
  totals(ctx: RequestContext, by: 'alliance' | 'member', id: string, months: number | null | undefined): Promise<PledgeTotal[]> {
    const span = Math.min(Math.max(months ?? PLEDGE_TOTAL_MONTHS, 1), PLEDGE_TOTAL_MONTHS_MAX);
    const column = by === 'alliance' ? 'alliance_id' : 'alliance_member_id';
    return loadAllBy(
      ctx,
      `pledgeTotals.${by}.${span}`,
      id,
      async (ids) => {
        const rows: { owner: string; month: string; pledge: string; unit: string; quantity: number; records: string }[] = await this.tx.manager(ctx).query(
          `SELECT ${column} AS owner, to_char(occurred_at AT TIME ZONE '${TOTALS_ZONE}', 'YYYY-MM') AS month, pledge, unit,
                  sum(quantity) AS quantity, count(*) AS records
             FROM pledge_activity
            WHERE ${column} = ANY($1::uuid[]) AND quantity IS NOT NULL
              AND occurred_at >= (date_trunc('month', $2::timestamptz AT TIME ZONE '${TOTALS_ZONE}') - make_interval(months => $3 - 1)) AT TIME ZONE '${TOTALS_ZONE}'
            GROUP BY 1, 2, 3, 4
            ORDER BY 2 DESC, 3, 4`,
          [ids, this.clock.now(), span],
        );
        return rows.map((r) => ({ owner: r.owner, month: r.month, pledge: r.pledge, unit: r.unit, quantity: Number(r.quantity), records: Number(r.records) }));
      },
      (r) => r.owner,
    );
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

  /** Whether the organisation is an ACTIVE member of the alliance now (a merchant offering rewards in it). */
  async isActiveMember(ctx: RequestContext, allianceId: string, organizationId: string): Promise<boolean> {
    return this.members(ctx).existsBy({ allianceId, organizationId, status: 'ACTIVE' });
  }

  /** Every ACTIVE (alliance, organisation) membership, of one alliance when named: what the rewards catalogue may show. */
  async activeMemberships(ctx: RequestContext, allianceId?: string | null): Promise<{ allianceId: string; organizationId: string }[]> {
    const rows = await this.members(ctx).find({ select: { allianceId: true, organizationId: true }, where: { status: 'ACTIVE', ...(allianceId ? { allianceId } : {}) } });
    return rows.map((m) => ({ allianceId: m.allianceId, organizationId: m.organizationId }));
  }

  /** The alliances an organisation is or was a member of (any status after joining), for their stewards' reading of its affairs. */
  async joinedBy(ctx: RequestContext, organizationId: string): Promise<AllianceEntity[]> {
    const ms = await this.members(ctx).find({ where: { organizationId, status: In(['ACTIVE', 'SUSPENDED', 'LEFT']) } });
    const all = await Promise.all([...new Set(ms.map((m) => m.allianceId))].map((id) => this.load(ctx, id)));
    return all.filter((a): a is AllianceEntity => !!a);
  }

  /** Stores the settlement rate, in the caller's transaction; the caller decides who may (settlement.setRate). */
  async saveSettlementRate(ctx: RequestContext, allianceId: string, fenPerPoint: number): Promise<AllianceEntity> {
    await this.alliances(ctx).update({ id: allianceId }, { settlementRateFen: fenPerPoint });
    return this.alliances(ctx).findOneByOrFail({ id: allianceId });
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
