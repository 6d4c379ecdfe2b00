import type { Actor, OrganizationRole } from '../context/actor';
import { ORGANIZATION_ROLE_RANK } from '../context/actor';
import { ForbiddenError } from '../errors/domain-errors';

/**
 * The one place where access is decided. Services gather the facts about a resource
 * and ask `can(actor, action, resource)`; resolvers never decide access themselves.
 * Every rule has rows in policy.spec.ts.
 */
export type Action =
  /** create an organisation of the given kind */
  | 'organization.create'
  /** see an organisation's internal things: draft tasks, its members' claims */
  | 'organization.viewInternal'
  /** create, edit, publish and close the organisation's tasks */
  | 'task.manage'
  /** see a shift's check-in code (to show it on site) */
  | 'shift.viewCheckInCode'
  /** see who was invited to a shift and how they answered: the organisation's coordinators */
  | 'shift.viewInvitations'
  /** claim a shift, check in or out as the volunteer: the volunteer or their proxy */
  | 'claim.actAsVolunteer'
  /** see a claim */
  | 'claim.view'
  /** see the profile card of a claim's volunteer (name, skills, hours, attendance; the phone if shared for the shift) */
  | 'claim.viewClaimant'
  /** see where a person stands on shifts (their claim per shift, the board's buttons): the person, or a proxy with a live grant */
  | 'claim.viewStanding'
  /** cancel a claim: the volunteer, their proxy, or the organisation's coordinators */
  | 'claim.cancel'
  /** approve or reject a claim awaiting approval */
  | 'claim.decide'
  /** check a volunteer in on site without the code */
  | 'claim.checkInWithoutCode'
  /** verify or reject someone else's service minutes (checked in or reported), or record hours for them */
  | 'service.verify'
  /** report hours served off the platform: the volunteer or their proxy */
  | 'service.report'
  /** read a person's phone number unmasked */
  | 'user.viewPhone'
  /** see a person's private profile facts (proxy grants, claims) */
  | 'user.viewPrivate'
  /** read what a person agreed to (their consent records): the person only */
  | 'user.viewConsents'
  /**
   * see a person's personal details (availability, home grid, elder mode, languages,
   * birth date, attendance): the person, their proxies, coordinators of organisations
   * they claimed with, officials over their home, administrators
   */
  | 'user.viewDetails'
  /** find a person by phone number (to name a proxy, the need every resident has); limited and audited */
  | 'user.lookupByPhone'
  /** decide an organisation's verification: verify it, reject it or ask for more information */
  | 'organization.verify'
  /** change an organisation's details and resubmit it for verification */
  | 'organization.update'
  /** read the contact (full phone) of an organisation's owner, to judge it for verification */
  | 'organization.viewOwnerContact'
  /** read the audit log */
  | 'audit.read'
  /** give someone an official post over a region */
  | 'official.assign'
  /** create, rename and move regions of the tree */
  | 'region.manage'
  /** appoint or remove the grid leaders of a grid: administrators, officials whose scope holds the grid */
  | 'gridLeader.appoint'
  /**
   * get a grid leader's phone to call them: the residents of the grid they lead (a grid
   * leader's phone is their work contact for their grid), and the leader themselves
   */
  | 'gridLeader.viewContact'
  /** invite members, decide join requests, change roles below owner, remove members */
  | 'membership.manage'
  /** make someone an owner, or demote an owner */
  | 'membership.manageOwners'
  /** found an alliance with the given steward organisation in the given region */
  | 'alliance.create'
  /** apply to an alliance on behalf of an organisation */
  | 'alliance.apply'
  /** decide applications, suspend and reinstate members: the steward or an official in scope */
  | 'alliance.steward'
  /** record pledge activity, or leave, for a member organisation */
  | 'alliance.actForMember'
  /** correct or delete a pledge activity record: the person who recorded it, while still an ADMIN of the member organisation */
  | 'alliance.changeActivity'
  /** act for a resident in the community (publish a need): the resident, their proxy, or the grid leader of their grid */
  | 'resident.actFor'
  /** adopt a resident's need, creating a task */
  | 'need.adopt'
  /** rate a completed task: residents of its area and its volunteers */
  | 'task.review'
  /** see a person's points and time-credit balances and verified minutes: the person, their proxy, an official over their home, administrators */
  | 'incentives.viewBalances'
  /** see a street office's budget and the incentives it issued, all statuses: its officials, administrators */
  | 'budget.view'
  /** allocate points to a street office's budget and change its settings: administrators, officials above the street (district) */
  | 'budget.allocate'
  /** issue an incentive from a street office's budget: the office's officials */
  | 'budget.issue'
  /** approve or reject an incentive above the threshold: an official of the office other than its issuer (two-person rule) */
  | 'budget.decide'
  /** undo a transfer by a REVERSAL, and read anyone's ledger to find it: administrators */
  | 'ledger.reverse'
  /** award an honour in an organisation's name: ADMIN+ of a verified organisation, or an official over the person's home or the organisation */
  | 'honour.award'
  /** approve or reject a service-record certificate: the organisation's ADMIN+, never for themselves */
  | 'certificate.decide'
  /** list, revoke the organisation's certificates and set its seal: its ADMIN+ */
  | 'certificate.manage'
  /** offer, edit and pause a merchant's rewards and see its redemptions: the merchant's ADMIN+ */
  | 'reward.manage'
  /** redeem a reward with a person's points, see its code, cancel it: the person or their proxy */
  | 'reward.redeem'
  /** confirm a redemption code at the merchant's counter: any member of the merchant */
  | 'redemption.confirm'
  /** read a merchant's monthly settlement statement: its ADMIN+, the alliance steward's ADMIN+, officials over the alliance */
  | 'settlement.view'
  /** set an alliance's settlement rate: the steward's ADMIN+, officials over the alliance */
  | 'settlement.setRate';

