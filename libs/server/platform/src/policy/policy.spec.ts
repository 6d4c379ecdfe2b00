import { ErrorCode } from '@civicgrid/contracts';
import type { Actor, GlobalRole, OrganizationRole } from '../context/actor';
import { ForbiddenError } from '../errors/domain-errors';
import { Action, ACTIONS, authorize, Basis, can, decide, Decision, Resource } from './policy';

// The organisation the resources belong to, another one, and the person concerned.
const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER_ORG = '22222222-2222-4222-8222-222222222222';
const VOLUNTEER = '33333333-3333-4333-8333-333333333333';

// Region paths: the resource lies in a grid under street `/d/s`; `/d/s2` is a sibling street.
const STREET = '/d/s';
const OTHER_STREET = '/d/s2';
const GRID = '/d/s/c/g';

function actor(
  userId: string,
  over: { role?: GlobalRole; memberships?: [string, OrganizationRole][]; proxyFor?: string[]; officialScopes?: string[]; homeRegionPath?: string; leadsGridPath?: string } = {},
): Actor {
  return {
    userId,
    role: over.role ?? 'RESIDENT',
    memberships: new Map(over.memberships ?? []),
    proxyFor: new Set(over.proxyFor ?? []),
    officialScopes: over.officialScopes ?? [],
    homeRegionPath: over.homeRegionPath ?? null,
    leadsGridPath: over.leadsGridPath ?? null,
  };
}

const ACTORS = {
  anonymous: undefined,
  resident: actor('a0000000-0000-4000-8000-000000000001'),
  self: actor(VOLUNTEER),
  proxy: actor('a0000000-0000-4000-8000-000000000002', { proxyFor: [VOLUNTEER] }),
  member: actor('a0000000-0000-4000-8000-000000000003', { memberships: [[ORG, 'MEMBER']] }),
  coordinator: actor('a0000000-0000-4000-8000-000000000004', { memberships: [[ORG, 'COORDINATOR']] }),
  orgAdmin: actor('a0000000-0000-4000-8000-000000000005', { memberships: [[ORG, 'ADMIN']] }),
  owner: actor('a0000000-0000-4000-8000-000000000006', { memberships: [[ORG, 'OWNER']] }),
  otherCoordinator: actor('a0000000-0000-4000-8000-000000000007', { memberships: [[OTHER_ORG, 'COORDINATOR']] }),
  officialInScope: actor('a0000000-0000-4000-8000-000000000008', { role: 'OFFICIAL', officialScopes: [STREET] }),
  officialOutOfScope: actor('a0000000-0000-4000-8000-000000000009', { role: 'OFFICIAL', officialScopes: [OTHER_STREET] }),
  admin: actor('a0000000-0000-4000-8000-00000000000a', { role: 'ADMIN' }),
  gridLeader: actor('a0000000-0000-4000-8000-00000000000f', { leadsGridPath: GRID }),
  neighbour: actor('a0000000-0000-4000-8000-000000000010', { homeRegionPath: GRID }),
} satisfies Record<string, Actor | undefined>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** A claim, shift, task or phone number of VOLUNTEER, owned by ORG, in GRID. */
const RESOURCE: Resource = { organizationId: ORG, userId: VOLUNTEER, regionPath: GRID };

/**
 * For each action and resource: the actors allowed and on what basis. Every actor not
 * listed is denied. Each entry expands into one row per actor fixture.
 */
