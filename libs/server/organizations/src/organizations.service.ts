import { Limits } from '@civicgrid/contracts';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { GeoService } from '@civicgrid/geo';
import {
  AuditService,
  authorize,
  cleanName,
  ConflictError,
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
import { OrganizationEntity, OrganizationKind } from './organization.entity';

export interface OrganizationFilterData {
  regionId?: string | null;
  kind?: string | null;
  verified?: boolean | null;
  search?: string | null;
}

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
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

  async create(ctx: RequestContext, data: { name: string; nameEn?: string | null; kind: string; regionId: string; description?: string | null }): Promise<OrganizationEntity> {
    const actor = await ctx.requireActor();
    const name = cleanName(data.name, 'name', Limits.organizationNameMaxLength);
    const nameEn = data.nameEn?.trim() ? cleanName(data.nameEn, 'nameEn', 120) : null;
    const region = await this.geo.require(ctx, data.regionId, 'regionId');
    authorize(actor, 'organization.create', { organizationKind: data.kind, regionPath: region.path });
    return this.tx.run(ctx, async (t) => {
      const org = await this.orgs(t).save(
        this.orgs(t).create({ name, nameEn, kind: data.kind as OrganizationKind, regionId: region.id, description: data.description?.trim() || null, createdById: actor.userId }),
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

  /** An official whose region holds the organisation's (or an administrator) verifies it. */
  async verify(ctx: RequestContext, id: string): Promise<OrganizationEntity> {
    const actor = await ctx.requireActor();
    return this.tx.run(ctx, async (t) => {
      const org = await this.orgs(t).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundError('Organization', 'id');
      const region = await this.geo.require(t, org.regionId);
      authorize(actor, 'organization.verify', { organizationId: id, regionPath: region.path });
      if (org.verified) throw new ConflictError('organization.alreadyVerified', 'This organisation is already verified');
      org.verified = true;
      org.verifiedAt = new Date();
      org.verifiedById = actor.userId;
      const saved = await this.orgs(t).save(org);
      await this.audit.record(t, { action: 'organization.verify', subjectType: 'organization', subjectId: id, detail: { name: org.name, kind: org.kind } });
      return saved;
    });
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

  /** Add someone as an active member (demo data, tests and, later, invitations). */
  async addMember(ctx: RequestContext, organizationId: string, userId: string, role: OrganizationRole, seniorTitle: string | null = null): Promise<MembershipEntity> {
    return this.memberships(ctx).save(this.memberships(ctx).create({ organizationId, userId, role, status: 'ACTIVE', seniorTitle }));
  }
}
