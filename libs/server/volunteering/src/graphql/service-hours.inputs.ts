import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { Limits } from '@civicgrid/contracts';

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

@InputType('ReportServiceHoursInput', { description: 'Hours served off the platform or signed for on paper, for the organisation to approve.' })
export class ReportServiceHoursInput {
  @Field(() => ID, { description: 'The organisation served (verified, one that takes volunteers).' })
  @IsUUID()
  organizationId: string;
  @Field({ description: `The day served, YYYY-MM-DD (Asia/Shanghai): not in the future, at most ${Limits.reportedServiceMaxAgeDays} days ago.` })
  @IsString()
  @Matches(DATE_SHAPE, { message: 'date must be YYYY-MM-DD' })
  date: string;
  @Field(() => Int, { description: `Minutes served, 1 to ${Limits.serviceMinutesMax}.` })
  @IsInt()
  @Min(1)
  @Max(Limits.serviceMinutesMax)
  minutes: number;
  @Field({ description: `What was done (at most ${Limits.serviceDescriptionMaxLength} characters).` })
  @IsString()
  @MaxLength(Limits.serviceDescriptionMaxLength)
  description: string;
  @Field(() => ID, { nullable: true, description: "One of the organisation's tasks the service belonged to, if any." })
  @IsOptional()
  @IsUUID()
  taskId?: string;
  @Field(() => ID, { nullable: true, description: 'Report for a resident who granted you a proxy.' })
  @IsOptional()
  @IsUUID()
  onBehalfOfUserId?: string;
}

@InputType('RecordServiceHoursInput', { description: "A coordinator's record of a volunteer's hours (a paper sign-in sheet): verified at once." })
export class RecordServiceHoursInput {
  @Field(() => ID, { description: 'The organisation (you must be its COORDINATOR or above).' })
  @IsUUID()
  organizationId: string;
  @Field(() => ID, { description: 'The volunteer who served (not yourself).' })
  @IsUUID()
  volunteerId: string;
  @Field({ description: `The day served, YYYY-MM-DD (Asia/Shanghai): not in the future, at most ${Limits.reportedServiceMaxAgeDays} days ago.` })
  @IsString()
  @Matches(DATE_SHAPE, { message: 'date must be YYYY-MM-DD' })
  date: string;
  @Field(() => Int, { description: `Minutes served, 1 to ${Limits.serviceMinutesMax}.` })
  @IsInt()
  @Min(1)
  @Max(Limits.serviceMinutesMax)
  minutes: number;
  @Field({ description: `What was done (at most ${Limits.serviceDescriptionMaxLength} characters).` })
  @IsString()
  @MaxLength(Limits.serviceDescriptionMaxLength)
  description: string;
  @Field(() => ID, { nullable: true, description: "One of the organisation's tasks the service belonged to, if any." })
  @IsOptional()
  @IsUUID()
  taskId?: string;
}

@InputType('DecideReportedServiceInput', { description: "Approve or reject a volunteer's report of hours." })
export class DecideReportedServiceInput {
  @Field(() => ID, { description: 'The REPORTED service record.' })
  @IsUUID()
  serviceRecordId: string;
  @Field({ description: 'True to approve (the minutes count), false to reject.' })
  @IsBoolean()
  approve: boolean;
  @Field({ nullable: true, description: `Why (required to reject; the volunteer is told), at most ${Limits.serviceDecisionReasonMaxLength} characters.` })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.serviceDecisionReasonMaxLength)
  reason?: string;
}
