import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, RequestContext, SignedIn } from '@civicgrid/platform';
import { Region, RegionObject } from '@civicgrid/geo';
import { GridLeaderInput } from './graphql/identity.inputs';
import { UserObject } from './graphql/user.object';
import { GridLeaderContactObject } from './graphql/grid-leader-contact.object';
import { GridLeadersService, MAX_GRID_LEADERS } from './grid-leaders.service';

@Resolver(() => RegionObject)
export class GridLeadersResolver {
  constructor(private readonly leaders: GridLeadersService) {}

  @SignedIn()
  @Allow('gridLeader.appoint')
  @Mutation(() => UserObject, {
    description: `Make a person a grid leader of a GRID (officials whose scope holds it, administrators). A person leads one grid at most (CONFLICT while they lead another: remove them there first); a grid has at most ${MAX_GRID_LEADERS}. They may act for the grid's residents from their next request on, and are told. Audited.`,
  })
  appointGridLeader(@Ctx() ctx: RequestContext, @Args('input') input: GridLeaderInput) {
    return this.leaders.appoint(ctx, input.regionId, input.userId);
  }

  @SignedIn()
  @Allow('gridLeader.appoint')
  @Mutation(() => UserObject, {
    description: 'End a grid leader\'s appointment (NOT_FOUND when the person does not lead this grid). Their powers end with their next request; they are told. Audited.',
  })
  removeGridLeader(@Ctx() ctx: RequestContext, @Args('input') input: GridLeaderInput) {
    return this.leaders.remove(ctx, input.regionId, input.userId);
  }

  @SignedIn()
  @Allow('gridLeader.viewContact')
  @Query(() => [GridLeaderContactObject], {
    description: `The grid leaders of the signed-in person's home grid, each with a phone to call (at most ${MAX_GRID_LEADERS}). Empty when the person has no home or their home is not a grid. Each phone given out is audited.`,
  })
  myGridLeaders(@Ctx() ctx: RequestContext) {
    return this.leaders.contactsForMyGrid(ctx);
  }

  @ResolveField(() => [UserObject], {
    description: `The grid leaders (网格员) of a grid, by name (at most ${MAX_GRID_LEADERS}; empty for other levels). Names are public; phones are masked as on every User.`,
  })
  gridLeaders(region: Region, _args: unknown, { ctx }: GraphQLContext) {
    return this.leaders.leadersOf(ctx, region.id);
  }
}
