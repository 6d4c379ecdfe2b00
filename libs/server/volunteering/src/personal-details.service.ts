import { Injectable } from '@nestjs/common';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import { AuditService, decide, ORGANIZATION_ROLE_RANK, RequestContext, TransactionRunner } from '@civicgrid/platform';

/**
 * Who may see a person's details (availability, home grid, elder mode, languages,
 * locale, birth date, attendance): the rule is the policy's `user.viewDetails`; the
 * facts it needs meet here, where claims are known. Everyone else sees the name and
 * public facts only. An official's look is audited, once per person and request.
 */
@Injectable()
export class PersonalDetailsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  /** Whether the viewer may see this person's details (batched per request). */
  async visible(ctx: RequestContext, user: Pick<User, 'id'>): Promise<boolean> {
    const actor = await ctx.actor();
    if (!actor) return false;
    if (actor.userId === user.id || actor.proxyFor.has(user.id)) return true;
    return ctx
      .loader<string, boolean>('user.detailsVisible', async (ids) => {
        // People and their homes come through the request's batched loaders: two queries, not two per person.
        const [claimedWith, people] = await Promise.all([this.claimedWith(ctx, [...ids], actor.memberships), Promise.all(ids.map((id) => this.users.load(ctx, id)))]);
        return Promise.all(
          ids.map(async (id, i) => {
            const regionPath = await this.geo.pathOf(ctx, people[i]?.homeRegionId);
            const d = decide(actor, 'user.viewDetails', { userId: id, regionPath, claimedWithOrganizationIds: claimedWith.get(id) ?? [] });
            if (d.allowed && d.basis === 'official') {
              await this.audit.record(ctx, { action: 'pii.read', subjectType: 'user', subjectId: id, detail: { field: 'details', basis: d.basis } });
            }
            return d.allowed;
          }),
        );
      })
      .load(user.id);
  }

  /** For each person, the viewer's organisations (where they coordinate) that the person has claimed a shift with. */
  private async claimedWith(ctx: RequestContext, userIds: string[], memberships: ReadonlyMap<string, string>): Promise<Map<string, string[]>> {
    const coordinated = [...memberships].filter(([, role]) => ORGANIZATION_ROLE_RANK[role as keyof typeof ORGANIZATION_ROLE_RANK] >= ORGANIZATION_ROLE_RANK.COORDINATOR).map(([org]) => org);
    if (!coordinated.length) return new Map();
    const rows: { volunteer_id: string; organization_id: string }[] = await this.tx.manager(ctx).query(
      `SELECT DISTINCT c.volunteer_id, t.organization_id
         FROM shift_claim c JOIN shift s ON s.id = c.shift_id JOIN task t ON t.id = s.task_id
        WHERE c.volunteer_id = ANY($1::uuid[]) AND t.organization_id = ANY($2::uuid[])`,
      [userIds, coordinated],
    );
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.volunteer_id, [...(out.get(r.volunteer_id) ?? []), r.organization_id]);
    return out;
  }
}
