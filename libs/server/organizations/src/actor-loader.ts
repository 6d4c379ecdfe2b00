import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, ActorLoader, Clock, OrganizationRole, preparedQuery } from '@civicgrid/platform';

interface ActorFacts {
  role: Actor['role'];
  home_path: string | null;
  leads_path: string | null;
  proxy_for: string[];
  official_scopes: string[];
  memberships: Record<string, OrganizationRole>;
}

/**
 * Loads the facts the policy decides from: global role, proxy grants, official scopes,
 * home and led grid, organisation roles, for a user whose session is live. One
 * statement per request (the `actor_facts` read model of the migrations): read fresh
 * every time, so a removed member or an ended session loses access at once.
 */
@Injectable()
export class PolicyActorLoader extends ActorLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {
    super();
  }

  async load(userId: string, sessionId: string): Promise<Actor | null> {
    const [f] = await preparedQuery<ActorFacts>(this.dataSource.manager, `SELECT * FROM actor_facts($1, $2, $3)`, [userId, sessionId, this.clock.now()]);
    if (!f) return null;
    return {
      userId,
      role: f.role,
      memberships: new Map(Object.entries(f.memberships)),
      proxyFor: new Set(f.proxy_for),
      officialScopes: f.official_scopes,
      homeRegionPath: f.home_path,
      leadsGridPath: f.leads_path,
    };
  }
}
