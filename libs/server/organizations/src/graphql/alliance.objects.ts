import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsNumber, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';
import { PLEDGE_UNITS } from '../pledge-units';

export const AllianceMemberStatusEnum = { APPLIED: 'APPLIED', ACTIVE: 'ACTIVE', REJECTED: 'REJECTED', SUSPENDED: 'SUSPENDED', LEFT: 'LEFT' } as const;
registerEnumType(AllianceMemberStatusEnum, { name: 'AllianceMemberStatus', description: "Where an organisation stands in an alliance." });

export const PledgeUnitEnum = Object.fromEntries(PLEDGE_UNITS.map((u) => [u, u])) as { [U in (typeof PLEDGE_UNITS)[number]]: U };
registerEnumType(PledgeUnitEnum, {
  name: 'PledgeUnit',
  description: 'A unit pledge activity is counted in; clients show it in the reader’s language. `PledgeActivity.unit` and `RecordPledgeActivityInput.unit` carry these codes.',
});

@ObjectType('PledgeOption', { description: 'A pledge an alliance offers, with the units its activity is counted in.' })
export class PledgeOptionObject {
  @Field({ description: 'The pledge code, e.g. SAFETY_PATROL.' })
  pledge: string;
  @Field(() => [PledgeUnitEnum], { description: 'Units activity on it may be recorded in; the first is the usual one.' })
  units: string[];
}

@ObjectType('PledgeTotal', { description: 'How much was done on a pledge in one unit during one month (Asia/Shanghai).' })
export class PledgeTotalObject {
  @Field({ description: 'The month, YYYY-MM.' })
  month: string;
  @Field({ description: 'The pledge code.' })
  pledge: string;
  @Field(() => PledgeUnitEnum, { description: 'The unit.' })
  unit: string;
  @Field(() => Float, { description: 'The sum of the quantities.' })
  quantity: number;
  @Field(() => Int, { description: 'How many records it adds up.' })
  records: number;
}

@ObjectType('Alliance', { implements: () => [NodeInterface], description: 'A street merchant alliance (商家联盟): organisations of a street or community that take on pledges together.' })
export class AllianceObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'Name.' })
  name: string;
  @Field(() => String, { nullable: true, description: 'The name in English, when it has one (shown to readers in English).' })
  nameEn: string | null;
  @Field({ description: 'What members commit to.' })
  charter: string;
  @Field(() => [String], { description: 'Pledges members may take on, e.g. WASTE_SORTING, SAFETY_PATROL, VOLUNTEER_DISCOUNT, ELDER_MEALS.' })
  pledgeOptions: string[];
  @Field({ description: 'When it was founded.' })
  createdAt: Date;
}

@ObjectType('AllianceMember', { description: "An organisation's application to, or membership of, an alliance." })
export class AllianceMemberObject {
  @Field(() => ID, { description: 'Id of the membership.' })
  id: string;
  @Field(() => AllianceMemberStatusEnum, { description: 'Status.' })
  status: string;
  @Field(() => [String], { description: 'Pledges taken on.' })
  pledges: string[];
  @Field(() => Date, { nullable: true, description: 'When the application was approved.' })
  joinedAt: Date | null;
  @Field(() => String, { nullable: true, description: 'Reason given with a rejection or suspension.' })
  decisionReason: string | null;
  @Field({ description: 'When the application was made.' })
  createdAt: Date;
}

@ObjectType('PledgeActivity', { description: 'Something a member did on a pledge.' })
export class PledgeActivityObject {
  @Field(() => ID, { description: 'Id.' })
  id: string;
  @Field({ description: 'The pledge it fulfils.' })
  pledge: string;
  @Field(() => String, { nullable: true, description: 'What was done.' })
  note: string | null;
  @Field(() => Float, { nullable: true, description: 'How much, e.g. 12.5 (with unit KG); more than zero. Empty only on records from before units were listed.' })
  quantity: number | null;
  @Field(() => String, { nullable: true, description: 'Unit of the quantity: a PledgeUnit code (KG, ROUND, YUAN, …) from the pledge’s units.' })
  unit: string | null;
  @Field({ description: 'When it happened.' })
  occurredAt: Date;
}

export const AllianceConnection = ConnectionType(AllianceObject, 'Alliance', 'alliance');
export const AllianceMemberConnection = ConnectionType(AllianceMemberObject, 'AllianceMember', 'alliance member');
export const PledgeActivityConnection = ConnectionType(PledgeActivityObject, 'PledgeActivity', 'pledge activity');

