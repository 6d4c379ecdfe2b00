import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { GeoService, RegionObject } from '@civicgrid/geo';
import { AllianceEntity, AllianceMemberEntity, AllianceMemberStatus, PledgeActivityEntity } from './alliance.entity';
import { AlliancesService, changeableUntil } from './alliances.service';
import {
  AllianceConnection,
  AllianceMemberActionInput,
  AllianceMemberConnection,
  AllianceMemberObject,
  AllianceMemberStatusEnum,
  AllianceObject,
  ApplyToAllianceInput,
  CreateAllianceInput,
  DecideAllianceApplicationInput,
  DeletePledgeActivityInput,
  PledgeActivityConnection,
  PledgeActivityObject,
  PledgeOptionObject,
  PledgeTotalObject,
  RecordPledgeActivityInput,
  UpdatePledgeActivityInput,
} from './graphql/alliance.objects';
import { unitsOfPledge } from './pledge-units';
import { OrganizationObject } from './graphql/organization.object';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsService } from './organizations.service';

@Resolver(() => AllianceObject)
export class AllianceResolver {
  constructor(
    private readonly alliances: AlliancesService,
    private readonly organizations: OrganizationsService,
    private readonly geo: GeoService,
  ) {}

  @Public()
  @Allow.anyone()
  @Query(() => AllianceObject, { nullable: true, description: 'One alliance by id.' })
  alliance(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.alliances.load(ctx, id);
  }

  @Public()
  @Allow.anyone()
  @Query(() => AllianceConnection, { name: 'alliances', description: 'Alliances, newest first; with regionId, those of that region (its subtree and the areas containing it).' })
  alliancesList(
    @Ctx() ctx: RequestContext,
    @Args('regionId', { type: () => ID, nullable: true }) regionId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.alliances.list(ctx, regionId, { first, after });
  }

  @SignedIn()
  @Allow('alliance.steward')
  @Query(() => AllianceMemberConnection, { description: "Applications the signed-in person may decide: their organisations' alliances, or in their official regions." })
  pendingAllianceApplications(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.alliances.pendingApplications(ctx, { first, after });
  }

  @SignedIn()
  @Allow('alliance.create')
  @Mutation(() => AllianceObject, { description: 'Found an alliance for a street or community, run by a steward organisation.' })
  createAlliance(@Ctx() ctx: RequestContext, @Args('input') input: CreateAllianceInput) {
    return this.alliances.create(ctx, input);
  }

  @SignedIn()
  @Allow('alliance.apply')
  @Mutation(() => AllianceMemberObject, { description: 'Apply to an alliance with the pledges the organisation takes on (its ADMIN or above).' })
  applyToAlliance(@Ctx() ctx: RequestContext, @Args('input') input: ApplyToAllianceInput) {
    return this.alliances.apply(ctx, input.allianceId, input.organizationId, input.pledges);
  }

  @SignedIn()
  @Allow('alliance.steward')
  @Mutation(() => AllianceMemberObject, { description: 'Approve or reject an application (steward ADMIN or above, or an official in scope); a rejection needs a reason.' })
  decideAllianceApplication(@Ctx() ctx: RequestContext, @Args('input') input: DecideAllianceApplicationInput) {
    return this.alliances.decide(ctx, input.allianceMemberId, input.approve, input.reason);
  }

  @SignedIn()
  @Allow('alliance.steward')
  @Mutation(() => AllianceMemberObject, { description: 'Suspend an active member (steward or official in scope).' })
  suspendAllianceMember(@Ctx() ctx: RequestContext, @Args('input') input: AllianceMemberActionInput) {
    return this.alliances.setSuspended(ctx, input.allianceMemberId, true, input.reason);
  }

  @SignedIn()
  @Allow('alliance.steward')
  @Mutation(() => AllianceMemberObject, { description: 'Reinstate a suspended member (steward or official in scope).' })
  reinstateAllianceMember(@Ctx() ctx: RequestContext, @Args('input') input: AllianceMemberActionInput) {
    return this.alliances.setSuspended(ctx, input.allianceMemberId, false, input.reason);
  }

  @SignedIn()
  @Allow('alliance.actForMember')
  @Mutation(() => AllianceMemberObject, { description: 'Leave an alliance, or withdraw an application (the member organisation’s ADMIN or above).' })
  leaveAlliance(@Ctx() ctx: RequestContext, @Args('input') input: AllianceMemberActionInput) {
    return this.alliances.leave(ctx, input.allianceMemberId);
  }

  @SignedIn()
  @Allow('alliance.actForMember')
  @Mutation(() => PledgeActivityObject, { description: 'Record activity on a pledge (an ACTIVE member’s ADMIN or above).' })
  recordPledgeActivity(@Ctx() ctx: RequestContext, @Args('input') input: RecordPledgeActivityInput) {
    return this.alliances.recordActivity(ctx, input);
  }

