import { Field, Float, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsNumber, IsOptional, IsString, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { ConnectionType, NodeInterface } from '@civicgrid/platform';

export const AllianceMemberStatusEnum = { APPLIED: 'APPLIED', ACTIVE: 'ACTIVE', REJECTED: 'REJECTED', SUSPENDED: 'SUSPENDED', LEFT: 'LEFT' } as const;
registerEnumType(AllianceMemberStatusEnum, { name: 'AllianceMemberStatus', description: "Where an organisation stands in an alliance." });

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
  @Field(() => Float, { nullable: true, description: 'How much, e.g. 12.5 (with unit kg).' })
  quantity: number | null;
  @Field(() => String, { nullable: true, description: 'Unit of the quantity, e.g. kg, rounds, yuan.' })
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
  @Field(() => Float, { nullable: true, description: 'How much (give unit too).' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  quantity?: number;
  @Field({ nullable: true, description: 'Unit of the quantity.' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  unit?: string;
  @Field({ nullable: true, description: 'When it happened (default now; not in the future).' })
  @IsOptional()
  @IsDate()
  occurredAt?: Date;
}
