import { Field, ID, InputType, Int, PartialType, PickType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { Limits } from '@civicgrid/contracts';
import { CLAIM_STATUSES } from '../claim-status';
import { ClaimStatusEnum } from './volunteering.objects';
import { NewShiftSeriesInput } from './shift-series.inputs';

@InputType('ShiftInput', { description: 'One shift of a new task.' })
export class ShiftInput {
  @Field({ description: 'Start; must be in the future.' })
  @IsDate()
  startsAt: Date;
  @Field({ description: `End; after the start, at most ${Limits.shiftMaxHours} hours later.` })
  @IsDate()
  endsAt: Date;
  @Field(() => Int, { description: `Places, 1 to ${Limits.shiftCapacityMax}.` })
  @IsInt()
  @Min(1)
  @Max(Limits.shiftCapacityMax)
  capacity: number;
  @Field({ nullable: true, description: 'Where volunteers meet, if not in the description.' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.shiftPlaceMaxLength)
  place?: string;
}

@InputType('CreateTaskInput', { description: 'A new task with its shifts; created as DRAFT.' })
export class CreateTaskInput {
  @Field(() => ID, { description: 'The organisation publishing it (you must be its COORDINATOR or above).' })
  @IsUUID()
  organizationId: string;
  @Field({ description: 'Title.' })
  @IsString()
  @Length(1, Limits.taskTitleMaxLength)
  title: string;
  @Field({ nullable: true, description: 'Description.' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.descriptionMaxLength)
  description?: string;
  @Field({ description: 'Category, e.g. ELDER_CARE.' })
  @IsString()
  @Length(1, Limits.categoryMaxLength)
  category: string;
  @Field(() => ID, { description: 'Where the work happens (a grid or community).' })
  @IsUUID()
  regionId: string;
  @Field(() => [String], { nullable: true, description: 'Skills volunteers need.' })
  @IsOptional()
  @ArrayMaxSize(Limits.skillsMax)
  @IsString({ each: true })
  @Length(1, Limits.skillMaxLength, { each: true })
  requiredSkills?: string[];
  @Field({ nullable: true, description: 'Coordinators approve each claim (default false).' })
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean;
  @Field({ nullable: true, description: "Volunteers check in with the shift's code (default false)." })
  @IsOptional()
  @IsBoolean()
  requiresCheckInCode?: boolean;
  @Field({ nullable: true, description: 'When true, matching never proposes a volunteer lacking a required skill (default false).' })
  @IsOptional()
  @IsBoolean()
  skillsMandatory?: boolean;
  @Field(() => Int, { nullable: true, description: 'Minimum age of volunteers, if any.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  minimumAge?: number;
  @Field(() => [ShiftInput], { description: `The shifts, 1 to ${Limits.shiftsPerTaskMax}; none when the task has recurring shifts (series).` })
  // With recurring shifts a task may have no one-off shift.
  @ValidateIf((o: CreateTaskInput) => !o.series?.length || o.shifts?.length > 0)
  @ArrayMinSize(1)
  @ArrayMaxSize(Limits.shiftsPerTaskMax)
  @ValidateNested({ each: true })
  @Type(() => ShiftInput)
  shifts: ShiftInput[];
  @Field(() => [NewShiftSeriesInput], { nullable: true, description: `Recurring shifts, up to ${Limits.shiftSeriesPerTaskMax}; their first window of occurrences is made with the task.` })
  @IsOptional()
  @ArrayMaxSize(Limits.shiftSeriesPerTaskMax)
  @ValidateNested({ each: true })
  @Type(() => NewShiftSeriesInput)
  series?: NewShiftSeriesInput[];
}

@InputType('ShiftFilter', { description: 'Filters for the shift board.' })
export class ShiftFilter {
  @Field(() => ID, { nullable: true, description: "Only tasks in this region's subtree." })
  @IsOptional()
  @IsUUID()
  regionId?: string;
  @Field({ nullable: true, description: 'Only this category.' })
  @IsOptional()
  @IsString()
  @MaxLength(Limits.categoryMaxLength)
  category?: string;
  @Field(() => [String], { nullable: true, description: 'Only tasks asking for at least one of these skills.' })
  @IsOptional()
  @ArrayMaxSize(Limits.skillsMax)
  @IsString({ each: true })
  skills?: string[];
  @Field({ nullable: true, description: 'Only shifts still running at or after this time.' })
  @IsOptional()
  @IsDate()
  from?: Date;
  @Field({ nullable: true, description: 'Only shifts starting before this time.' })
  @IsOptional()
  @IsDate()
  to?: Date;
  @Field({ nullable: true, description: 'Only shifts with a free place.' })
  @IsOptional()
  @IsBoolean()
  onlyWithSpace?: boolean;
}

@InputType('ClaimShiftInput', { description: 'Claim a place on a shift.' })
export class ClaimShiftInput {
  @Field(() => ID, { description: 'The shift.' })
  @IsUUID()
  shiftId: string;
  @Field(() => ID, { nullable: true, description: 'Claim for a resident who granted you a proxy.' })
  @IsOptional()
  @IsUUID()
  onBehalfOfUserId?: string;
  @Field({ nullable: true, description: "Share the volunteer's phone with the organisers of this shift (off unless given; changeable later with shareClaimPhone)." })
  @IsOptional()
  @IsBoolean()
  sharePhone?: boolean;
}

@InputType('ShareClaimPhoneInput', { description: "Share the volunteer's phone with the organisers of one claim's shift, or stop sharing it." })
export class ShareClaimPhoneInput {
  @Field(() => ID, { description: 'The claim.' })
  @IsUUID()
  claimId: string;
  @Field({ description: 'True to share the phone with the organisers, false to show it masked again.' })
  @IsBoolean()
  share: boolean;
}

@InputType('ClaimShiftTogetherInput', { description: 'Claim places on a shift for a party, all or none.' })
export class ClaimShiftTogetherInput {
  @Field(() => ID, { description: 'The shift.' })
  @IsUUID()
  shiftId: string;
  @Field(() => [ID], { description: `The party, 2 to ${Limits.companionsMax + 1} people: yourself or someone you act for, and companions you act for.` })
  @ArrayMinSize(2)
  @ArrayMaxSize(Limits.companionsMax + 1)
  @IsUUID('all', { each: true })
  volunteerIds: string[];
}

@InputType('AddVolunteerToShiftInput', { description: 'Put a volunteer on a shift.' })
export class AddVolunteerToShiftInput {
  @Field(() => ID, { description: 'The shift.' })
  @IsUUID()
  shiftId: string;
  @Field(() => ID, { description: 'The volunteer.' })
  @IsUUID()
  volunteerId: string;
}

@InputType('CancelClaimInput', { description: 'Cancel a claim.' })
export class CancelClaimInput {
  @Field(() => ID, { description: 'The claim.' })
  @IsUUID()
  claimId: string;
}

@InputType('DecideClaimInput', { description: 'Approve or reject a claim awaiting approval.' })
export class DecideClaimInput {
  @Field(() => ID, { description: 'The claim.' })
  @IsUUID()
  claimId: string;
  @Field({ description: 'True to approve (CONFLICT when the shift is full), false to reject.' })
  @IsBoolean()
  approve: boolean;
}

@InputType('CheckInInput', { description: 'Check in on site.' })
export class CheckInInput {
  @Field(() => ID, { description: 'The claim.' })
  @IsUUID()
  claimId: string;
  @Field({ nullable: true, description: "The shift's check-in code, scanned on site; a coordinator may check a volunteer in without it." })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  code?: string;
}

@InputType('CheckOutInput', { description: 'Check out after service.' })
export class CheckOutInput {
  @Field(() => ID, { description: 'The claim.' })
  @IsUUID()
  claimId: string;
}

@InputType('VerifyServiceInput', { description: 'Verify or reject the minutes of an attended claim.' })
export class VerifyServiceInput {
  @Field(() => ID, { description: 'The claim.' })
  @IsUUID()
  claimId: string;
  @Field(() => Int, { nullable: true, description: `Minutes to record (1 to ${Limits.serviceMinutesMax}); default: the checked-in time.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.serviceMinutesMax)
  minutes?: number;
  @Field({ description: 'True to verify, false to reject.' })
  @IsBoolean()
  approve: boolean;
}

@InputType('ClaimFilter', { description: 'Filters for lists of claims.' })
export class ClaimFilter {
  @Field(() => [ClaimStatusEnum], { nullable: true, description: 'Only these statuses.' })
  @IsOptional()
  @IsIn(CLAIM_STATUSES, { each: true })
  statuses?: string[];
  @Field({ nullable: true, description: 'Only claims on shifts not yet ended (true) or already ended (false).' })
  @IsOptional()
  @IsBoolean()
  upcoming?: boolean;
}

@InputType('AddShiftInput', { description: 'Add a shift to a draft or published task.' })
export class AddShiftInput extends ShiftInput {
  @Field(() => ID, { description: 'The task.' })
  @IsUUID()
  taskId: string;
}

@InputType('UpdateTaskInput', {
  description: "Change a task's details, before or after publishing; fields left out stay as they are, and null clears the description or the minimum age.",
})
export class UpdateTaskInput extends PartialType(
  PickType(CreateTaskInput, ['title', 'description', 'category', 'regionId', 'requiredSkills', 'skillsMandatory', 'minimumAge', 'requiresApproval', 'requiresCheckInCode'] as const),
  InputType,
) {
  @Field(() => ID, { description: 'The task.' })
  @IsUUID()
  id: string;
}

@InputType('UpdateShiftInput', {
  description: 'Change a shift; fields left out stay as they are. A new time (before the shift starts) is told to its claimants; raising the places moves the waitlist up, and they cannot go below the places taken; null clears the place.',
})
export class UpdateShiftInput extends PartialType(ShiftInput, InputType) {
  @Field(() => ID, { description: 'The shift.' })
  @IsUUID()
  id: string;
}

@InputType('CancelShiftInput', { description: 'Cancel a shift that has not started; its claimants are told the reason.' })
export class CancelShiftInput {
  @Field(() => ID, { description: 'The shift.' })
  @IsUUID()
  id: string;
  @Field({ description: 'Why, told to the volunteers.' })
  @IsString()
  @Length(1, Limits.cancelReasonMaxLength)
  reason: string;
}

@InputType('CancelTaskInput', { description: 'Cancel a task: its shifts not yet started are cancelled and their claimants told the reason.' })
export class CancelTaskInput {
  @Field(() => ID, { description: 'The task.' })
  @IsUUID()
  id: string;
  @Field({ description: 'Why, told to the volunteers.' })
  @IsString()
  @Length(1, Limits.cancelReasonMaxLength)
  reason: string;
}

@InputType('CopyTaskInput', { description: 'Copy a task as a new draft, its shifts moved by a number of days.' })
export class CopyTaskInput {
  @Field(() => ID, { description: 'The task to copy.' })
  @IsUUID()
  id: string;
  @Field(() => Int, { description: `Days to move every shift by (1 to ${Limits.copyOffsetDaysMax}).` })
  @IsInt()
  @Min(1)
  @Max(Limits.copyOffsetDaysMax)
  offsetDays: number;
  @Field({ nullable: true, description: "The copy's title; default: the same title." })
  @IsOptional()
  @IsString()
  @Length(1, Limits.taskTitleMaxLength)
  title?: string;
}
