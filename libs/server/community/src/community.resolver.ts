import { Args, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { GeoService, RegionObject } from '@civicgrid/geo';
import { UserObject, UsersService } from '@civicgrid/identity';
import { OrganizationObject, OrganizationsService } from '@civicgrid/organizations';
import { TaskObject, TasksService } from '@civicgrid/volunteering';
import type { Task } from '@civicgrid/volunteering';
import { AdoptNeedInput, NeedConnection, NeedFilter, NeedObject, PublishNeedInput, ReviewTaskInput, TaskReviewConnection, TaskReviewObject } from './graphql/community.objects';
import { NeedEntity } from './need.entity';
import { NeedsService } from './needs.service';
import { ReviewsService } from './reviews.service';
import { TaskReviewEntity } from './task-review.entity';

@Resolver(() => NeedObject)
export class NeedResolver {
  constructor(
    private readonly needsService: NeedsService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly tasks: TasksService,
    private readonly geo: GeoService,
  ) {}

  @Public()
  @Allow.anyone()
  @Query(() => NeedConnection, { description: 'The needs board, newest first.' })
  needs(
    @Ctx() ctx: RequestContext,
    @Args('filter', { nullable: true }) filter?: NeedFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.needsService.list(ctx, filter ?? {}, { first, after });
  }

  @Public()
  @Allow.anyone()
  @Query(() => NeedObject, { nullable: true, description: 'One need by id.' })
  need(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.needsService.load(ctx, id);
  }

  @SignedIn()
  @Allow('resident.actFor')
  @Mutation(() => NeedObject, { description: 'Post a need, for oneself or (as proxy or grid leader) for a resident.' })
  publishNeed(@Ctx() ctx: RequestContext, @Args('input') input: PublishNeedInput) {
    return this.needsService.publish(ctx, input);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => NeedObject, { description: 'Support a need (+1), once per person.' })
  supportNeed(@Ctx() ctx: RequestContext, @Args('needId', { type: () => ID }) needId: string) {
    return this.needsService.support(ctx, needId);
  }

  @SignedIn()
  @Allow('need.adopt')
  @Mutation(() => TaskObject, { description: 'Adopt a need for an organisation (COORDINATOR or above): creates a DRAFT task linked to it.' })
  adoptNeed(@Ctx() ctx: RequestContext, @Args('input') input: AdoptNeedInput) {
    return this.needsService.adopt(ctx, input.needId, input.organizationId);
  }

  @SignedIn()
  @Allow.self('resident.actFor')
  @Mutation(() => NeedObject, { description: 'Withdraw an open need (its poster, or the resident’s proxy).' })
  closeNeed(@Ctx() ctx: RequestContext, @Args('needId', { type: () => ID }) needId: string) {
    return this.needsService.close(ctx, needId);
  }

  @ResolveField(() => RegionObject, { description: 'Where.' })
  region(n: NeedEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.geo.load(ctx, n.regionId);
  }

  @ResolveField(() => UserObject, { description: 'Who posted it (their phone masked as the privacy rules say).' })
  postedBy(n: NeedEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, n.postedById);
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'The resident a grid leader or proxy posted for.' })
  onBehalfOf(n: NeedEntity, _args: unknown, { ctx }: GraphQLContext) {
    return n.onBehalfOfId ? this.users.load(ctx, n.onBehalfOfId) : null;
  }

  @ResolveField(() => OrganizationObject, { nullable: true, description: 'The organisation that adopted it.' })
  adoptedBy(n: NeedEntity, _args: unknown, { ctx }: GraphQLContext) {
    return n.adoptedById ? this.organizations.load(ctx, n.adoptedById) : null;
  }

  @ResolveField(() => TaskObject, { nullable: true, description: 'The task that answers it (a draft only for its organisation).' })
  task(n: NeedEntity, _args: unknown, { ctx }: GraphQLContext) {
    return n.taskId ? this.tasks.visibleTask(ctx, n.taskId) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in viewer supports it.' })
  viewerSupports(n: NeedEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.needsService.viewerSupports(ctx, n.id);
  }
}

@Resolver(() => TaskReviewObject)
export class TaskReviewResolver {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly tasks: TasksService,
    private readonly users: UsersService,
  ) {}

  @SignedIn()
  @Allow('task.review')
  @Mutation(() => TaskReviewObject, { description: "Rate a completed task 1–5, once: residents of the task's area and its volunteers." })
  reviewTask(@Ctx() ctx: RequestContext, @Args('input') input: ReviewTaskInput) {
    return this.reviews.review(ctx, input.taskId, input.rating, input.comment);
  }

  @ResolveField(() => TaskObject, { description: 'The task.' })
  task(r: TaskReviewEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.tasks.loadTask(ctx, r.taskId);
  }

  @ResolveField(() => UserObject, { description: 'Who rated it.' })
  reviewer(r: TaskReviewEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, r.reviewerId);
  }
}

@Resolver(() => TaskObject)
export class TaskCommunityResolver {
  constructor(
    private readonly reviewsService: ReviewsService,
    private readonly needsService: NeedsService,
  ) {}

  @ResolveField(() => NeedObject, { nullable: true, description: "The resident's need this task answers." })
  need(t: Task, _args: unknown, { ctx }: GraphQLContext) {
    return this.needsService.forTask(ctx, t.id);
  }

  @ResolveField(() => TaskReviewConnection, { description: 'Ratings, newest first.' })
  reviews(
    @Ctx() ctx: RequestContext,
    @Parent() t: Task,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.reviewsService.list(ctx, t.id, { first, after });
  }

  @ResolveField(() => TaskReviewObject, { nullable: true, description: "The signed-in viewer's own rating of the task (one each); null when they have not rated it or nobody is signed in." })
  viewerReview(t: Task, _args: unknown, { ctx }: GraphQLContext) {
    return this.reviewsService.viewerReview(ctx, t.id);
  }

  @ResolveField(() => Float, { nullable: true, description: 'Average rating; null before the first.' })
  averageRating(t: Task, _args: unknown, { ctx }: GraphQLContext) {
    return this.reviewsService.average(ctx, t.id);
  }
}
