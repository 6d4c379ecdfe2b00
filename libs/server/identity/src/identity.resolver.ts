import { Args, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, ConnectionType, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { GeoService, RegionObject } from '@civicgrid/geo';
import { AuthPayloadObject, ConsentRecordObject, PrivacyNoticeObject, ProxyGrantObject, UserObject } from './graphql/user.object';
import { AddDependantInput, AssignOfficialInput, ChangePasswordInput, GrantProxyInput, LoginInput, LogoutInput, RefreshSessionInput, RegisterInput, ResetPasswordInput, RevokeProxyInput, UpdateProfileInput } from './graphql/identity.inputs';
import { OfficialPostObject } from './graphql/official-post.object';
import { UsersService } from './users.service';
import { UserEntity } from './user.entity';
import { ProxyGrantEntity } from './proxy-grant.entity';
import { OfficialPostEntity } from './official-post.entity';
import { ConsentsService, PRIVACY_NOTICE } from './consents.service';
import { PasswordResetsService } from './password-resets.service';

export const UserConnection = ConnectionType(UserObject, 'User', 'person');

@Resolver(() => UserObject)
export class IdentityResolver {
  constructor(
    private readonly users: UsersService,
    private readonly geo: GeoService,
    private readonly consentRecords: ConsentsService,
    private readonly resets: PasswordResetsService,
  ) {}

  @Public()
  @Allow.anyone()
  @Query(() => PrivacyNoticeObject, { description: 'The privacy notice in force: sign-ups accept this version.' })
  privacyNotice() {
    return PRIVACY_NOTICE;
  }

  @Public()
  @Allow.self()
  @Query(() => UserObject, { nullable: true, description: 'The signed-in person; null when not signed in.' })
  async me(@Ctx() ctx: RequestContext) {
    const actor = await ctx.actor();
    return actor ? this.users.load(ctx, actor.userId) : null;
  }

  @SignedIn()
  @Allow('user.lookupByPhone')
  @Query(() => UserObject, {
    nullable: true,
    description: 'Find a person by mobile number (to name a proxy); the phone comes back masked. Limited to a few look-ups an hour (RATE_LIMITED) and audited.',
  })
  userByPhone(@Ctx() ctx: RequestContext, @Args('phone') phone: string) {
    return this.users.findByPhone(ctx, phone);
  }

  @SignedIn()
  @Allow.self()
  @Query(() => UserConnection, { description: 'Residents who currently let the signed-in person act for them.' })
  proxyResidents(
    @Ctx() ctx: RequestContext,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.users.proxyResidents(ctx, { first, after });
  }

  @Public()
  @Allow.anyone()
  @Mutation(() => AuthPayloadObject, { description: 'Sign up as a resident; signs in at once.' })
  register(@Ctx() ctx: RequestContext, @Args('input') input: RegisterInput) {
    return this.users.register(ctx, input);
  }

  @Public()
  @Allow.anyone()
  @Mutation(() => AuthPayloadObject, {
    description: 'Sign in with phone and password. Repeated failures are refused for a while (RATE_LIMITED); a device that signed in before (deviceToken) counts apart.',
  })
  login(@Ctx() ctx: RequestContext, @Args('input') input: LoginInput) {
    return this.users.login(ctx, input.phone, input.password, input.deviceToken);
  }

  @Public()
  @Allow.anyone()
  @Mutation(() => AuthPayloadObject, { description: 'Trade a refresh token for a new access token and refresh token. UNAUTHENTICATED once the session has ended.' })
  refreshSession(@Ctx() ctx: RequestContext, @Args('input') input: RefreshSessionInput) {
    return this.users.refresh(ctx, input.refreshToken);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => Boolean, { description: 'Sign out: this session ends (or every session, with everywhere) and its tokens stop working at once.' })
  logout(@Ctx() ctx: RequestContext, @Args('input', { nullable: true }) input?: LogoutInput) {
    return this.users.logout(ctx, input?.everywhere ?? false);
  }

  @Public()
  @Allow.anyone()
  @Mutation(() => Boolean, {
    description:
      'Set a new password with the code sent by requestPasswordReset (same rules as register). Every session of the person ends. A wrong, used or expired code is BAD_USER_INPUT on code; five wrong codes spend it. Audited.',
  })
  resetPassword(@Ctx() ctx: RequestContext, @Args('input') input: ResetPasswordInput) {
    return this.resets.reset(ctx, input.phone, input.code, input.newPassword);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => Int, { description: 'Change my password after giving the current one. Every other session of mine ends; answers how many. Audited.' })
  changePassword(@Ctx() ctx: RequestContext, @Args('input') input: ChangePasswordInput) {
    return this.users.changePassword(ctx, input.currentPassword, input.newPassword);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => UserObject, { description: "Change the signed-in person's profile." })
  updateProfile(@Ctx() ctx: RequestContext, @Args('input') input: UpdateProfileInput) {
    return this.users.updateProfile(ctx, input);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => Boolean, { description: 'Let another person act for me (claim shifts, check in), recording my consent. Audited.' })
  grantProxy(@Ctx() ctx: RequestContext, @Args('input') input: GrantProxyInput) {
    return this.users.grantProxy(ctx, input.proxyUserId, input.consentNote);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => UserObject, { description: "Sign up a minor under your account: no phone, no password; you act for them (claims, check-ins) as their proxy. Audited." })
  addDependant(@Ctx() ctx: RequestContext, @Args('input') input: AddDependantInput) {
    return this.users.addDependant(ctx, input);
  }

  @SignedIn()
  @Allow.self()
  @Mutation(() => Boolean, { description: 'Withdraw a proxy consent. Audited.' })
  revokeProxy(@Ctx() ctx: RequestContext, @Args('input') input: RevokeProxyInput) {
    return this.users.revokeProxy(ctx, input.proxyUserId);
  }

  @SignedIn()
  @Allow('official.assign')
  @Mutation(() => OfficialPostObject, { description: 'Give a person an official post over a region subtree (administrators only). Audited.' })
  assignOfficial(@Ctx() ctx: RequestContext, @Args('input') input: AssignOfficialInput) {
    return this.users.assignOfficial(ctx, input.userId, input.regionId, input.title);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Mobile number: masked ("138****5678") unless the viewer is the person, their proxy, or an official in scope (whose read is audited).',
  })
  phone(@Ctx() ctx: RequestContext, @Parent() user: UserEntity) {
    return this.users.phoneFor(ctx, user);
  }

  @ResolveField(() => RegionObject, { nullable: true, description: 'The grid this person leads as grid leader (网格员), if any.' })
  leadsGrid(user: UserEntity, _args: unknown, { ctx }: GraphQLContext) {
    return user.leadsGridId ? this.geo.load(ctx, user.leadsGridId) : null;
  }

  @ResolveField(() => [UserObject], { description: 'Minors signed up under this person\'s account (visible to them and their proxies only).' })
  dependants(user: UserEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.dependantsOf(ctx, user.id);
  }

  @ResolveField(() => UserObject, { nullable: true, description: 'For a minor signed up under a guardian: the guardian.' })
  guardian(user: UserEntity, _args: unknown, { ctx }: GraphQLContext) {
    return user.guardianId ? this.users.load(ctx, user.guardianId) : null;
  }

  @ResolveField(() => [ProxyGrantObject], { description: 'Proxy consents this person gave (visible to them and their proxies only).' })
  proxyGrants(user: UserEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.grantsOf(ctx, user.id);
  }

  @ResolveField(() => String, { nullable: true, description: 'E-mail address for notifications: shown to the person and their proxies only, null for others.' })
  async email(user: UserEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.emailFor(ctx, user);
  }

  @ResolveField(() => [ConsentRecordObject], { description: 'What the person agreed to at sign-up (and since), newest first: visible to the person only.' })
  consents(user: UserEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.consentRecords.of(ctx, user.id);
  }

  @ResolveField(() => [OfficialPostObject], { description: "The person's official posts." })
  officialPosts(user: UserEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.officialPosts(ctx, user.id);
  }
}

@Resolver(() => ProxyGrantObject)
export class ProxyGrantResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => UserObject)
  resident(grant: ProxyGrantEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, grant.residentId);
  }

  @ResolveField(() => UserObject)
  proxy(grant: ProxyGrantEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, grant.proxyId);
  }
}

@Resolver(() => OfficialPostObject)
export class OfficialPostResolver {
  constructor(
    private readonly users: UsersService,
    private readonly geo: GeoService,
  ) {}

  @ResolveField(() => UserObject, { description: 'The official.' })
  user(post: OfficialPostEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, post.userId);
  }

  @ResolveField(() => RegionObject, { description: 'The region subtree the post covers.' })
  region(post: OfficialPostEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.geo.load(ctx, post.regionId);
  }
}
