import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { GeoService, RegionObject } from '@civicgrid/geo';
import { UserObject, UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import {
  CreateOrganizationInput,
  MembershipConnection,
  MembershipObject,
  MembershipStatusEnum,
  OrganizationConnection,
  OrganizationContactObject,
  OrganizationFilter,
  OrganizationObject,
  OrganizationReviewObject,
  RejectOrganizationInput,
  RequestOrganizationInfoInput,
  ResubmitOrganizationInput,
  UpdateOrganizationInput,
} from './graphql/organization.object';
import { MembershipEntity } from './membership.entity';
import { MembershipsService } from './memberships.service';
import { ChangeMemberRoleInput, DecideMembershipInput, InviteMemberInput, JoinOrganizationInput, RemoveMemberInput } from './graphql/membership.inputs';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationObject)
export class OrganizationsResolver {
  constructor(
    private readonly orgs: OrganizationsService,
    private readonly geo: GeoService,
  ) {}

  @Public()
  @Allow.anyone()
  @Query(() => OrganizationObject, { nullable: true, description: 'One organisation by id.' })
  organization(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.orgs.load(ctx, id);
  }

  @Public()
  @Allow.anyone()
  @Query(() => OrganizationConnection, { description: 'The organisation directory, by name.' })
  organizations(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: OrganizationFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.orgs.list(ctx, filter ?? {}, { first, after });
  }

  @SignedIn()
  @Allow('organization.create')
  @Mutation(() => OrganizationObject, { description: 'Register an organisation; the creator becomes OWNER. Street offices and departments only by officials in scope.' })
  createOrganization(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganizationInput) {
    return this.orgs.create(ctx, input);
  }

  @SignedIn()
  @Allow('organization.verify')
  @Mutation(() => OrganizationObject, { description: "Verify an organisation (an official whose region holds the organisation's, or an administrator); its managers are told. Audited." })
  verifyOrganization(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.orgs.verify(ctx, id);
  }

  @SignedIn()
  @Allow('organization.verify')
  @Mutation(() => OrganizationObject, { description: 'Reject an organisation with a reason (an official in scope, or an administrator); its managers are told and may resubmit. Audited.' })
  rejectOrganization(@Ctx() ctx: RequestContext, @Args('input') input: RejectOrganizationInput) {
    return this.orgs.reject(ctx, input.organizationId, input.reason);
  }

  @SignedIn()
  @Allow('organization.verify')
  @Mutation(() => OrganizationObject, { description: 'Ask an organisation for more information before deciding (an official in scope, or an administrator); its managers are told and answer by resubmitting. Audited.' })
  requestOrganizationInfo(@Ctx() ctx: RequestContext, @Args('input') input: RequestOrganizationInfoInput) {
    return this.orgs.requestInfo(ctx, input.organizationId, input.message);
  }

  @SignedIn()
  @Allow('organization.update')
  @Mutation(() => OrganizationObject, { description: "Change an organisation's name, description or registration number (its ADMIN or above). Audited." })
  updateOrganization(@Ctx() ctx: RequestContext, @Args('input') input: UpdateOrganizationInput) {
    return this.orgs.update(ctx, input.organizationId, input);
  }

  @SignedIn()
  @Allow('organization.update')
  @Mutation(() => OrganizationObject, { description: 'Answer a rejection or a request for information (its ADMIN or above): change the details given and send it back to the officials as PENDING. Audited.' })
  resubmitOrganization(@Ctx() ctx: RequestContext, @Args('input') input: ResubmitOrganizationInput) {
    return this.orgs.resubmit(ctx, input.organizationId, input, input.answer);
  }

  @ResolveField(() => OrganizationReviewObject, { nullable: true, description: "The official's last word (reason or question) and the organisation's answer: for its members and the officials who may decide; null for others or before any decision." })
  review(org: OrganizationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.orgs.review(ctx, org);
  }

  @ResolveField(() => OrganizationContactObject, { nullable: true, description: 'The owner and their full phone, for officials whose scope holds the organisation and administrators (each read audited); null for others.' })
  ownerContact(org: OrganizationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.orgs.ownerContact(ctx, org);
  }

