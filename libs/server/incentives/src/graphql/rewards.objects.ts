import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsDate, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';
import { REWARD_LIMITS } from '../rewards/reward.entities';

export const RewardStatusEnum = { ACTIVE: 'ACTIVE', PAUSED: 'PAUSED', EXPIRED: 'EXPIRED', SOLD_OUT: 'SOLD_OUT' } as const;
registerEnumType(RewardStatusEnum, {
  name: 'RewardStatus',
  description: 'Whether a reward can be redeemed now.',
  valuesMap: {
    ACTIVE: { description: 'Can be redeemed.' },
    PAUSED: { description: 'Paused by the merchant.' },
    EXPIRED: { description: 'Its validity has passed.' },
    SOLD_OUT: { description: 'No stock left.' },
  },
});

export const RedemptionStatusEnum = { HELD: 'HELD', CONFIRMED: 'CONFIRMED', CANCELLED: 'CANCELLED', EXPIRED: 'EXPIRED' } as const;
registerEnumType(RedemptionStatusEnum, {
  name: 'RedemptionStatus',
  description: 'Where a redemption stands.',
  valuesMap: {
    HELD: { description: 'Points held, the code waiting to be shown at the counter.' },
    CONFIRMED: { description: 'Confirmed at the counter: the points went to the merchant.' },
    CANCELLED: { description: 'Cancelled by the person: points and stock returned.' },
    EXPIRED: { description: 'Not used in time: points and stock returned.' },
  },
});

@ObjectType('Reward', { implements: () => [NodeInterface], description: 'Something an alliance merchant offers for points.' })
export class RewardObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'Title.' })
  title: string;
  @Field(() => String, { nullable: true, description: 'What it is and how to use it.' })
  description: string | null;
  @Field(() => Int, { description: 'Points it costs.' })
  pointsCost: number;
  @Field(() => Int, { description: 'Places left.' })
  stock: number;
  @Field(() => Date, { nullable: true, description: 'Redeemable until then; no end when null.' })
  validUntil: Date | null;
}
export const RewardConnection = ConnectionType(RewardObject, 'Reward', 'reward');

@ObjectType('Redemption', { implements: () => [NodeInterface], description: 'A reward redeemed: points held and a single-use code until the counter confirms it.' })
export class RedemptionObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field(() => Int, { description: 'Points held or paid.' })
  points: number;
  @Field(() => RedemptionStatusEnum, { description: 'Where it stands.' })
  status: string;
  @Field({ description: 'The code is valid until then.' })
  expiresAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the counter confirmed it.' })
  confirmedAt: Date | null;
}
export const RedemptionConnection = ConnectionType(RedemptionObject, 'Redemption', 'redemption');

@ObjectType('SettlementLine', { description: "One reward's confirmed redemptions in a settlement month." })
export class SettlementLineObject {
  rewardId: string;
  @Field(() => Int, { description: 'Confirmed redemptions.' })
  redemptions: number;
  @Field(() => Int, { description: 'Points they paid.' })
  points: number;
}

@ObjectType('SettlementStatement', { description: "A merchant's confirmed redemptions in a month (Asia/Shanghai) and what the alliance owes for them." })
export class SettlementStatementObject {
  merchantId: string;
  @Field({ description: 'YYYY-MM, in Asia/Shanghai.' })
  month: string;
  @Field(() => Int, { description: 'Confirmed redemptions in the month.' })
  redemptions: number;
  @Field(() => Int, { description: 'Points they paid.' })
  points: number;
  @Field(() => Int, { description: "Points × the alliance's rate, in fen (1/100 yuan); 0 while no rate is set." })
  amountFen: number;
  @Field(() => Int, { nullable: true, description: "The alliance's rate used, fen per point; null when none is set (or the rewards' alliances differ in rate)." })
  rateFen: number | null;
  @Field(() => [SettlementLineObject], { description: 'One line per reward.' })
  lines: SettlementLineObject[];
  @Field({ description: 'The same figures as CSV (UTF-8, a header row, a line per reward, a total line).' })
  csv: string;
}

