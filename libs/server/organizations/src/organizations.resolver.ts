import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { GeoService, RegionObject } from '@civicgrid/geo';
import { UserObject, UsersService } from '@civicgrid/identity';
import type { User } from '@civicgrid/identity';
import {
  CreateOrganizationInput,
  MembershipConnection,
  MembershipObject,
  OrganizationConnection,
  OrganizationFilter,
  OrganizationObject,
} from './graphql/organization.object';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { OrganizationsService } from './organizations.service';

@Resolver(() => OrganizationObject)
export class OrganizationsResolver {
  constructor(
    private readonly orgs: OrganizationsService,
    private readonly geo: GeoService,
  ) {}

  @Public()
  @Query(() => OrganizationObject, { nullable: true, description: 'One organisation by id.' })
  organization(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.orgs.load(ctx, id);
  }

  @Public()
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
  @Mutation(() => OrganizationObject, { description: 'Register an organisation; the creator becomes OWNER. Street offices and departments only by officials in scope.' })
  createOrganization(@Ctx() ctx: RequestContext, @Args('input') input: CreateOrganizationInput) {
    return this.orgs.create(ctx, input);
  }

  @ResolveField(() => RegionObject, { description: 'The region the organisation serves.' })
  region(@Ctx() ctx: RequestContext, @Parent() org: OrganizationEntity) {
    return this.geo.load(ctx, org.regionId);
  }

  @ResolveField(() => MembershipConnection, { description: 'Active members, in the order they joined.' })
  members(
    @Ctx() ctx: RequestContext,
    @Parent() org: OrganizationEntity,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.orgs.members(ctx, org.id, { first, after });
  }
}

@Resolver(() => MembershipObject)
export class MembershipResolver {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => UserObject, { description: 'The member.' })
  user(@Ctx() ctx: RequestContext, @Parent() m: MembershipEntity) {
    return this.users.load(ctx, m.userId);
  }

  @ResolveField(() => OrganizationObject, { description: 'The organisation.' })
  organization(@Ctx() ctx: RequestContext, @Parent() m: MembershipEntity) {
    return this.organizations.load(ctx, m.organizationId);
  }
}

@Resolver(() => UserObject)
export class UserMembershipsResolver {
  constructor(private readonly organizations: OrganizationsService) {}

  @ResolveField(() => [MembershipObject], { description: "The person's active memberships." })
  memberships(@Ctx() ctx: RequestContext, @Parent() user: User) {
    return this.organizations.membershipsOf(ctx, user.id);
  }
}