  @SignedIn()
  @Allow('alliance.changeActivity')
  @Mutation(() => PledgeActivityObject, { description: 'Correct a pledge activity record (the person who recorded it, while an ADMIN of the member, within 24 hours of recording).' })
  updatePledgeActivity(@Ctx() ctx: RequestContext, @Args('input') input: UpdatePledgeActivityInput) {
    const { pledgeActivityId, ...change } = input;
    return this.alliances.updateActivity(ctx, pledgeActivityId, change);
  }

  @SignedIn()
  @Allow('alliance.changeActivity')
  @Mutation(() => PledgeActivityObject, { description: 'Delete a pledge activity record (the person who recorded it, while an ADMIN of the member, within 24 hours of recording); returns it as it was.' })
  deletePledgeActivity(@Ctx() ctx: RequestContext, @Args('input') input: DeletePledgeActivityInput) {
    return this.alliances.deleteActivity(ctx, input.pledgeActivityId);
  }

  @ResolveField(() => [PledgeOptionObject], { description: 'Each pledge option with the units its activity is counted in.' })
  pledgeOptionUnits(@Parent() a: AllianceEntity): PledgeOptionObject[] {
    return a.pledgeOptions.map((pledge) => ({ pledge, units: [...unitsOfPledge(pledge)] }));
  }

  @ResolveField(() => [PledgeTotalObject], { description: "Totals of the members' activity per month, pledge and unit over the last `months` months (6 by default, at most 24), newest first." })
  pledgeTotals(@Ctx() ctx: RequestContext, @Parent() a: AllianceEntity, @Args('months', { type: () => Int, nullable: true }) months?: number) {
    return this.alliances.totals(ctx, 'alliance', a.id, months);
  }

  @ResolveField(() => RegionObject, { description: 'The street or community.' })
  region(a: AllianceEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.geo.load(ctx, a.regionId);
  }

  @ResolveField(() => OrganizationObject, { description: 'The organisation that runs it.' })
  steward(a: AllianceEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, a.stewardId);
  }

  @ResolveField(() => AllianceMemberConnection, { description: 'Members in a status (ACTIVE by default; others for the steward and officials in scope).' })
  members(
    @Ctx() ctx: RequestContext,
    @Parent() a: AllianceEntity,
    @Args('status', { type: () => AllianceMemberStatusEnum, nullable: true }) status?: AllianceMemberStatus,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.alliances.membersOf(ctx, a, status, { first, after });
  }

  @ResolveField(() => PledgeActivityConnection, { description: 'The activity feed, newest first.' })
  activity(
    @Ctx() ctx: RequestContext,
    @Parent() a: AllianceEntity,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.alliances.activity(ctx, a.id, { first, after });
  }
}

@Resolver(() => AllianceMemberObject)
export class AllianceMemberResolver {
  constructor(
    private readonly alliances: AlliancesService,
    private readonly organizations: OrganizationsService,
  ) {}

  @ResolveField(() => AllianceObject, { description: 'The alliance.' })
  alliance(m: AllianceMemberEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.alliances.load(ctx, m.allianceId);
  }

  @ResolveField(() => OrganizationObject, { description: 'The member organisation.' })
  organization(m: AllianceMemberEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, m.organizationId);
  }

  @ResolveField(() => [PledgeTotalObject], { description: "Totals of this member's activity per month, pledge and unit over the last `months` months (6 by default, at most 24), newest first." })
  pledgeTotals(@Ctx() ctx: RequestContext, @Parent() m: AllianceMemberEntity, @Args('months', { type: () => Int, nullable: true }) months?: number) {
    return this.alliances.totals(ctx, 'member', m.id, months);
  }
}

@Resolver(() => PledgeActivityObject)
export class PledgeActivityResolver {
  constructor(private readonly alliances: AlliancesService) {}

  @ResolveField(() => AllianceMemberObject, { description: 'The member who did it.' })
  member(p: PledgeActivityEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.alliances.loadMember(ctx, p.allianceMemberId);
  }

  @ResolveField(() => Date, { description: 'When it was recorded.' })
  recordedAt(p: PledgeActivityEntity): Date {
    return p.createdAt;
  }

  @ResolveField(() => Date, { description: 'Until when its recorder may correct or delete it (a day after recording).' })
  changeableUntil(p: PledgeActivityEntity): Date {
    return changeableUntil(p);
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person may correct or delete it now.' })
  viewerMayChange(p: PledgeActivityEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.alliances.mayChangeActivity(ctx, p);
  }
}

@Resolver(() => OrganizationObject)
export class OrganizationAlliancesResolver {
  constructor(private readonly alliances: AlliancesService) {}

  @ResolveField(() => [AllianceMemberObject], { description: "The organisation's alliance memberships (applications too, for its members)." })
  allianceMemberships(org: OrganizationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.alliances.ofOrganization(ctx, org.id);
  }
}
