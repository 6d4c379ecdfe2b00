import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, RequestContext, SignedIn } from '@civicgrid/platform';
import { Region, RegionObject } from '@civicgrid/geo';
import { GridLeaderInput } from './graphql/identity.inputs';
import { UserObject } from './graphql/user.object';
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

  @ResolveField(() => [UserObject], {
    description: `The grid leaders (网格员) of a grid, by name (at most ${MAX_GRID_LEADERS}; empty for other levels). Names are public; phones are masked as on every User.`,
  })
  gridLeaders(region: Region, _args: unknown, { ctx }: GraphQLContext) {
    return this.leaders.leadersOf(ctx, region.id);
  }
}
