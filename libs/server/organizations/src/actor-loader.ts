import { Injectable } from '@nestjs/common';
import { GeoService } from '@civicgrid/geo';
import { UsersService } from '@civicgrid/identity';
import { Actor, ActorLoader, RequestContext } from '@civicgrid/platform';
import { OrganizationsService } from './organizations.service';

/**
 * Loads the facts the policy decides from: global role, proxy grants, official scopes
 * (identity, geo) and organisation roles (here). Read fresh on every request, so a
 * removed member loses access at once.
 */
@Injectable()
export class PolicyActorLoader extends ActorLoader {
  constructor(
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly geo: GeoService,
  ) {
    super();
  }

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const ctx = RequestContext.system();
    const facts = await this.users.identityFacts(ctx, userId, sessionId);
    if (!facts) return null;
    // Region paths come through one batched loader call.
    const [memberships, scopes, homeRegionPath, leadsGridPath] = await Promise.all([
      this.organizations.activeRoles(ctx, userId),
      Promise.all(facts.officialRegionIds.map((id) => this.geo.pathOf(ctx, id))),
      this.geo.pathOf(ctx, facts.homeRegionId),
      this.geo.pathOf(ctx, facts.leadsGridId),
    ]);
    return {
      userId,
      role: facts.role,
      memberships,
      proxyFor: new Set(facts.proxyFor),
      officialScopes: scopes.filter((p): p is string => !!p),
      homeRegionPath,
      leadsGridPath,
    };
  }
}
