import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDate, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Limits } from '@civicgrid/contracts';
import type { Frequency, Weekday } from '../recurrence';
import { FREQUENCIES, WEEKDAYS } from '../recurrence';
import { LocalDateScalar, LocalTimeScalar } from './local-date.scalars';
import { RecurrenceFrequencyEnum, WeekdayEnum } from './shift-series.objects';

@InputType('RecurrenceInput', { description: 'How a shift repeats, as fields (what the portal sends). Either `until` or `count` or neither (it then runs on; occurrences are made a rolling window ahead).' })
export class RecurrenceInput {
  @Field(() => RecurrenceFrequencyEnum, { description: 'Daily, weekly or monthly.' })
  @IsIn(FREQUENCIES)
  frequency: Frequency;
  @Field(() => Int, { nullable: true, description: `Every this many days, weeks or months, 1 to ${Limits.shiftSeriesIntervalMax} (default 1).` })
  @IsOptional()
  @IsInt()
  interval?: number;
  @Field(() => [WeekdayEnum], { nullable: true, description: "For a weekly rule, the days; default: the first occurrence's day, which must be among them." })
  @IsOptional()
  @ArrayMaxSize(7)
  @IsIn(WEEKDAYS, { each: true })
  byWeekday?: Weekday[];
  @Field(() => LocalDateScalar, { nullable: true, description: `The last date (inclusive), at most ${Limits.shiftSeriesUntilMaxYears} years after the first occurrence.` })
  @IsOptional()
  until?: string;
  @Field(() => Int, { nullable: true, description: `How many times, 1 to ${Limits.shiftSeriesCountMax} (skipped dates count).` })
  @IsOptional()
  @IsInt()
  count?: number;
}

/** The rule, one way or the other: checked by the service (exactly one of them). */
@InputType({ isAbstract: true })
abstract class RuleFields {
  @Field(() => RecurrenceInput, { nullable: true, description: 'The rule as fields; or give `rrule`.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceInput)
  recurrence?: RecurrenceInput;
  @Field({ nullable: true, description: 'The rule as RRULE text, e.g. FREQ=WEEKLY;BYDAY=MO,WE;INTERVAL=1;COUNT=10 (FREQ DAILY, WEEKLY or MONTHLY; INTERVAL; BYDAY with plain weekdays; UNTIL or COUNT); or give `recurrence`.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  rrule?: string;
}

@InputType('NewShiftSeriesInput', { description: 'A recurring shift: its first occurrence, its places and how it repeats.' })
export class NewShiftSeriesInput extends RuleFields {
  @Field({ description: 'Start of the first occurrence, in the future, on a whole minute; every occurrence starts at its wall-clock time in Asia/Shanghai.' })
  @IsDate()
  startsAt: Date;
  @Field({ description: `End of the first occurrence; at most ${Limits.shiftMaxHours} hours after the start.` })
  @IsDate()
  endsAt: Date;
  @Field(() => Int, { description: `Places on each occurrence, 1 to ${Limits.shiftCapacityMax}.` })
  @IsInt()
  @Min(1)
  @Max(Limits.shiftCapacityMax)
  capacity: number;
  @Field(() => [LocalDateScalar], { nullable: true, description: 'Dates to skip (each one the shift repeats on).' })
  @IsOptional()
  @ArrayMaxSize(Limits.shiftSeriesExceptionsMax)
  exceptions?: string[];
}

@InputType('AddShiftSeriesInput', { description: 'Add a recurring shift to a draft or published task.' })
export class AddShiftSeriesInput extends NewShiftSeriesInput {
  @Field(() => ID, { description: 'The task.' })
  @IsUUID()
  taskId: string;
}

@InputType('PreviewShiftSeriesInput', { description: 'A rule to preview.' })
export class PreviewShiftSeriesInput extends RuleFields {
  @Field({ description: 'Start of the first occurrence.' })
  @IsDate()
  startsAt: Date;
  @Field({ description: 'End of the first occurrence.' })
  @IsDate()
  endsAt: Date;
  @Field(() => [LocalDateScalar], { nullable: true, description: 'Dates to skip.' })
  @IsOptional()
  @ArrayMaxSize(Limits.shiftSeriesExceptionsMax)
  exceptions?: string[];
  @Field(() => Int, { nullable: true, description: `How many occurrences to list, 1 to ${Limits.shiftSeriesPreviewMax} (default 10).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.shiftSeriesPreviewMax)
  first?: number;
}

@InputType('UpdateShiftSeriesInput', {
  description: 'Change a recurring shift from one occurrence on ("this and following"); what is not given stays. Occurrences before it and their claims are left as they are.',
})
export class UpdateShiftSeriesInput extends RuleFields {
  @Field(() => ID, { description: 'The series.' })
  @IsUUID()
  seriesId: string;
  @Field(() => ID, { nullable: true, description: 'The first occurrence to change, by its shift; or give fromDate.' })
  @IsOptional()
  @IsUUID()
  fromShiftId?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'The first occurrence to change, by its date; or give fromShiftId.' })
  @IsOptional()
  fromDate?: string;
  @Field(() => LocalTimeScalar, { nullable: true, description: 'New wall-clock start time.' })
  @IsOptional()
  startTime?: string;
  @Field(() => LocalTimeScalar, { nullable: true, description: 'New wall-clock end time (earlier than the start: the next day).' })
  @IsOptional()
  endTime?: string;
  @Field(() => Int, { nullable: true, description: 'New number of places (not below the places already taken on an occurrence).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Limits.shiftCapacityMax)
  capacity?: number;
  @Field(() => [LocalDateScalar], { nullable: true, description: 'The dates to skip from this occurrence on (replacing those set).' })
  @IsOptional()
  @ArrayMaxSize(Limits.shiftSeriesExceptionsMax)
  exceptions?: string[];
}

@InputType('AddShiftSeriesExceptionInput', { description: 'Skip one occurrence of a recurring shift.' })
export class AddShiftSeriesExceptionInput {
  @Field(() => ID, { description: 'The series.' })
  @IsUUID()
  seriesId: string;
  @Field(() => LocalDateScalar, { description: 'The date to skip (one the shift repeats on, not yet started).' })
  date: string;
}

@InputType('ClaimShiftSeriesInput', { description: 'Claim every occurrence of a recurring shift.' })
export class ClaimShiftSeriesInput {
  @Field(() => ID, { description: 'The series.' })
  @IsUUID()
  seriesId: string;
  @Field(() => ID, { nullable: true, description: 'Claim for a resident who granted you a proxy.' })
  @IsOptional()
  @IsUUID()
  onBehalfOfUserId?: string;
}

@InputType('StopClaimingShiftSeriesInput', { description: 'Stop claiming every occurrence of a recurring shift.' })
export class StopClaimingShiftSeriesInput extends ClaimShiftSeriesInput {
  @Field({ nullable: true, description: 'Also cancel the claims on occurrences to come (default false: they stand).' })
  @IsOptional()
  @IsBoolean()
  cancelClaims?: boolean;
}