  @ResolveField(() => RegionObject, { description: 'The region the organisation serves.' })
  region(org: OrganizationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.geo.load(ctx, org.regionId);
  }

  @ResolveField(() => MembershipConnection, { description: "Members in the order they joined: ACTIVE ones by default; invitations and requests (other statuses) for the organisation's ADMIN or above." })
  members(
    @Ctx() ctx: RequestContext,
    @Parent() org: OrganizationEntity,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
    @Args('status', { type: () => MembershipStatusEnum, nullable: true }) status?: string,
  ) {
    return status && status !== 'ACTIVE' ? this.orgs.membersInStatus(ctx, org.id, status, { first, after }) : this.orgs.members(ctx, org.id, { first, after });
  }
}

@Resolver(() => MembershipObject)
export class MembershipResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly memberships: MembershipsService,
    private readonly users: UsersService,
  ) {}

  @SignedIn()
  @Allow.self()
  @Query(() => [MembershipObject], { description: "The signed-in person's memberships in a status: INVITED for invitations to answer, REQUESTED for requests sent." })
  myMemberships(@Ctx() ctx: RequestContext, @Args('status', { type: () => MembershipStatusEnum }) status: string) {
    return this.memberships.mine(ctx, status as MembershipEntity['status']);
  }

  @SignedIn()
  @Allow('membership.manage', 'membership.manageOwners')
  @Mutation(() => MembershipObject, { description: 'Invite a person by mobile number (ADMIN or above; OWNER to invite an owner).' })
  inviteMember(@Ctx() ctx: RequestContext, @Args('input') input: InviteMemberInput) {
    return this.memberships.invite(ctx, input.organizationId, input.phone, input.role);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => MembershipObject, { description: 'Ask to join an organisation; accepts its invitation if there is one.' })
  joinOrganization(@Ctx() ctx: RequestContext, @Args('input') input: JoinOrganizationInput) {
    return this.memberships.join(ctx, input.organizationId, input.message);
  }

  @SignedIn()
  @Allow.self('membership.manage')
  @Mutation(() => MembershipObject, { description: 'Answer an invitation (the invitee) or a request to join (ADMIN or above).' })
  decideMembership(@Ctx() ctx: RequestContext, @Args('input') input: DecideMembershipInput) {
    return this.memberships.decide(ctx, input.membershipId, input.accept);
  }

  @SignedIn()
  @Allow('membership.manage', 'membership.manageOwners')
  @Mutation(() => MembershipObject, { description: "Change a member's role and title; the last owner cannot be demoted." })
  changeMemberRole(@Ctx() ctx: RequestContext, @Args('input') input: ChangeMemberRoleInput) {
    return this.memberships.changeRole(ctx, input.membershipId, input.role, input.seniorTitle);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => MembershipObject, { description: 'Leave an organisation; the last owner cannot leave.' })
  leaveOrganization(@Ctx() ctx: RequestContext, @Args('organizationId', { type: () => ID }) organizationId: string) {
    return this.memberships.leave(ctx, organizationId);
  }

  @SignedIn()
  @Allow('membership.manage', 'membership.manageOwners')
  @Mutation(() => MembershipObject, { description: 'Remove a member or withdraw an invitation (ADMIN or above); access ends at once.' })
  removeMember(@Ctx() ctx: RequestContext, @Args('input') input: RemoveMemberInput) {
    return this.memberships.remove(ctx, input.membershipId);
  }

  @ResolveField(() => UserObject, { description: 'The member.' })
  user(m: MembershipEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, m.userId);
  }

  @ResolveField(() => OrganizationObject, { description: 'The organisation.' })
  organization(m: MembershipEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, m.organizationId);
  }
}

@Resolver(() => UserObject)
export class UserMembershipsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => [MembershipObject], { description: "The person's active memberships." })
  memberships(user: User, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.membershipsOf(ctx, user.id);
  }
}