const MATRIX: { action: Action; resource: Resource; label: string; allowed: Partial<Record<ActorName, Basis>> }[] = [
  {
    action: 'organization.create',
    label: 'an NGO',
    resource: { organizationKind: 'NGO', regionPath: GRID },
    allowed: {
      resident: 'anyone',
      self: 'anyone',
      proxy: 'anyone',
      member: 'anyone',
      coordinator: 'anyone',
      orgAdmin: 'anyone',
      owner: 'anyone',
      otherCoordinator: 'anyone',
      officialInScope: 'anyone',
      officialOutOfScope: 'anyone',
      admin: 'anyone',
      gridLeader: 'anyone',
      neighbour: 'anyone',
    },
  },
  { action: 'organization.create', label: 'a street office', resource: { organizationKind: 'STREET_OFFICE', regionPath: GRID }, allowed: { officialInScope: 'official', admin: 'admin' } },
  { action: 'organization.create', label: 'a department', resource: { organizationKind: 'DEPARTMENT', regionPath: GRID }, allowed: { officialInScope: 'official', admin: 'admin' } },
  { action: 'organization.viewInternal', label: 'the organisation', resource: { organizationId: ORG }, allowed: { member: 'membership', coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'task.manage', label: 'a task of the organisation', resource: { organizationId: ORG }, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'shift.viewCheckInCode', label: 'a shift of the organisation', resource: { organizationId: ORG }, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'shift.viewInvitations', label: 'a shift of the organisation', resource: { organizationId: ORG }, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'claim.actAsVolunteer', label: "the volunteer's claim", resource: RESOURCE, allowed: { self: 'self', proxy: 'proxy' } },
  { action: 'claim.viewStanding', label: "the volunteer's claims per shift", resource: RESOURCE, allowed: { self: 'self', proxy: 'proxy' } },
  {
    action: 'claim.view',
    label: "the volunteer's claim",
    resource: RESOURCE,
    allowed: { self: 'self', proxy: 'proxy', coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' },
  },
  {
    action: 'claim.cancel',
    label: "the volunteer's claim",
    resource: RESOURCE,
    allowed: { self: 'self', proxy: 'proxy', coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' },
  },
  {
    action: 'claim.viewClaimant',
    label: "the volunteer of a claim on the organisation's shift",
    resource: RESOURCE,
    allowed: { self: 'self', proxy: 'proxy', coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' },
  },
  { action: 'claim.decide', label: "the volunteer's claim", resource: RESOURCE, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'claim.checkInWithoutCode', label: "the volunteer's claim", resource: RESOURCE, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'service.verify', label: "the volunteer's service", resource: RESOURCE, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'service.verify', label: "the organisation's reports awaiting a decision", resource: { organizationId: ORG }, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'service.report', label: "the volunteer's hours served off the platform", resource: { organizationId: ORG, userId: VOLUNTEER }, allowed: { self: 'self', proxy: 'proxy' } },
  { action: 'user.viewPhone', label: "the volunteer's phone", resource: { userId: VOLUNTEER, regionPath: GRID }, allowed: { self: 'self', proxy: 'proxy', officialInScope: 'official', admin: 'admin' } },
  { action: 'user.viewPrivate', label: "the volunteer's profile", resource: { userId: VOLUNTEER, regionPath: GRID }, allowed: { self: 'self', proxy: 'proxy' } },
  { action: 'user.viewConsents', label: "the volunteer's consents", resource: { userId: VOLUNTEER, regionPath: GRID }, allowed: { self: 'self' } },
  {
    action: 'user.viewDetails',
    label: "the details of a volunteer who claimed with the organisation",
    resource: { userId: VOLUNTEER, regionPath: GRID, claimedWithOrganizationIds: [ORG] },
    allowed: { self: 'self', proxy: 'proxy', coordinator: 'membership', orgAdmin: 'membership', owner: 'membership', officialInScope: 'official', admin: 'admin' },
  },
  {
    action: 'user.viewDetails',
    label: 'the details of a volunteer who never claimed with it',
    resource: { userId: VOLUNTEER, regionPath: GRID, claimedWithOrganizationIds: [] },
    allowed: { self: 'self', proxy: 'proxy', officialInScope: 'official', admin: 'admin' },
  },
  {
    action: 'user.lookupByPhone',
    label: 'a phone number',
    resource: {},
    allowed: {
      resident: 'anyone',
      self: 'anyone',
      proxy: 'anyone',
      member: 'anyone',
      coordinator: 'anyone',
      orgAdmin: 'anyone',
      owner: 'anyone',
      otherCoordinator: 'anyone',
      officialInScope: 'anyone',
      officialOutOfScope: 'anyone',
      admin: 'anyone',
      gridLeader: 'anyone',
      neighbour: 'anyone',
    },
  },
  { action: 'organization.verify', label: 'the organisation', resource: { organizationId: ORG, regionPath: GRID }, allowed: { officialInScope: 'official', admin: 'admin' } },
  { action: 'organization.update', label: "the organisation's details", resource: { organizationId: ORG, regionPath: GRID }, allowed: { orgAdmin: 'membership', owner: 'membership' } },
  { action: 'organization.viewOwnerContact', label: "the organisation's owner", resource: { organizationId: ORG, regionPath: GRID }, allowed: { officialInScope: 'official', admin: 'admin' } },
  { action: 'audit.read', label: 'the audit log', resource: {}, allowed: { admin: 'admin' } },
  { action: 'official.assign', label: 'a post', resource: { userId: VOLUNTEER, regionPath: STREET }, allowed: { admin: 'admin' } },
  { action: 'region.manage', label: 'a region', resource: { regionPath: GRID }, allowed: { admin: 'admin' } },
  { action: 'gridLeader.appoint', label: 'a leader of the grid', resource: { userId: VOLUNTEER, regionPath: GRID }, allowed: { officialInScope: 'official', admin: 'admin' } },
  { action: 'gridLeader.viewContact', label: 'the phone of a leader of the grid', resource: { userId: VOLUNTEER, regionPath: GRID }, allowed: { self: 'self', neighbour: 'resident' } },
  { action: 'membership.manage', label: 'a member of the organisation', resource: { organizationId: ORG }, allowed: { orgAdmin: 'membership', owner: 'membership' } },
  { action: 'membership.manageOwners', label: 'an owner of the organisation', resource: { organizationId: ORG }, allowed: { owner: 'membership' } },
  { action: 'alliance.create', label: 'an alliance stewarded by the organisation', resource: { organizationId: ORG, regionPath: STREET }, allowed: { orgAdmin: 'membership', owner: 'membership', officialInScope: 'official' } },
  { action: 'alliance.apply', label: 'an application of the organisation', resource: { organizationId: ORG }, allowed: { orgAdmin: 'membership', owner: 'membership' } },
  { action: 'alliance.steward', label: "an application to the organisation's alliance", resource: { organizationId: ORG, regionPath: STREET }, allowed: { orgAdmin: 'membership', owner: 'membership', officialInScope: 'official' } },
  { action: 'alliance.actForMember', label: "the organisation's alliance membership", resource: { organizationId: ORG }, allowed: { orgAdmin: 'membership', owner: 'membership' } },
  {
    action: 'alliance.changeActivity',
    label: "pledge activity the organisation's admin recorded",
    resource: { organizationId: ORG, userId: 'a0000000-0000-4000-8000-000000000005' },
    allowed: { orgAdmin: 'self' },
  },
  { action: 'resident.actFor', label: 'the volunteer living in the grid', resource: { userId: VOLUNTEER, regionPath: GRID }, allowed: { self: 'self', proxy: 'proxy', gridLeader: 'gridLeader' } },
  { action: 'need.adopt', label: 'a need, for the organisation', resource: { organizationId: ORG }, allowed: { coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' } },
  { action: 'task.review', label: 'a task in the grid, not having served on it', resource: { regionPath: GRID, isVolunteer: false }, allowed: { neighbour: 'self' } },
  { action: 'incentives.viewBalances', label: "the volunteer's balances", resource: { userId: VOLUNTEER, regionPath: GRID }, allowed: { self: 'self', proxy: 'proxy', officialInScope: 'official', admin: 'admin' } },
  { action: 'budget.view', label: "the street office's budget", resource: { organizationId: ORG, regionPath: STREET }, allowed: { officialInScope: 'official', admin: 'admin' } },
  // The street's own officials spend the budget and so may not fill it.
  { action: 'budget.allocate', label: "the street office's budget", resource: { organizationId: ORG, regionPath: STREET }, allowed: { admin: 'admin' } },
  { action: 'budget.issue', label: "the street office's budget", resource: { organizationId: ORG, regionPath: STREET }, allowed: { officialInScope: 'official' } },
  { action: 'budget.decide', label: 'an incentive the volunteer issued', resource: { organizationId: ORG, regionPath: STREET, userId: VOLUNTEER }, allowed: { officialInScope: 'official' } },
  { action: 'ledger.reverse', label: 'a transfer', resource: { userId: VOLUNTEER }, allowed: { admin: 'admin' } },
  {
    action: 'honour.award',
    label: 'an honour for the volunteer living in the grid, in the verified organisation\'s name',
    resource: { organizationId: ORG, organizationVerified: true, userId: VOLUNTEER, regionPath: GRID, organizationRegionPath: OTHER_STREET },
    allowed: { orgAdmin: 'membership', owner: 'membership', officialInScope: 'official', officialOutOfScope: 'official' },
  },
  {
    action: 'honour.award',
    label: "an honour in an unverified organisation's name",
    resource: { organizationId: ORG, organizationVerified: false, userId: VOLUNTEER, regionPath: GRID, organizationRegionPath: GRID },
    allowed: { officialInScope: 'official' },
  },
  { action: 'certificate.decide', label: "the volunteer's certificate from the organisation", resource: { organizationId: ORG, userId: VOLUNTEER }, allowed: { orgAdmin: 'membership', owner: 'membership' } },
  { action: 'certificate.manage', label: "the organisation's certificates", resource: { organizationId: ORG }, allowed: { orgAdmin: 'membership', owner: 'membership' } },
  { action: 'reward.manage', label: "the merchant's rewards", resource: { organizationId: ORG, regionPath: STREET }, allowed: { orgAdmin: 'membership', owner: 'membership' } },
  { action: 'reward.redeem', label: "a redemption with the volunteer's points", resource: { userId: VOLUNTEER, organizationId: ORG, regionPath: GRID }, allowed: { self: 'self', proxy: 'proxy' } },
  {
    action: 'redemption.confirm',
    label: "a code at the merchant's counter",
    resource: { organizationId: ORG, regionPath: STREET },
    allowed: { member: 'membership', coordinator: 'membership', orgAdmin: 'membership', owner: 'membership' },
  },
  {
    action: 'settlement.view',
    label: "the merchant's statement, OTHER_ORG stewarding",
    resource: { organizationId: ORG, stewardOrganizationId: OTHER_ORG, regionPath: STREET },
    allowed: { orgAdmin: 'membership', owner: 'membership', officialInScope: 'official' },
  },
  { action: 'settlement.setRate', label: 'the rate of an alliance ORG stewards', resource: { organizationId: ORG, regionPath: STREET }, allowed: { orgAdmin: 'membership', owner: 'membership', officialInScope: 'official' } },
];

type Row = [Action, ActorName | string, string, Actor | undefined, Resource, Decision];

const MATRIX_ROWS: Row[] = MATRIX.flatMap(({ action, label, resource, allowed }) =>
  ACTOR_NAMES.map((name): Row => {
    const basis = allowed[name];
    return [action, name, label, ACTORS[name], resource, basis ? { allowed: true, basis } : { allowed: false }];
  }),
);

/** Edge cases of single rules, beyond the matrix. */
const EDGE_ROWS: Row[] = [
  // The steward's administrators read its merchants' statements; its coordinators do not.
  ['settlement.view', 'steward admin', "a member merchant's statement", actor('a0000000-0000-4000-8000-000000000011', { memberships: [[OTHER_ORG, 'ADMIN']] }), { organizationId: ORG, stewardOrganizationId: OTHER_ORG, regionPath: STREET }, { allowed: true, basis: 'membership' }],
  ['settlement.view', 'otherCoordinator', "a member merchant's statement as the steward's coordinator", ACTORS.otherCoordinator, { organizationId: ORG, stewardOrganizationId: OTHER_ORG, regionPath: STREET }, { allowed: false }],
  // A proxy redeems with the resident's points, not with anyone else's.
  ['reward.redeem', 'proxy', "someone else's points", ACTORS.proxy, { userId: 'a0000000-0000-4000-8000-000000000012' }, { allowed: false }],
  // A district's officials fill its streets' budgets; an official of one street does not fill another's, nor a district's.
  ['budget.allocate', 'district official', "a street office's budget", actor('a0000000-0000-4000-8000-00000000000c', { role: 'OFFICIAL', officialScopes: ['/d'] }), { regionPath: STREET }, { allowed: true, basis: 'official' }],
  ['budget.allocate', 'officialOutOfScope', "another street's budget", ACTORS.officialOutOfScope, { regionPath: STREET }, { allowed: false }],
  ['budget.allocate', 'district official', 'the district itself', actor('a0000000-0000-4000-8000-00000000000c', { role: 'OFFICIAL', officialScopes: ['/d'] }), { regionPath: '/d' }, { allowed: false }],
  // Two-person rule: the issuer never decides their own incentive.
  ['budget.decide', 'officialInScope', 'an incentive they issued', ACTORS.officialInScope, { regionPath: STREET, userId: ACTORS.officialInScope.userId }, { allowed: false }],
  ['budget.issue', 'admin', 'a budget (administrators fund, officials issue)', ACTORS.admin, { regionPath: STREET }, { allowed: false }],
  // Nobody verifies their own hours, whatever their role.
  ['service.verify', 'coordinator', 'their own service', ACTORS.coordinator, { organizationId: ORG, userId: ACTORS.coordinator.userId }, { allowed: false }],
  ['service.verify', 'owner', 'their own service', ACTORS.owner, { organizationId: ORG, userId: ACTORS.owner.userId }, { allowed: false }],
  ['service.verify', 'coordinator', 'hours they reported as a proxy', ACTORS.coordinator, { organizationId: ORG, userId: VOLUNTEER, reportedById: ACTORS.coordinator.userId }, { allowed: false }],
  ['service.verify', 'coordinator', 'hours the volunteer reported', ACTORS.coordinator, { organizationId: ORG, userId: VOLUNTEER, reportedById: VOLUNTEER }, { allowed: true, basis: 'membership' }],
  // Hours served off the platform are reported by the person or their proxy only, never by a coordinator in their name.
  ['service.report', 'self', 'a report naming nobody', ACTORS.self, { organizationId: ORG }, { allowed: false }],
  ['service.report', 'coordinator', 'their own hours for their own organisation', ACTORS.coordinator, { organizationId: ORG, userId: ACTORS.coordinator.userId }, { allowed: true, basis: 'self' }],
  // Organisation roles decide without a person concerned; self/proxy need one.
  ['claim.cancel', 'coordinator', 'a claim without a volunteer', ACTORS.coordinator, { organizationId: ORG }, { allowed: true, basis: 'membership' }],
  ['claim.actAsVolunteer', 'self', 'a claim without a volunteer', ACTORS.self, { organizationId: ORG }, { allowed: false }],
  ['claim.viewStanding', 'self', 'claims of no one named', ACTORS.self, { organizationId: ORG }, { allowed: false }],
  ['claim.view', 'otherCoordinator', 'a claim of their own organisation', ACTORS.otherCoordinator, { organizationId: OTHER_ORG, userId: VOLUNTEER }, { allowed: true, basis: 'membership' }],
  // Being the person and their proxy at once: self wins.
  ['user.viewPhone', 'self who is also a proxy', 'their own phone', actor(VOLUNTEER, { proxyFor: [VOLUNTEER] }), { userId: VOLUNTEER }, { allowed: true, basis: 'self' }],
  // Official scope is a subtree: the scope itself counts, a sibling with the same prefix does not.
  ['user.viewPhone', 'officialInScope', 'a phone at the scope itself', ACTORS.officialInScope, { userId: VOLUNTEER, regionPath: STREET }, { allowed: true, basis: 'official' }],
  ['user.viewPhone', 'officialInScope', 'a phone in a sibling street sharing the prefix', ACTORS.officialInScope, { userId: VOLUNTEER, regionPath: `${STREET}2/c` }, { allowed: false }],
  ['user.viewPhone', 'official with a trailing-slash scope', 'a phone in the subtree', actor('a0000000-0000-4000-8000-00000000000b', { role: 'OFFICIAL', officialScopes: [`${STREET}/`] }), { userId: VOLUNTEER, regionPath: GRID }, { allowed: true, basis: 'official' }],
  ['user.viewPhone', 'officialInScope', 'a phone with no known region', ACTORS.officialInScope, { userId: VOLUNTEER }, { allowed: false }],
  ['user.viewPhone', 'officialInScope', 'a phone with a null region', ACTORS.officialInScope, { userId: VOLUNTEER, regionPath: null }, { allowed: false }],
  ['user.viewPhone', 'official with two posts', 'a phone under the second post', actor('a0000000-0000-4000-8000-00000000000c', { role: 'OFFICIAL', officialScopes: [OTHER_STREET, STREET] }), { userId: VOLUNTEER, regionPath: GRID }, { allowed: true, basis: 'official' }],
  // Scopes count only while the person holds the OFFICIAL role.
  ['organization.verify', 'resident with a stale scope', 'an organisation in that scope', actor('a0000000-0000-4000-8000-00000000000d', { officialScopes: [STREET] }), { organizationId: ORG, regionPath: GRID }, { allowed: false }],
  ['organization.create', 'department staff', 'a department', actor('a0000000-0000-4000-8000-00000000000e', { role: 'DEPARTMENT_STAFF' }), { organizationKind: 'DEPARTMENT', regionPath: GRID }, { allowed: false }],
  ['organization.create', 'officialInScope', 'a street office with no region', ACTORS.officialInScope, { organizationKind: 'STREET_OFFICE' }, { allowed: false }],
  ['organization.create', 'officialInScope', 'a street office at the scope itself', ACTORS.officialInScope, { organizationKind: 'STREET_OFFICE', regionPath: STREET }, { allowed: true, basis: 'official' }],
  ['organization.create', 'admin', 'a street office with no region', ACTORS.admin, { organizationKind: 'STREET_OFFICE' }, { allowed: true, basis: 'admin' }],
  // Organisation roles only count for their own organisation, and none without one.
  ['task.manage', 'owner', 'a task with no organisation', ACTORS.owner, {}, { allowed: false }],
  ['organization.viewInternal', 'owner', 'another organisation', ACTORS.owner, { organizationId: OTHER_ORG }, { allowed: false }],
  ['shift.viewInvitations', 'owner', "another organisation's shift", ACTORS.owner, { organizationId: OTHER_ORG }, { allowed: false }],
  ['shift.viewInvitations', 'owner', 'a shift with no organisation', ACTORS.owner, {}, { allowed: false }],
  // Reviews: volunteers of the task always; residents of the area in either direction.
  ['task.review', 'resident', 'a task they served on', ACTORS.resident, { regionPath: OTHER_STREET, isVolunteer: true }, { allowed: true, basis: 'self' }],
  ['task.review', 'neighbour', 'a task of their whole street', ACTORS.neighbour, { regionPath: STREET }, { allowed: true, basis: 'self' }],
  ['task.review', 'neighbour', 'a task in another street', ACTORS.neighbour, { regionPath: OTHER_STREET }, { allowed: false }],
  // A grid leader acts only for residents of their grid.
  ['resident.actFor', 'gridLeader', 'a resident of another street', ACTORS.gridLeader, { userId: VOLUNTEER, regionPath: `${OTHER_STREET}/c/g` }, { allowed: false }],
  ['resident.actFor', 'gridLeader', 'a resident with no home region', ACTORS.gridLeader, { userId: VOLUNTEER }, { allowed: false }],
  // Officials appoint grid leaders for grids in their scope only, and only while they hold the role.
  ['gridLeader.appoint', 'officialInScope', 'a grid of a sibling street sharing the prefix', ACTORS.officialInScope, { userId: VOLUNTEER, regionPath: `${STREET}2/c/g` }, { allowed: false }],
  ['gridLeader.appoint', 'officialInScope', 'a grid with no known path', ACTORS.officialInScope, { userId: VOLUNTEER }, { allowed: false }],
  ['gridLeader.appoint', 'resident with a stale scope', 'a grid in that scope', actor('a0000000-0000-4000-8000-000000000011', { officialScopes: [STREET] }), { userId: VOLUNTEER, regionPath: GRID }, { allowed: false }],
  ['gridLeader.appoint', 'gridLeader', 'their own grid', ACTORS.gridLeader, { userId: VOLUNTEER, regionPath: GRID }, { allowed: false }],
  // A grid leader's phone goes to the residents of their grid only: not to a neighbouring grid, nor to the street above it.
  ['gridLeader.viewContact', 'resident of another grid', 'the phone of a leader of the grid', actor('a0000000-0000-4000-8000-000000000012', { homeRegionPath: '/d/s/c/g2' }), { userId: VOLUNTEER, regionPath: GRID }, { allowed: false }],
  ['gridLeader.viewContact', 'resident living at street level', 'the phone of a leader of a grid in the street', actor('a0000000-0000-4000-8000-000000000013', { homeRegionPath: STREET }), { userId: VOLUNTEER, regionPath: GRID }, { allowed: false }],
  ['gridLeader.viewContact', 'officialInScope', 'the phone of a leader of a grid in scope (through this action)', ACTORS.officialInScope, { userId: VOLUNTEER, regionPath: GRID }, { allowed: false }],
  ['gridLeader.viewContact', 'neighbour', 'a leader with no known grid', ACTORS.neighbour, { userId: VOLUNTEER }, { allowed: false }],
  // Officials steward alliances in their scope only.
  ['alliance.steward', 'officialOutOfScope', 'an alliance of another street', ACTORS.officialOutOfScope, { organizationId: ORG, regionPath: STREET }, { allowed: false }],
  // Pledge activity: only its recorder changes it, and only while still an ADMIN of the member.
  ['alliance.changeActivity', 'recorder since made a MEMBER', 'activity they recorded', actor(VOLUNTEER, { memberships: [[ORG, 'MEMBER']] }), { organizationId: ORG, userId: VOLUNTEER }, { allowed: false }],
  ['alliance.changeActivity', 'recorder who is ADMIN elsewhere', 'activity they recorded for ORG', actor(VOLUNTEER, { memberships: [[OTHER_ORG, 'ADMIN']] }), { organizationId: ORG, userId: VOLUNTEER }, { allowed: false }],
  ['alliance.changeActivity', 'owner', "activity the organisation's admin recorded", ACTORS.owner, { organizationId: ORG, userId: VOLUNTEER }, { allowed: false }],
  ['alliance.changeActivity', 'recorder still OWNER', 'activity they recorded', actor(VOLUNTEER, { memberships: [[ORG, 'OWNER']] }), { organizationId: ORG, userId: VOLUNTEER }, { allowed: true, basis: 'self' }],
  // A claimant's card is for the organisers of that claim's shift only, whatever else the viewer coordinates.
  ['claim.viewClaimant', 'otherCoordinator', "a claim on another organisation's shift", ACTORS.otherCoordinator, RESOURCE, { allowed: false }],
  ['claim.viewClaimant', 'member', 'a claim on their organisation, as a plain member', ACTORS.member, RESOURCE, { allowed: false }],
  // Officials judge organisations of their scope only: a sibling street sharing the prefix is not theirs.
  ['organization.viewOwnerContact', 'officialInScope', 'an organisation of a sibling street sharing the prefix', ACTORS.officialInScope, { organizationId: ORG, regionPath: `${STREET}2/c/g` }, { allowed: false }],
  ['organization.verify', 'officialOutOfScope', 'an organisation of another street', ACTORS.officialOutOfScope, { organizationId: ORG, regionPath: GRID }, { allowed: false }],
  // A global ADMIN gets nothing inside an organisation from that role alone.
  ['claim.decide', 'admin', "the volunteer's claim", ACTORS.admin, RESOURCE, { allowed: false }],
  ['incentives.viewBalances', 'officialInScope', 'balances of a person living in a sibling street sharing the prefix', ACTORS.officialInScope, { userId: VOLUNTEER, regionPath: `${STREET}2/c/g` }, { allowed: false }],
  ['incentives.viewBalances', 'otherCoordinator', 'balances of a person with no home given', ACTORS.otherCoordinator, { userId: VOLUNTEER, regionPath: null }, { allowed: false }],
  // Nobody honours or certifies themselves, whatever their role.
  ['honour.award', 'orgAdmin', 'an honour for themselves', ACTORS.orgAdmin, { organizationId: ORG, organizationVerified: true, userId: ACTORS.orgAdmin.userId }, { allowed: false }],
  ['honour.award', 'officialInScope', 'an honour for themselves', ACTORS.officialInScope, { organizationId: ORG, userId: ACTORS.officialInScope.userId, regionPath: GRID }, { allowed: false }],
  ['honour.award', 'officialInScope', "an honour for someone of another street in a street organisation's name", ACTORS.officialInScope, { organizationId: OTHER_ORG, userId: VOLUNTEER, regionPath: OTHER_STREET, organizationRegionPath: STREET }, { allowed: true, basis: 'official' }],
  ['honour.award', 'admin', 'an honour, with no organisation role', ACTORS.admin, { organizationId: ORG, organizationVerified: true, userId: VOLUNTEER }, { allowed: false }],
  ['certificate.decide', 'owner', 'their own certificate', ACTORS.owner, { organizationId: ORG, userId: ACTORS.owner.userId }, { allowed: false }],
  ['certificate.decide', 'otherCoordinator', "another organisation's certificate", actor('a0000000-0000-4000-8000-000000000011', { memberships: [[OTHER_ORG, 'ADMIN']] }), { organizationId: ORG, userId: VOLUNTEER }, { allowed: false }],
  ['certificate.manage', 'admin', "an organisation's certificates, with no organisation role", ACTORS.admin, { organizationId: ORG }, { allowed: false }],
];

const TABLE: Row[] = [...MATRIX_ROWS, ...EDGE_ROWS];

describe('policy', () => {
  describe('decide', () => {
    it.each(TABLE)('should decide %s as the table says when %s acts on %s', (action, _name, _label, who, resource, expected) => {
      expect(decide(who, action, resource)).toEqual(expected);
    });
  });

  describe('can', () => {
    it.each(TABLE)('should answer %s like decide when %s acts on %s', (action, _name, _label, who, resource, expected) => {
      expect(can(who, action, resource)).toBe(expected.allowed);
    });
  });

  describe('authorize', () => {
    const allowedRows = TABLE.filter((r) => r[5].allowed);
    const deniedRows = TABLE.filter((r) => !r[5].allowed);

    it.each(allowedRows)('should return the decision of %s when %s is allowed on %s', (action, _name, _label, who, resource, expected) => {
      expect(authorize(who, action, resource)).toEqual(expected);
    });

    it.each(deniedRows)('should throw FORBIDDEN for %s when %s is denied on %s', (action, _name, _label, who, resource) => {
      let thrown: unknown;
      try {
        authorize(who, action, resource);
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(ForbiddenError);
      expect(thrown).toMatchObject({ code: ErrorCode.FORBIDDEN, key: `forbidden.${action}` });
      expect((thrown as Error).message).toMatch(/^You are not allowed to /);
    });

    it('should throw a ForbiddenError with code FORBIDDEN when nobody is signed in', () => {
      expect(() => authorize(undefined, 'audit.read')).toThrow(ForbiddenError);
      expect(() => authorize(undefined, 'audit.read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', key: 'forbidden.audit.read' }));
    });

    it('should describe the action readably when it refuses', () => {
      expect(() => authorize(ACTORS.resident, 'claim.checkInWithoutCode', RESOURCE)).toThrow('You are not allowed to check in without code (claim)');
    });
  });

  describe('the table', () => {
    it('should have rows for every action in ACTIONS when a rule is added', () => {
      const covered = new Set(TABLE.map((r) => r[0]));
      expect(ACTIONS.filter((a) => !covered.has(a))).toEqual([]);
    });

    it('should have every actor fixture in a row of every action when the matrix is built', () => {
      for (const action of ACTIONS) {
        const names = new Set(MATRIX_ROWS.filter((r) => r[0] === action).map((r) => r[1]));
        expect({ action, missing: ACTOR_NAMES.filter((n) => !names.has(n)) }).toEqual({ action, missing: [] });
      }
    });

    it('should allow someone and deny someone for every action when the rule is not trivial', () => {
      for (const action of ACTIONS) {
        const rows = TABLE.filter((r) => r[0] === action);
        expect({ action, allowsSomeone: rows.some((r) => r[5].allowed), deniesSomeone: rows.some((r) => !r[5].allowed) }).toEqual({ action, allowsSomeone: true, deniesSomeone: true });
      }
    });

    it('should deny an anonymous caller every action when no actor is given', () => {
      for (const action of ACTIONS) expect(decide(undefined, action, { organizationKind: 'NGO', ...RESOURCE })).toEqual({ allowed: false });
    });
  });
});