/** What the policy needs to know about the thing acted on. */
export interface Resource {
  /** the organisation that owns the resource */
  organizationId?: string;
  /** the organisation's kind, for creation */
  organizationKind?: string;
  /** the person concerned (volunteer of a claim, owner of a phone number) */
  userId?: string;
  /** materialised region path of the resource (`/district/street/...`) */
  regionPath?: string | null;
  /** whether the actor served on the task (for reviews) */
  isVolunteer?: boolean;
  /** organisations the person concerned has claimed shifts with */
  claimedWithOrganizationIds?: readonly string[];
  /** who reported the hours being decided (the volunteer or their proxy) */
  reportedById?: string;
  /** whether the organisation acting is verified (honours carry its name) */
  organizationVerified?: boolean;
  /** region path of the organisation acting, when the rule looks at it besides the person's */
  organizationRegionPath?: string | null;
  /** the steward organisation of the alliance concerned (a merchant's settlement) */
  stewardOrganizationId?: string;
}

/** On what ground access was granted: some grounds must be audited (an official reading PII). */
export type Basis = 'self' | 'proxy' | 'gridLeader' | 'resident' | 'membership' | 'official' | 'admin' | 'anyone';
export interface Decision {
  allowed: boolean;
  basis?: Basis;
}

const DENY: Decision = { allowed: false };
const allow = (basis: Basis): Decision => ({ allowed: true, basis });

/** Kinds that only officials (or administrators) may register: they carry public authority. */
const AUTHORITY_KINDS = new Set(['STREET_OFFICE', 'DEPARTMENT']);

function orgRoleAtLeast(actor: Actor, organizationId: string | undefined, min: OrganizationRole): boolean {
  if (!organizationId) return false;
  const role = actor.memberships.get(organizationId);
  return !!role && ORGANIZATION_ROLE_RANK[role] >= ORGANIZATION_ROLE_RANK[min];
}

/** True when `path` lies in the subtree rooted at `scope` (or is it). */
export function within(scope: string, path: string): boolean {
  return path === scope || path.startsWith(scope.endsWith('/') ? scope : scope + '/');
}

function inOfficialScope(actor: Actor, regionPath: string | null | undefined): boolean {
  if (actor.role !== 'OFFICIAL' || !regionPath) return false;
  return actor.officialScopes.some((scope) => within(scope, regionPath));
}

/** Officials whose scope lies strictly above the path (a district's officials over its streets). */
function officialAbove(actor: Actor, regionPath: string | null | undefined): boolean {
  if (actor.role !== 'OFFICIAL' || !regionPath) return false;
  return actor.officialScopes.some((scope) => scope !== regionPath && within(scope, regionPath));
}

