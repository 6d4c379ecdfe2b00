import { Limits } from '@civicgrid/contracts';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import {
  AuditService,
  authorize,
  can,
  cleanName,
  Clock,
  ConflictError,
  decide,
  EventBus,
  InvalidInputError,
  findByIds,
  loadAllBy,
  loadById,
  NotFoundError,
  ORGANIZATION_ROLE_RANK,
  OrganizationRole,
  PageArgs,
  paginate,
  paginateUnderParent,
  RequestContext,
  TransactionRunner,
} from '@civicgrid/platform';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity, OrganizationKind, VerificationStatus } from './organization.entity';
import { cleanRegistrationNumber } from './registration-number';

export interface OrganizationFilterData {
  regionId?: string | null;
  kind?: string | null;
  verified?: boolean | null;
  search?: string | null;
  verificationStatuses?: string[] | null;
}

export interface OrganizationDetailsData {
  name?: string | null;
  nameEn?: string | null;
  description?: string | null;
  registrationNumber?: string | null;
}

/** What an official's decision on an organisation tells its owner (event `organization.reviewed`). */
export interface OrganizationReviewedPayload {
  organizationId: string;
  status: VerificationStatus;
  note: string | null;
}

/** The states in which an official may still decide: once rejected, the organisation must resubmit first. */
const AWAITS_DECISION: readonly VerificationStatus[] = ['PENDING', 'INFO_REQUESTED'];
/** The states an organisation answers by resubmitting. */
const AWAITS_ANSWER: readonly VerificationStatus[] = ['REJECTED', 'INFO_REQUESTED'];
const NOTE_MAX = 500;

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  private orgs(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(OrganizationEntity);
  }
  private memberships(ctx: RequestContext) {
    return this.tx.manager(ctx).getRepository(MembershipEntity);
  }

  load(ctx: RequestContext, id: string): Promise<OrganizationEntity | null> {
    return loadById(ctx, 'organization.byId', id, (ids) => findByIds(this.tx.manager(ctx), OrganizationEntity, ids));
  }

  async require(ctx: RequestContext, id: string, field?: string): Promise<OrganizationEntity> {
    const org = await this.load(ctx, id);
    if (!org) throw new NotFoundError('Organization', field);
    return org;
  }

  async create(ctx: RequestContext, data: { name: string; nameEn?: string | null; kind: string; regionId: string; description?: string | null; registrationNumber?: string | null }): Promise<OrganizationEntity> {
    const actor = await ctx.requireActor();
    const name = cleanName(data.name, 'name', Limits.organizationNameMaxLength);
    const nameEn = data.nameEn?.trim() ? cleanName(data.nameEn, 'nameEn', 120) : null;
    const registrationNumber = cleanRegistrationNumber(data.registrationNumber);
    const region = await this.geo.require(ctx, data.regionId, 'regionId');
    authorize(actor, 'organization.create', { organizationKind: data.kind, regionPath: region.path });
    return this.tx.run(ctx, async (t) => {
      await this.refuseTakenNumber(t, registrationNumber, null);
      const org = await this.orgs(t).save(
        this.orgs(t).create({ name, nameEn, kind: data.kind as OrganizationKind, regionId: region.id, description: data.description?.trim() || null, registrationNumber, createdById: actor.userId }),
      );
      await this.memberships(t).insert({ organizationId: org.id, userId: actor.userId, role: 'OWNER', status: 'ACTIVE' });
      await this.audit.record(t, { action: 'organization.create', subjectType: 'organization', subjectId: org.id, detail: { kind: org.kind, name } });
      ctx.refreshActor();
      return org;
    });
  }

  async list(ctx: RequestContext, filter: OrganizationFilterData, page: PageArgs) {
    const qb = this.orgs(ctx).createQueryBuilder('o');
    if (filter.regionId) {
      const region = await this.geo.require(ctx, filter.regionId, 'filter.regionId');
      qb.innerJoin('region', 'r', 'r.id = o.region_id').andWhere('(r.path = :p OR r.path LIKE :pp)', { p: region.path, pp: `${region.path}/%` });
    }
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.verified != null) qb.andWhere('o.verified = :verified', { verified: filter.verified });
    if (filter.verificationStatuses?.length) qb.andWhere('o.verification_status IN (:...statuses)', { statuses: filter.verificationStatuses });
    if (filter.search?.trim()) qb.andWhere('o.name ILIKE :search', { search: `%${filter.search.trim().replace(/[%_\\]/g, '\\$&')}%` });
    return paginate(qb, page, {
      columns: [
        { expr: 'o.name', kind: 'text' },
        { expr: 'o.id', kind: 'uuid' },
      ],
      direction: 'ASC',
      keyOf: (o) => [o.name, o.id],
    });
  }

  /** Active members in the order they joined; first pages of many organisations load together. */
  members(ctx: RequestContext, organizationId: string, page: PageArgs) {
    return paginateUnderParent(ctx, 'organization.members', organizationId, page, {
      query: (ids) => this.memberships(ctx).createQueryBuilder('m').where('m.organization_id IN (:...ids)', { ids }).andWhere("m.status = 'ACTIVE'"),
      parentExpr: 'm.organization_id',
      parentOf: (m) => m.organizationId,
      keyset: {
        columns: [
          { expr: 'm.created_at', kind: 'timestamp' },
          { expr: 'm.id', kind: 'uuid' },
        ],
        direction: 'ASC',
        keyOf: (m) => [m.createdAt.toISOString(), m.id],
      },
    });
  }

  /** An official whose region holds the organisation's (or an administrator) verifies it; its managers are told. */
  async verify(ctx: RequestContext, id: string): Promise<OrganizationEntity> {
    return this.decideVerification(ctx, id, 'VERIFIED', null, 'id');
  }

  /** An official in scope rejects an organisation, saying why; its managers read the reason and may resubmit. */
  async reject(ctx: RequestContext, id: string, reason: string): Promise<OrganizationEntity> {
    return this.decideVerification(ctx, id, 'REJECTED', this.cleanNote(reason, 'reason'), 'organizationId');
  }

  /** An official in scope asks an organisation for more information before deciding. */
  async requestInfo(ctx: RequestContext, id: string, message: string): Promise<OrganizationEntity> {
    return this.decideVerification(ctx, id, 'INFO_REQUESTED', this.cleanNote(message, 'message'), 'organizationId');
  }

  private cleanNote(text: string, field: string): string {
    const note = text.trim();
    if (!note) throw new InvalidInputError(field, 'organization.reviewNoteRequired', field === 'reason' ? 'Give a reason for the rejection' : 'Say what information is missing');
    if (note.length > NOTE_MAX) throw new InvalidInputError(field, 'organization.reviewNoteTooLong', `At most ${NOTE_MAX} characters`);
    return note;
  }

  private async decideVerification(ctx: RequestContext, id: string, status: VerificationStatus, note: string | null, field: string): Promise<OrganizationEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const org = await this.orgs(t).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundError('Organization', field);
      const region = await this.geo.require(t, org.regionId);
      const d = authorize(actor, 'organization.verify', { organizationId: id, regionPath: region.path });
      if (org.verificationStatus === 'VERIFIED') throw new ConflictError('organization.alreadyVerified', 'This organisation is already verified');
      if (!AWAITS_DECISION.includes(org.verificationStatus)) {
        throw new ConflictError('organization.awaitsResubmission', 'This organisation was rejected; it must correct its details and resubmit before a new decision');
      }
      const now = this.clock.now();
      org.verificationStatus = status;
      org.verified = status === 'VERIFIED';
      org.reviewNote = note;
      org.reviewedAt = now;
      org.reviewedById = actor.userId;
      if (status === 'VERIFIED') {
        org.verifiedAt = now;
        org.verifiedById = actor.userId;
      }
      const saved = await this.orgs(t).save(org);
      const action = status === 'VERIFIED' ? 'organization.verify' : status === 'REJECTED' ? 'organization.reject' : 'organization.requestInfo';
      await this.audit.record(t, { action, subjectType: 'organization', subjectId: id, detail: { name: org.name, kind: org.kind, basis: d.basis, ...(note ? { note } : {}) } });
      await this.events.publish(t, {
        type: 'organization.reviewed',
        aggregateType: 'organization',
        aggregateId: id,
        payload: { organizationId: id, status, note } satisfies OrganizationReviewedPayload,
      });
      return saved;
    });
  }

  /** Its ADMIN or above change an organisation's details (a verified one stays verified). Audited. */
  async update(ctx: RequestContext, id: string, data: OrganizationDetailsData): Promise<OrganizationEntity> {
    return this.changeDetails(ctx, id, data, false, null);
  }

  /**
   * Its ADMIN or above answer a rejection or a request for information: the details given
   * are changed and the organisation is PENDING again, for the officials to decide anew.
   */
  async resubmit(ctx: RequestContext, id: string, data: OrganizationDetailsData, answer?: string | null): Promise<OrganizationEntity> {
    const cleaned = answer?.trim() || null;
    if (cleaned && cleaned.length > NOTE_MAX) throw new InvalidInputError('answer', 'organization.answerTooLong', `At most ${NOTE_MAX} characters`);
    return this.changeDetails(ctx, id, data, true, cleaned);
  }

  private async changeDetails(ctx: RequestContext, id: string, data: OrganizationDetailsData, resubmit: boolean, answer: string | null): Promise<OrganizationEntity> {
    const actor = await ctx.requireActor();
    const name = data.name != null ? cleanName(data.name, 'name', Limits.organizationNameMaxLength) : undefined;
    const registrationNumber = data.registrationNumber != null ? cleanRegistrationNumber(data.registrationNumber) : undefined;
    return this.tx.run(ctx, async (t) => {
      const org = await this.orgs(t).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundError('Organization', 'organizationId');
      authorize(actor, 'organization.update', { organizationId: id });
      if (resubmit && !AWAITS_ANSWER.includes(org.verificationStatus)) {
        throw new ConflictError('organization.notAwaitingAnswer', org.verified ? 'This organisation is already verified' : 'This organisation already awaits an official; nothing to answer');
      }
      const changed: string[] = [];
      if (name !== undefined && name !== org.name) (org.name = name), changed.push('name');
      if (data.nameEn != null) {
        const nameEn = data.nameEn.trim() ? cleanName(data.nameEn, 'nameEn', 120) : null;
        if (nameEn !== org.nameEn) (org.nameEn = nameEn), changed.push('nameEn');
      }
      if (data.description != null) {
        const description = data.description.trim() || null;
        if (description !== org.description) (org.description = description), changed.push('description');
      }
      if (registrationNumber !== undefined && registrationNumber !== org.registrationNumber) {
        await this.refuseTakenNumber(t, registrationNumber, id);
        org.registrationNumber = registrationNumber;
        changed.push('registrationNumber');
      }
      if (resubmit) {
        org.verificationStatus = 'PENDING';
        org.reviewNote = null;
        org.applicantAnswer = answer;
      }
      const saved = await this.orgs(t).save(org);
      await this.audit.record(t, { action: resubmit ? 'organization.resubmit' : 'organization.update', subjectType: 'organization', subjectId: id, detail: { changed, ...(answer ? { answer } : {}) } });
      return saved;
    });
  }

  /** One registration number, one organisation (the unique index says so too; this names the field). */
  private async refuseTakenNumber(ctx: RequestContext, registrationNumber: string | null, ownId: string | null): Promise<void> {
    if (!registrationNumber) return;
    const other = await this.orgs(ctx).findOne({ select: { id: true }, where: { registrationNumber } });
    if (other && other.id !== ownId) throw new ConflictError('organization.registrationNumberTaken', 'Another organisation is registered with this number', 'registrationNumber');
  }

  /** The official's last word and the organisation's answer: for its members and the officials who may decide. */
  async review(ctx: RequestContext, org: OrganizationEntity): Promise<{ status: string; note: string | null; reviewedAt: Date | null; answer: string | null } | null> {
    if (!org.reviewedAt && !org.applicantAnswer) return null;
    const actor = await ctx.actor();
    if (!actor) return null;
    if (!can(actor, 'organization.viewInternal', { organizationId: org.id })) {
      const regionPath = await this.geo.pathOf(ctx, org.regionId);
      if (!can(actor, 'organization.verify', { organizationId: org.id, regionPath })) return null;
    }
    return { status: org.verificationStatus, note: org.reviewNote, reviewedAt: org.reviewedAt, answer: org.applicantAnswer };
  }

  /**
   * The owner (the earliest active OWNER) with their full phone, for the officials who
   * judge the organisation and administrators; null for anyone else. Each read is audited.
   */
  async ownerContact(ctx: RequestContext, org: OrganizationEntity): Promise<{ userId: string; displayName: string; phone: string | null } | null> {
    const actor = await ctx.actor();
    if (!actor) return null;
    const regionPath = await this.geo.pathOf(ctx, org.regionId);
    const d = decide(actor, 'organization.viewOwnerContact', { organizationId: org.id, regionPath });
    if (!d.allowed) return null;
    const owners = await loadAllBy(
      ctx,
      'membership.ownersByOrganization',
      org.id,
      (ids) => this.memberships(ctx).find({ where: { organizationId: In(ids), status: 'ACTIVE', role: 'OWNER' }, order: { createdAt: 'ASC' } }),
      (m) => m.organizationId,
    );
    const owner = owners[0] && (await this.users.load(ctx, owners[0].userId));
    if (!owner) return null;
    await this.audit.record(ctx, { action: 'pii.read', subjectType: 'user', subjectId: owner.id, detail: { field: 'phone', basis: d.basis, organizationId: org.id } });
    return { userId: owner.id, displayName: owner.displayName, phone: owner.phone };
  }

  /** Memberships of an organisation in a status other than ACTIVE (invitations, requests): its managers only. */
  async membersInStatus(ctx: RequestContext, organizationId: string, status: string, page: PageArgs) {
    if (status === 'ACTIVE') return this.members(ctx, organizationId, page);
    authorize(await ctx.requireActor(), 'membership.manage', { organizationId });
    const qb = this.memberships(ctx).createQueryBuilder('m').where('m.organization_id = :organizationId AND m.status = :status', { organizationId, status });
    return paginate(qb, page, {
      columns: [
        { expr: 'm.created_at', kind: 'timestamp' },
        { expr: 'm.id', kind: 'uuid' },
      ],
      direction: 'ASC',
      keyOf: (m) => [m.createdAt.toISOString(), m.id],
    });
  }

  /** Active memberships of a person (batched per request). */
  membershipsOf(ctx: RequestContext, userId: string): Promise<MembershipEntity[]> {
    return loadAllBy(ctx, 'membership.byUser', userId, (ids) => this.memberships(ctx).find({ where: { userId: In(ids), status: 'ACTIVE' }, order: { createdAt: 'ASC' } }), (m) => m.userId);
  }

  /** Active members of an organisation with at least this role (who to tell about the organisation's affairs). */
  async memberIdsWithRole(ctx: RequestContext, organizationId: string, min: OrganizationRole): Promise<string[]> {
    const rows = await this.memberships(ctx).find({ select: { userId: true, role: true }, where: { organizationId, status: 'ACTIVE' } });
    return rows.filter((r) => ORGANIZATION_ROLE_RANK[r.role] >= ORGANIZATION_ROLE_RANK[min]).map((r) => r.userId);
  }

  /** Every organisation of a kind (street offices and departments are few: one per street, a handful per district). */
  allOfKind(ctx: RequestContext, kind: OrganizationKind): Promise<OrganizationEntity[]> {
    return this.tx.manager(ctx).getRepository(OrganizationEntity).find({ where: { kind }, order: { name: 'ASC' } });
  }

  /**
   * The street office over a region: the office whose region is the nearest ancestor (or
   * the region itself) on the materialised path of ids `/<district>/<street>/…`.
   */
  async streetOfficeOver(ctx: RequestContext, regionPath: string): Promise<OrganizationEntity | null> {
    const ancestors = regionPath.split('/').filter(Boolean);
    if (!ancestors.length) return null;
    const offices = await this.tx.manager(ctx).getRepository(OrganizationEntity).find({ where: { kind: 'STREET_OFFICE', regionId: In(ancestors) }, order: { createdAt: 'ASC' } });
    return offices.sort((a, b) => ancestors.indexOf(b.regionId) - ancestors.indexOf(a.regionId))[0] ?? null;
  }

  /** Add someone as an active member (demo data, tests and, later, invitations). */
  async addMember(ctx: RequestContext, organizationId: string, userId: string, role: OrganizationRole, seniorTitle: string | null = null): Promise<MembershipEntity> {
    return this.memberships(ctx).save(this.memberships(ctx).create({ organizationId, userId, role, status: 'ACTIVE', seniorTitle }));
  }
}
