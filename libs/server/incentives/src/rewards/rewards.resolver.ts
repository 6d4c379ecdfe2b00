import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserObject, UsersService } from '@civicgrid/identity';
import { AllianceObject, AlliancesService, OrganizationObject, OrganizationsService } from '@civicgrid/organizations';
import type { Alliance } from '@civicgrid/organizations';
import { Allow, Ctx, GraphQLContext, Public, RequestContext, SignedIn } from '@civicgrid/platform';
import { RedemptionsService } from './redemptions.service';
import { RedemptionEntity, RewardEntity } from './reward.entities';
import {
  ConfirmRedemptionInput,
  CreateRewardInput,
  RedeemRewardInput,
  RedemptionConnection,
  RedemptionObject,
  RewardConnection,
  RewardFilter,
  RewardObject,
  RewardStatusEnum,
  SetSettlementRateInput,
  SettlementLineObject,
  SettlementStatementObject,
  UpdateRewardInput,
} from '../graphql/rewards.objects';
import { RewardsService } from './rewards.service';
import { SettlementFigures, SettlementService } from './settlement.service';

@Resolver(() => RewardObject)
export class RewardResolver {
  constructor(
    private readonly catalogue: RewardsService,
    private readonly organizations: OrganizationsService,
    private readonly alliances: AlliancesService,
  ) {}

  @Public()
  @Allow.anyone('reward.manage')
  @Query(() => RewardConnection, { description: "The rewards catalogue, newest first: what can be redeemed now; with merchantId, its ADMIN+ see every status." })
  rewards(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => RewardFilter, nullable: true }) filter?: RewardFilter,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.catalogue.list(ctx, filter, { first, after });
  }

  @Public()
  @Allow.anyone()
  @Query(() => RewardObject, { nullable: true, description: 'One reward, whatever its status.' })
  reward(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.catalogue.load(ctx, id);
  }

  @SignedIn()
  @Allow('reward.manage')
  @Mutation(() => RewardObject, { description: "Offer a reward (the merchant's ADMIN+; the merchant ACTIVE in the alliance)." })
  createReward(@Ctx() ctx: RequestContext, @Args('input') input: CreateRewardInput) {
    return this.catalogue.create(ctx, input);
  }

  @SignedIn()
  @Allow('reward.manage')
  @Mutation(() => RewardObject, { description: "Change a reward (the merchant's ADMIN+); codes already held keep their price." })
  updateReward(@Ctx() ctx: RequestContext, @Args('input') input: UpdateRewardInput) {
    return this.catalogue.update(ctx, input);
  }

  @SignedIn()
  @Allow('reward.manage')
  @Mutation(() => RewardObject, { description: "Pause a reward, or offer it again (the merchant's ADMIN+)." })
  setRewardPaused(@Ctx() ctx: RequestContext, @Args('rewardId', { type: () => ID }) rewardId: string, @Args('paused') paused: boolean) {
    return this.catalogue.setPaused(ctx, rewardId, paused);
  }

  @ResolveField(() => OrganizationObject, { description: 'The merchant offering it.' })
  merchant(r: RewardEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, r.merchantId);
  }

  @ResolveField(() => AllianceObject, { description: 'The alliance it is offered in.' })
  alliance(r: RewardEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.alliances.load(ctx, r.allianceId);
  }

  @ResolveField(() => RewardStatusEnum, { description: 'Whether it can be redeemed now.' })
  status(r: RewardEntity) {
    return this.catalogue.status(r);
  }

  @ResolveField(() => Boolean, { description: "Whether the viewer may change and pause it (the merchant's ADMIN+)." })
  viewerCanManage(r: RewardEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.catalogue.viewerCanManage(ctx, r);
  }
}

@Resolver(() => RedemptionObject)
export class RedemptionResolver {
  constructor(
    private readonly redemptions: RedemptionsService,
    private readonly rewards: RewardsService,
    private readonly users: UsersService,
  ) {}

  @SignedIn()
  @Allow.self()
  @Query(() => RedemptionConnection, { description: "The signed-in person's redemptions, and those they made as a proxy, newest first." })
  myRedemptions(@Ctx() ctx: RequestContext, @Args('first', { type: () => Int, nullable: true }) first?: number, @Args('after', { nullable: true }) after?: string) {
    return this.redemptions.mine(ctx, { first, after });
  }

