import { Args, Int, Mutation, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { UsersService } from '@civicgrid/identity';
import { Allow, Ctx, GraphQLContext, LiveHub, RequestContext, SignedIn } from '@civicgrid/platform';
import { MarkNotificationsReadInput, NotificationConnection, NotificationObject, NotificationSettingsObject, UpdateNotificationSettingsInput } from './graphql/notification.objects';
import { NotificationEntity } from './notification.entity';
import { NOTIFICATION_ADDED, NotificationsService } from './notifications.service';

interface Added {
  userId: string;
  notificationId: string;
}

@Resolver(() => NotificationObject)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    private readonly live: LiveHub,
  ) {}

  @SignedIn()
  @Allow.self()
  @Query(() => NotificationConnection, { name: 'notifications', description: "The signed-in person's inbox, newest first." })
  inbox(
    @Ctx() ctx: RequestContext,
    @Args('unreadOnly', { nullable: true }) unreadOnly?: boolean,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.notifications.inbox(ctx, unreadOnly ?? false, { first, after });
  }

  @SignedIn()
  @Allow.self()
  @Query(() => Int, { description: 'How many notifications of the signed-in person are unread (the bell).' })
  unreadNotificationCount(@Ctx() ctx: RequestContext) {
    return this.notifications.unreadCount(ctx);
  }

  @SignedIn()
  @Allow.self()
  @Query(() => NotificationSettingsObject, { description: "The signed-in person's channels per kind and quiet hours." })
  notificationSettings(@Ctx() ctx: RequestContext) {
    return this.notifications.settings(ctx);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => Int, { description: 'Mark some (ids) or all of my notifications read; answers how many were marked.' })
  markNotificationsRead(@Ctx() ctx: RequestContext, @Args('input') input: MarkNotificationsReadInput) {
    return this.notifications.markRead(ctx, input);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => NotificationSettingsObject, { description: 'Choose channels per kind and the quiet hours for SMS.' })
  updateNotificationSettings(@Ctx() ctx: RequestContext, @Args('input') input: UpdateNotificationSettingsInput) {
    return this.notifications.updateSettings(ctx, input);
  }

  @SignedIn()
  @Allow.self()
  @Subscription(() => NotificationObject, {
    description: 'Each new notification of the signed-in person, as it arrives (authenticated on connection_init).',
    // The person's session is checked again for each notification: one ended since the
    // socket signed in (signed out, password changed) gets nothing more.
    async filter(payload: Added, _args: unknown, context: GraphQLContext) {
      if (payload.userId !== context.ctx.userId) return false;
      context.ctx.refreshActor();
      return !!(await context.ctx.actor());
    },
    resolve(this: NotificationsResolver, payload: Added, _args: unknown, context: GraphQLContext) {
      context.ctx.clearLoaders();
      return this.notifications.load(context.ctx, payload.notificationId);
    },
  })
  notificationAdded() {
    return this.live.iterator<Added>(NOTIFICATION_ADDED);
  }

  @ResolveField(() => String)
  async title(n: NotificationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.notifications.rendered(ctx, n, await this.viewer(ctx))).title;
  }

  @ResolveField(() => String)
  async body(n: NotificationEntity, _args: unknown, { ctx }: GraphQLContext) {
    return (await this.notifications.rendered(ctx, n, await this.viewer(ctx))).body;
  }

  private async viewer(ctx: RequestContext) {
    return ctx.userId ? this.users.load(ctx, ctx.userId) : null;
  }
}
