import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { GeoService } from '@civicgrid/geo';
import { Allow, GraphQLContext, LiveHub, Public } from '@civicgrid/platform';
import { ShiftObject } from './graphql/volunteering.objects';
import { TasksService } from './tasks.service';
import { SHIFT_UPDATED } from './volunteering.notifier';

interface ShiftUpdated {
  shiftId: string;
  regionPath: string;
}

/** The board's live feed: shifts whose counts or status changed, within a region subtree. */
@Resolver(() => ShiftObject)
export class LiveShiftsResolver {
  constructor(
    private readonly live: LiveHub,
    private readonly geo: GeoService,
    private readonly tasks: TasksService,
  ) {}

  @Public()
  @Allow.anyone()
  @Subscription(() => ShiftObject, {
    description: 'Shifts in the region subtree as their counts or status change (the board). Public, like the board.',
    async filter(this: LiveShiftsResolver, payload: ShiftUpdated, args: { regionId: string }, context: GraphQLContext) {
      const scope = await this.geo.pathOf(context.ctx, args.regionId);
      return !!scope && GeoService.contains(scope, payload.regionPath);
    },
    resolve(this: LiveShiftsResolver, payload: ShiftUpdated, _args: unknown, context: GraphQLContext) {
      context.ctx.clearLoaders(); // this event's counts, not the last one's
      return this.tasks.loadShift(context.ctx, payload.shiftId);
    },
  })
  shiftUpdated(@Args('regionId', { type: () => ID }) _regionId: string) {
    return this.live.iterator<ShiftUpdated>(SHIFT_UPDATED);
  }
}