  @SignedIn()
  @Allow('reward.manage')
  @Query(() => RedemptionConnection, { description: "A merchant's redemptions, newest first (its ADMIN+)." })
  merchantRedemptions(
    @Ctx() ctx: RequestContext,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.redemptions.ofMerchant(ctx, organizationId, { first, after });
  }

  @SignedIn()
  @Allow.self('reward.redeem')
  @Mutation(() => RedemptionObject, { description: 'Redeem a reward: holds its points, takes one from stock and returns a code valid for 30 minutes. A proxy may redeem for the resident.' })
  redeemReward(@Ctx() ctx: RequestContext, @Args('input') input: RedeemRewardInput) {
    return this.redemptions.redeem(ctx, input);
  }

  @SignedIn()
  @Allow('redemption.confirm')
  @Mutation(() => RedemptionObject, { description: "Confirm a code at the merchant's counter (any member of the merchant): the held points pass to the merchant, once." })
  confirmRedemption(@Ctx() ctx: RequestContext, @Args('input') input: ConfirmRedemptionInput) {
    return this.redemptions.confirm(ctx, input);
  }

  @SignedIn()
  @Allow.self('reward.redeem')
  @Mutation(() => RedemptionObject, { description: 'Cancel a redemption while it is HELD (the person or their proxy): points and stock return.' })
  cancelRedemption(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string) {
    return this.redemptions.cancel(ctx, id);
  }

  @ResolveField(() => RewardObject, { description: 'The reward.' })
  reward(r: RedemptionEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.rewards.load(ctx, r.rewardId);
  }

  @ResolveField(() => UserObject, { description: 'Whose points paid for it.' })
  user(r: RedemptionEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.users.load(ctx, r.userId);
  }

  @ResolveField(() => String, { nullable: true, description: 'The single-use code: for the person and their proxy only.' })
  code(r: RedemptionEntity, _args: unknown, { ctx }: GraphQLContext) {
    return this.redemptions.codeFor(ctx, r);
  }

  @ResolveField(() => UserObject, { nullable: true, description: "Who confirmed it at the counter." })
  confirmedBy(r: RedemptionEntity, _args: unknown, { ctx }: GraphQLContext) {
    return r.confirmedById ? this.users.load(ctx, r.confirmedById) : null;
  }

  @ResolveField(() => Boolean, { description: 'Whether a proxy redeemed it for the person.' })
  onBehalfOf(r: RedemptionEntity) {
    return r.redeemedById !== r.userId;
  }
}

@Resolver(() => SettlementStatementObject)
export class SettlementResolver {
  constructor(
    private readonly settlement: SettlementService,
    private readonly organizations: OrganizationsService,
  ) {}

  @SignedIn()
  @Allow('settlement.view')
  @Query(() => SettlementStatementObject, { description: "A merchant's settlement for a month (YYYY-MM, Asia/Shanghai): its ADMIN+, the alliance's steward, officials in scope." })
  settlementStatement(@Ctx() ctx: RequestContext, @Args('organizationId', { type: () => ID }) organizationId: string, @Args('month') month: string) {
    return this.settlement.statement(ctx, organizationId, month);
  }

  @SignedIn()
  @Allow('settlement.setRate')
  @Mutation(() => AllianceObject, { description: "Set the alliance's settlement rate in fen per point (the steward's ADMIN+, or an official in scope; audited)." })
  setSettlementRate(@Ctx() ctx: RequestContext, @Args('input') input: SetSettlementRateInput) {
    return this.settlement.setRate(ctx, input);
  }

  @ResolveField(() => OrganizationObject, { description: 'The merchant.' })
  merchant(s: SettlementFigures, _args: unknown, { ctx }: GraphQLContext) {
    return this.organizations.load(ctx, s.merchantId);
  }
}

@Resolver(() => SettlementLineObject)
export class SettlementLineResolver {
  constructor(private readonly rewards: RewardsService) {}

  @ResolveField(() => RewardObject, { description: 'The reward.' })
  reward(l: { rewardId: string }, _args: unknown, { ctx }: GraphQLContext) {
    return this.rewards.load(ctx, l.rewardId);
  }
}

@Resolver(() => AllianceObject)
export class AllianceSettlementResolver {
  @ResolveField(() => Int, { nullable: true, description: 'Fen paid to a merchant per point redeemed; null until the steward sets it.' })
  settlementRateFen(a: Alliance) {
    return a.settlementRateFen ?? null;
  }
}