@InputType('CreateAllianceInput', { description: 'Found an alliance for a street or community.' })
export class CreateAllianceInput {
  @Field({ description: 'Name.' })
  @IsString()
  @Length(1, 80)
  name: string;
  @Field({ nullable: true, description: 'The name in English (optional).' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  nameEn?: string;
  @Field(() => ID, { description: 'A STREET or COMMUNITY.' })
  @IsUUID()
  regionId: string;
  @Field({ description: 'The charter.' })
  @IsString()
  @Length(1, 4000)
  charter: string;
  @Field(() => [String], { description: 'Pledges members may take on.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  pledgeOptions: string[];
  @Field(() => ID, { description: 'The organisation that runs it (you must be its ADMIN or above, or an official in scope).' })
  @IsUUID()
  stewardOrganizationId: string;
}

@InputType('ApplyToAllianceInput', { description: 'Apply to an alliance for an organisation (its ADMIN or above).' })
export class ApplyToAllianceInput {
  @Field(() => ID, { description: 'The alliance.' })
  @IsUUID()
  allianceId: string;
  @Field(() => ID, { description: 'The applying organisation.' })
  @IsUUID()
  organizationId: string;
  @Field(() => [String], { description: 'Pledges taken on, from the alliance’s options.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  pledges: string[];
}

@InputType('DecideAllianceApplicationInput', { description: 'Approve or reject an application (the steward’s ADMIN or above, or an official in scope).' })
export class DecideAllianceApplicationInput {
  @Field(() => ID, { description: 'The application.' })
  @IsUUID()
  allianceMemberId: string;
  @Field({ description: 'True to approve.' })
  @IsBoolean()
  approve: boolean;
  @Field({ nullable: true, description: 'Why; required to reject.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@InputType('AllianceMemberActionInput', { description: 'Act on an alliance membership (suspend, reinstate, leave).' })
export class AllianceMemberActionInput {
  @Field(() => ID, { description: 'The alliance membership.' })
  @IsUUID()
  allianceMemberId: string;
  @Field({ nullable: true, description: 'Why (recorded with a suspension).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

@InputType('RecordPledgeActivityInput', { description: 'Record activity on a pledge (the member organisation’s ADMIN or above).' })
export class RecordPledgeActivityInput {
  @Field(() => ID, { description: 'The active alliance membership.' })
  @IsUUID()
  allianceMemberId: string;
  @Field({ description: 'One of the member’s pledges.' })
  @IsString()
  @Length(1, 40)
  pledge: string;
  @Field({ nullable: true, description: 'What was done.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
  @Field(() => Float, { nullable: true, description: 'How much, more than zero (required; whole numbers for counted units such as ROUND or MEAL).' })
  @IsOptional()
  @IsNumber()
  quantity?: number;
  @Field({ nullable: true, description: 'Unit of the quantity (required): a PledgeUnit code from `Alliance.pledgeOptionUnits` for the pledge.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  unit?: string;
  @Field({ nullable: true, description: 'When it happened (default now; not in the future).' })
  @IsOptional()
  @IsDate()
  occurredAt?: Date;
}

@InputType('UpdatePledgeActivityInput', { description: 'Correct a pledge activity record (its recorder, within 24 hours of recording); fields left out keep their value.' })
export class UpdatePledgeActivityInput {
  @Field(() => ID, { description: 'The record.' })
  @IsUUID()
  pledgeActivityId: string;
  @Field({ nullable: true, description: 'One of the member’s pledges.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  pledge?: string;
  @Field({ nullable: true, description: 'What was done; an empty string clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
  @Field(() => Float, { nullable: true, description: 'How much, more than zero.' })
  @IsOptional()
  @IsNumber()
  quantity?: number;
  @Field(() => PledgeUnitEnum, { nullable: true, description: 'Unit of the quantity, from the pledge’s units.' })
  @IsOptional()
  @IsString()
  unit?: string;
  @Field({ nullable: true, description: 'When it happened (not in the future).' })
  @IsOptional()
  @IsDate()
  occurredAt?: Date;
}

@InputType('DeletePledgeActivityInput', { description: 'Delete a pledge activity record (its recorder, within 24 hours of recording).' })
export class DeletePledgeActivityInput {
  @Field(() => ID, { description: 'The record.' })
  @IsUUID()
  pledgeActivityId: string;
}