function selfOrProxy(actor: Actor, userId: string | undefined): Decision | undefined {
  if (!userId) return undefined;
  if (actor.userId === userId) return allow('self');
  if (actor.proxyFor.has(userId)) return allow('proxy');
  return undefined;
}

type Rule = (actor: Actor, r: Resource) => Decision;

const RULES: Record<Action, Rule> = {
  'organization.create': (a, r) => {
    if (!AUTHORITY_KINDS.has(r.organizationKind ?? '')) return allow('anyone');
    if (a.role === 'ADMIN') return allow('admin');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'organization.viewInternal': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'MEMBER') ? allow('membership') : DENY),
  'task.manage': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'shift.viewCheckInCode': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'shift.viewInvitations': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'claim.actAsVolunteer': (a, r) => selfOrProxy(a, r.userId) ?? DENY,
  'claim.viewStanding': (a, r) => selfOrProxy(a, r.userId) ?? DENY,
  'claim.view': (a, r) => selfOrProxy(a, r.userId) ?? (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  // The organisers judge who claimed their shifts; another organisation's coordinators have no business there.
  'claim.viewClaimant': (a, r) => selfOrProxy(a, r.userId) ?? (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'claim.cancel': (a, r) => selfOrProxy(a, r.userId) ?? (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'claim.decide': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'claim.checkInWithoutCode': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  // Nobody verifies their own hours, nor hours they reported for someone else.
  'service.verify': (a, r) => (r.userId !== a.userId && r.reportedById !== a.userId && orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'service.report': (a, r) => selfOrProxy(a, r.userId) ?? DENY,
  'user.viewPhone': (a, r) => {
    const own = selfOrProxy(a, r.userId);
    if (own) return own;
    if (inOfficialScope(a, r.regionPath)) return allow('official');
    return a.role === 'ADMIN' ? allow('admin') : DENY;
  },
  'user.viewPrivate': (a, r) => selfOrProxy(a, r.userId) ?? DENY,
  // What a person agreed to is theirs alone: a proxy acts for them but did not consent for them.
  'user.viewConsents': (a, r) => (r.userId && a.userId === r.userId ? allow('self') : DENY),
  'user.viewDetails': (a, r) => {
    const own = selfOrProxy(a, r.userId);
    if (own) return own;
    if (a.role === 'ADMIN') return allow('admin');
    if (inOfficialScope(a, r.regionPath)) return allow('official');
    return r.claimedWithOrganizationIds?.some((org) => orgRoleAtLeast(a, org, 'COORDINATOR')) ? allow('membership') : DENY;
  },
  'user.lookupByPhone': () => allow('anyone'),
  'organization.verify': (a, r) => {
    if (a.role === 'ADMIN') return allow('admin');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'organization.update': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('membership') : DENY),
  'organization.viewOwnerContact': (a, r) => {
    if (a.role === 'ADMIN') return allow('admin');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'audit.read': (a) => (a.role === 'ADMIN' ? allow('admin') : DENY),
  'official.assign': (a) => (a.role === 'ADMIN' ? allow('admin') : DENY),
  'region.manage': (a) => (a.role === 'ADMIN' ? allow('admin') : DENY),
  'gridLeader.appoint': (a, r) => {
    if (a.role === 'ADMIN') return allow('admin');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'gridLeader.viewContact': (a, r) => {
    if (a.userId === r.userId) return allow('self');
    // Residents of the grid: home in the leader's grid (a grid is a leaf of the tree).
    return a.homeRegionPath && r.regionPath && within(r.regionPath, a.homeRegionPath) ? allow('resident') : DENY;
  },
  'membership.manage': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('membership') : DENY),
  'membership.manageOwners': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'OWNER') ? allow('membership') : DENY),
  'alliance.create': (a, r) => {
    if (orgRoleAtLeast(a, r.organizationId, 'ADMIN')) return allow('membership');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'alliance.apply': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('membership') : DENY),
  'alliance.steward': (a, r) => {
    if (orgRoleAtLeast(a, r.organizationId, 'ADMIN')) return allow('membership');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'alliance.actForMember': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('membership') : DENY),
  // A record is its recorder's statement: colleagues and the steward do not rewrite it.
  'alliance.changeActivity': (a, r) => (r.userId === a.userId && orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('self') : DENY),
  'resident.actFor': (a, r) => {
    const own = selfOrProxy(a, r.userId);
    if (own) return own;
    // A grid leader may act for residents of the grid they lead (some have no phone to consent with).
    return a.leadsGridPath && r.regionPath && within(a.leadsGridPath, r.regionPath) ? allow('gridLeader') : DENY;
  },
  'need.adopt': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'COORDINATOR') ? allow('membership') : DENY),
  'task.review': (a, r) => {
    if (r.isVolunteer) return allow('self');
    const home = a.homeRegionPath;
    // Residents of the task's area: home inside the task's region, or the task inside the home region.
    return home && r.regionPath && (within(r.regionPath, home) || within(home, r.regionPath)) ? allow('self') : DENY;
  },
  'incentives.viewBalances': (a, r) => {
    const own = selfOrProxy(a, r.userId);
    if (own) return own;
    if (a.role === 'ADMIN') return allow('admin');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'budget.view': (a, r) => {
    if (a.role === 'ADMIN') return allow('admin');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  // Whoever spends a budget does not fill it: the street's own officials cannot allocate to themselves.
  'budget.allocate': (a, r) => {
    if (a.role === 'ADMIN') return allow('admin');
    return officialAbove(a, r.regionPath) ? allow('official') : DENY;
  },
  'budget.issue': (a, r) => (inOfficialScope(a, r.regionPath) ? allow('official') : DENY),
  // The second pair of eyes is never the issuer's (r.userId).
  'budget.decide': (a, r) => (r.userId !== a.userId && inOfficialScope(a, r.regionPath) ? allow('official') : DENY),
  'ledger.reverse': (a) => (a.role === 'ADMIN' ? allow('admin') : DENY),
  // Nobody honours themselves; an unverified organisation's name carries no weight.
  'honour.award': (a, r) => {
    if (r.userId && r.userId === a.userId) return DENY;
    if (r.organizationVerified && orgRoleAtLeast(a, r.organizationId, 'ADMIN')) return allow('membership');
    return inOfficialScope(a, r.regionPath) || inOfficialScope(a, r.organizationRegionPath) ? allow('official') : DENY;
  },
  // 谁记录谁证明: the organisation vouches for its own records, and nobody certifies themselves.
  'certificate.decide': (a, r) => (r.userId !== a.userId && orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('membership') : DENY),
  'certificate.manage': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('membership') : DENY),
  'reward.manage': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'ADMIN') ? allow('membership') : DENY),
  'reward.redeem': (a, r) => selfOrProxy(a, r.userId) ?? DENY,
  // Whoever stands at the counter confirms: the merchant's staff need no management role.
  'redemption.confirm': (a, r) => (orgRoleAtLeast(a, r.organizationId, 'MEMBER') ? allow('membership') : DENY),
  'settlement.view': (a, r) => {
    if (orgRoleAtLeast(a, r.organizationId, 'ADMIN') || orgRoleAtLeast(a, r.stewardOrganizationId, 'ADMIN')) return allow('membership');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
  'settlement.setRate': (a, r) => {
    if (orgRoleAtLeast(a, r.organizationId, 'ADMIN')) return allow('membership');
    return inOfficialScope(a, r.regionPath) ? allow('official') : DENY;
  },
};

export const ACTIONS = Object.keys(RULES) as Action[];

export function decide(actor: Actor | undefined, action: Action, resource: Resource = {}): Decision {
  if (!actor) return DENY;
  return RULES[action](actor, resource);
}

export function can(actor: Actor | undefined, action: Action, resource: Resource = {}): boolean {
  return decide(actor, action, resource).allowed;
}

/** Throws FORBIDDEN unless allowed; returns the decision so callers can audit its basis. */
export function authorize(actor: Actor | undefined, action: Action, resource: Resource = {}): Decision {
  const d = decide(actor, action, resource);
  if (!d.allowed) throw new ForbiddenError(`forbidden.${action}`, `You are not allowed to ${describe(action)}`);
  return d;
}

function describe(action: Action): string {
  const [thing, verb] = action.split('.');
  return `${verb.replace(/([A-Z])/g, ' $1').toLowerCase()} (${thing})`;
}
