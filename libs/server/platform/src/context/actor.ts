/** Global roles (identity). Organisation roles live on memberships. */
export type GlobalRole = 'RESIDENT' | 'OFFICIAL' | 'ADMIN' | 'DEPARTMENT_STAFF';
export type OrganizationRole = 'OWNER' | 'ADMIN' | 'COORDINATOR' | 'MEMBER';

/** Rank of organisation roles: a higher number may do all a lower one may. */
export const ORGANIZATION_ROLE_RANK: Record<OrganizationRole, number> = { MEMBER: 1, COORDINATOR: 2, ADMIN: 3, OWNER: 4 };

/**
 * Who is making a request, with the facts the policy decides from. Loaded once per
 * request from the database, so a change of role or membership takes effect at once.
 */
export interface Actor {
  userId: string;
  role: GlobalRole;
  /** active memberships: organisation id → role */
  memberships: ReadonlyMap<string, OrganizationRole>;
  /** residents who granted this actor a proxy (the actor may act for them) */
  proxyFor: ReadonlySet<string>;
  /** region paths of the actor's official posts: they act on these subtrees */
  officialScopes: readonly string[];
  /** path of the actor's home region (residents review tasks of their area) */
  homeRegionPath?: string | null;
  /** path of the grid the actor leads as grid leader */
  leadsGridPath?: string | null;
}

/** Implemented by the context that owns memberships and grants; the auth guard calls it. */
export abstract class ActorLoader {
  /** The actor, or null when the user or their session (signed out, expired) is gone. */
  abstract load(userId: string, sessionId: string): Promise<Actor | null>;
}