@InputType('RewardFilter', { description: 'Narrows the rewards catalogue.' })
export class RewardFilter {
  @Field(() => ID, { nullable: true, description: "Rewards of alliances in this region's subtree, or whose area holds it." })
  @IsOptional()
  @IsUUID()
  regionId?: string;
  @Field(() => ID, { nullable: true, description: 'Of this alliance.' })
  @IsOptional()
  @IsUUID()
  allianceId?: string;
  @Field(() => ID, { nullable: true, description: "Of this merchant; its ADMIN+ see every status." })
  @IsOptional()
  @IsUUID()
  merchantId?: string;
  @Field(() => Int, { nullable: true, description: 'Costing at most this many points.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  maxPointsCost?: number;
}

@InputType('CreateRewardInput', { description: 'A reward a merchant offers in an alliance it is an active member of.' })
export class CreateRewardInput {
  @Field(() => ID, { description: 'The merchant.' })
  @IsUUID()
  organizationId: string;
  @Field(() => ID, { description: 'The alliance.' })
  @IsUUID()
  allianceId: string;
  @Field({ description: `Title, up to ${REWARD_LIMITS.titleMax} characters.` })
  @IsString()
  @Length(1, REWARD_LIMITS.titleMax)
  title: string;
  @Field(() => String, { nullable: true, description: `Description, up to ${REWARD_LIMITS.descriptionMax} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(REWARD_LIMITS.descriptionMax)
  description?: string;
  @Field(() => Int, { description: `Points it costs, 1 to ${REWARD_LIMITS.pointsCostMax}.` })
  @IsInt()
  @Min(1)
  @Max(REWARD_LIMITS.pointsCostMax)
  pointsCost: number;
  @Field(() => Int, { description: `Places, 0 to ${REWARD_LIMITS.stockMax}.` })
  @IsInt()
  @Min(0)
  @Max(REWARD_LIMITS.stockMax)
  stock: number;
  @Field(() => Date, { nullable: true, description: 'Redeemable until then (in the future); no end when left out.' })
  @IsOptional()
  @IsDate()
  validUntil?: Date;
}

@InputType('UpdateRewardInput', { description: 'Changes to a reward; fields left out stay as they are.' })
export class UpdateRewardInput {
  @Field(() => ID, { description: 'The reward.' })
  @IsUUID()
  rewardId: string;
  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptional()
  @IsString()
  @Length(1, REWARD_LIMITS.titleMax)
  title?: string;
  @Field(() => String, { nullable: true, description: 'Description.' })
  @IsOptional()
  @IsString()
  @MaxLength(REWARD_LIMITS.descriptionMax)
  description?: string;
  @Field(() => Int, { nullable: true, description: 'Points it costs (codes already held keep their price).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(REWARD_LIMITS.pointsCostMax)
  pointsCost?: number;
  @Field(() => Int, { nullable: true, description: 'Places left.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(REWARD_LIMITS.stockMax)
  stock?: number;
  @Field(() => Date, { nullable: true, description: 'Redeemable until then (in the future).' })
  @IsOptional()
  @IsDate()
  validUntil?: Date;
}

@InputType('RedeemRewardInput', { description: 'Redeem a reward: hold its points and get a code.' })
export class RedeemRewardInput {
  @Field(() => ID, { description: 'The reward.' })
  @IsUUID()
  rewardId: string;
  @Field({ description: 'A fresh key per redemption (a UUID): a replay returns the first redemption.' })
  @IsString()
  idempotencyKey: string;
  @Field(() => ID, { nullable: true, description: 'Redeem for this resident, with their points (their proxy).' })
  @IsOptional()
  @IsUUID()
  onBehalfOfUserId?: string;
}

@InputType('ConfirmRedemptionInput', { description: 'A code shown at the counter.' })
export class ConfirmRedemptionInput {
  @Field(() => ID, { description: 'The merchant whose counter it is.' })
  @IsUUID()
  organizationId: string;
  @Field({ description: 'The 8-character code; case, spaces and dashes do not matter.' })
  @IsString()
  @MaxLength(40)
  code: string;
}

@InputType('SetSettlementRateInput', { description: "An alliance's settlement rate." })
export class SetSettlementRateInput {
  @Field(() => ID, { description: 'The alliance.' })
  @IsUUID()
  allianceId: string;
  @Field(() => Int, { description: 'Fen paid to a merchant per point redeemed, 0 to 100 000.' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  fenPerPoint: number;
}
