import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, RequestContext, SignedIn } from '@civicgrid/platform';
import { UserObject, UsersService } from '@civicgrid/identity';
import { Limits } from '@civicgrid/contracts';
import {
  AddShiftSeriesExceptionInput,
  AddShiftSeriesInput,
  ClaimShiftSeriesInput,
  PreviewShiftSeriesInput,
  StopClaimingShiftSeriesInput,
  UpdateShiftSeriesInput,
} from './graphql/shift-series.inputs';
import { LocalDateScalar, LocalTimeScalar } from './graphql/local-date.scalars';
import {
  ClaimShiftSeriesPayload,
  RecurrenceObject,
  ShiftSeriesClaimObject,
  ShiftSeriesObject,
  ShiftSeriesOccurrenceObject,
  ShiftSeriesPreviewObject,
  UpdateShiftSeriesPayload,
} from './graphql/shift-series.objects';
import { ShiftObject, TaskObject } from './graphql/volunteering.objects';
import { ShiftSeriesClaimEntity, ShiftSeriesEntity } from './shift-series.entity';
import { ShiftSeriesService } from './shift-series.service';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';
import { TasksService } from './tasks.service';

@Resolver(() => ShiftSeriesObject)
export class ShiftSeriesResolver {
  constructor(
    private readonly series: ShiftSeriesService,
    private readonly tasks: TasksService,
  ) {}

  @SignedIn()
  @Allow.anyone()
  @Query(() => ShiftSeriesPreviewObject, { description: 'The occurrences a recurring shift would have, computed as the series itself computes them (for forms).' })
  previewShiftSeries(@Ctx() ctx: RequestContext, @Args('input') input: PreviewShiftSeriesInput) {
    return this.series.preview(ctx, input);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => ShiftSeriesObject, { description: 'Add a recurring shift to a draft or published task (COORDINATOR or above); the occurrences of the coming weeks are made at once, later ones as time goes on.' })
  addShiftSeries(@Ctx() ctx: RequestContext, @Args('input') input: AddShiftSeriesInput) {
    return this.series.add(ctx, input.taskId, input);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => UpdateShiftSeriesPayload, { description: 'Change a recurring shift from one occurrence on ("this and following"): earlier occurrences and their claims stay; claimants of occurrences that move or go are told.' })
  updateShiftSeries(@Ctx() ctx: RequestContext, @Args('input') input: UpdateShiftSeriesInput) {
    return this.series.update(ctx, input);
  }

  @SignedIn()
  @Allow('task.manage')
  @Mutation(() => ShiftSeriesObject, { description: 'Skip one occurrence of a recurring shift (a holiday); if it is made, it is called off and its claimants told.' })
  addShiftSeriesException(@Ctx() ctx: RequestContext, @Args('input') input: AddShiftSeriesExceptionInput) {
    return this.series.addException(ctx, input.seriesId, input.date);
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Mutation(() => ClaimShiftSeriesPayload, { description: 'Claim every occurrence of a recurring shift, those made now (each under the usual rules: a full one waitlists) and those made later.' })
  async claimShiftSeries(@Ctx() ctx: RequestContext, @Args('input') input: ClaimShiftSeriesInput) {
    const r = await this.series.claimEvery(ctx, input.seriesId, input.onBehalfOfUserId);
    return { standingClaim: r.standing, occurrences: r.occurrences };
  }

  @SignedIn()
  @Allow('claim.actAsVolunteer')
  @Mutation(() => ShiftSeriesClaimObject, { description: 'Stop claiming every occurrence of a recurring shift; with cancelClaims, also give up the places on occurrences to come.' })
  stopClaimingShiftSeries(@Ctx() ctx: RequestContext, @Args('input') input: StopClaimingShiftSeriesInput) {
    return this.series.stopClaimingEvery(ctx, input.seriesId, input.onBehalfOfUserId, input.cancelClaims ?? false);
  }

  @ResolveField(() => TaskObject, { description: 'The task.' })
  task(series: ShiftSeriesEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.loadTask(ctx, series.taskId);
  }

  @ResolveField(() => RecurrenceObject, { description: 'How it repeats.' })
  recurrence(series: ShiftSeriesEntity) {
    return this.series.describe(series).recurrence;
  }

  @ResolveField(() => String, { description: 'The whole rule as iCalendar writes it (DTSTART with its zone, RRULE, EXDATE).' })
  iCalendar(series: ShiftSeriesEntity) {
    return this.series.describe(series).iCalendar;
  }

  @ResolveField(() => Date, { description: 'Start of the first occurrence (UTC).' })
  firstStartsAt(series: ShiftSeriesEntity) {
    return this.series.describe(series).firstStartsAt;
  }

  @ResolveField(() => LocalTimeScalar, { description: 'Each occurrence ends at this wall-clock time (the next day when earlier than the start).' })
  endTime(series: ShiftSeriesEntity) {
    return this.series.describe(series).endTime;
  }

  @ResolveField(() => [ShiftSeriesOccurrenceObject], { description: 'The next occurrences from now, with their shifts once made.' })
  nextOccurrences(
    @Ctx() ctx: RequestContext,
    @Parent() series: ShiftSeriesEntity,
    @Args('first', { type: () => Int, nullable: true, description: `How many (1 to ${Limits.shiftSeriesPreviewMax}, default 5).` }) first?: number,
  ) {
    return this.series.upcoming(ctx, series, first ?? 5);
  }

  @ResolveField(() => ShiftSeriesObject, { nullable: true, description: 'The series this one continues after a "this and following" change.' })
  splitFrom(series: ShiftSeriesEntity, _args: unknown, { ctx }: GraphQLContext) {
    return series.splitFromId ? this.series.load(ctx, series.splitFromId) : null;
  }

  @ResolveField(() => ShiftSeriesClaimObject, { nullable: true, description: "The signed-in viewer's standing claim on every occurrence, if any." })
  viewerStandingClaim(series: ShiftSeriesEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.series.viewerStandingClaim(ctx, series.id);
  }
}

@Resolver(() => TaskObject)
export class TaskShiftSeriesResolver {
  constructor(private readonly series: ShiftSeriesService) {}

  @ResolveField(() => [ShiftSeriesObject], { description: 'The recurring shifts, by first occurrence (those a "this and following" change ended included).' })
  shiftSeries(task: TaskEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.series.ofTask(ctx, task.id);
  }
}

@Resolver(() => ShiftObject)
export class ShiftSeriesOfShiftResolver {
  constructor(private readonly seriesService: ShiftSeriesService) {}

  @ResolveField(() => ShiftSeriesObject, { nullable: true, description: 'The recurring shift this is an occurrence of, if any.' })
  series(shift: ShiftEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.seriesService.forShift(ctx, shift);
  }

  @ResolveField(() => LocalDateScalar, { nullable: true, description: "The occurrence's date in its series, if it is one." })
  occurrenceDate(shift: ShiftEntity) {
    return shift.occurrenceDate;
  }
}

@Resolver(() => ShiftSeriesClaimObject)
export class ShiftSeriesClaimResolver {
  constructor(
    private readonly seriesService: ShiftSeriesService,
    private readonly users: UsersService,
  ) {}

  @ResolveField(() => ShiftSeriesObject, { description: 'The recurring shift.' })
  series(claim: ShiftSeriesClaimEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.seriesService.load(ctx, claim.seriesId);
  }

  @ResolveField(() => UserObject, { description: 'The volunteer.' })
  volunteer(claim: ShiftSeriesClaimEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, claim.volunteerId);
  }
}
