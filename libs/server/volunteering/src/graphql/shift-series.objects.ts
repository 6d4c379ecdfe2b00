import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { NodeInterface } from '@civicgrid/platform';
import { Limits } from '@civicgrid/contracts';
import { FREQUENCIES, WEEKDAYS } from '../recurrence';
import { LocalDateScalar, LocalTimeScalar } from './local-date.scalars';
import { ShiftClaimObject, ShiftObject } from './volunteering.objects';

export const RecurrenceFrequencyEnum = Object.fromEntries(FREQUENCIES.map((f) => [f, f])) as { [F in (typeof FREQUENCIES)[number]]: F };
registerEnumType(RecurrenceFrequencyEnum, {
  name: 'RecurrenceFrequency',
  description: 'How often a recurring shift repeats (iCalendar FREQ).',
  valuesMap: { DAILY: { description: 'Every N days.' }, WEEKLY: { description: 'Every N weeks, on chosen days.' }, MONTHLY: { description: "Every N months, on the first occurrence's day of the month (months without it are skipped)." } },
});

export const WeekdayEnum = Object.fromEntries(WEEKDAYS.map((d) => [d, d])) as { [D in (typeof WEEKDAYS)[number]]: D };
registerEnumType(WeekdayEnum, { name: 'Weekday', description: 'A day of the week, as iCalendar writes it (MO to SU); weeks start on Monday.' });

export const SeriesClaimOutcomeEnum = { CONFIRMED: 'CONFIRMED', WAITLISTED: 'WAITLISTED', PENDING_APPROVAL: 'PENDING_APPROVAL', ALREADY_CLAIMED: 'ALREADY_CLAIMED', OVERLAP: 'OVERLAP' } as const;
registerEnumType(SeriesClaimOutcomeEnum, {
  name: 'SeriesClaimOutcome',
  description: 'What claiming every occurrence did on one occurrence.',
  valuesMap: {
    CONFIRMED: { description: 'A place.' },
    WAITLISTED: { description: 'This occurrence is full: on its waitlist.' },
    PENDING_APPROVAL: { description: 'Awaiting a coordinator.' },
    ALREADY_CLAIMED: { description: 'Skipped: the volunteer already has a claim on it.' },
    OVERLAP: { description: 'Skipped: the volunteer has a claim on another shift at the same time.' },
  },
});

@ObjectType('Recurrence', { description: 'How a shift repeats: the structured form of its RRULE.' })
export class RecurrenceObject {
  @Field(() => RecurrenceFrequencyEnum, { description: 'Daily, weekly or monthly.' })
  frequency: string;
  @Field(() => Int, { description: 'Every this many days, weeks or months.' })
  interval: number;
  @Field(() => [WeekdayEnum], { description: 'For a weekly rule, the days (Monday first); empty otherwise.' })
  byWeekday: string[];
  @Field(() => LocalDateScalar, { nullable: true, description: 'The last date it may fall on, if it ends on a date.' })
  until: string | null;
  @Field(() => Int, { nullable: true, description: 'How many times, if it ends after a number of times (skipped dates count, as in iCalendar).' })
  count: number | null;
}

@ObjectType('ShiftSeriesOccurrence', { description: 'One occurrence of a recurring shift.' })
export class ShiftSeriesOccurrenceObject {
  @Field(() => LocalDateScalar, { description: 'Its date in the series’ time zone: what names it in the series.' })
  date: string;
  @Field({ description: 'Start (UTC).' })
  startsAt: Date;
  @Field({ description: 'End (UTC).' })
  endsAt: Date;
  @Field(() => ShiftObject, { nullable: true, description: `The shift, once made (occurrences are made ${Limits.shiftSeriesWindowDays} days ahead); null before, and in previews.` })
  shift: unknown;
}

@ObjectType('ShiftSeries', { implements: () => [NodeInterface], description: 'A recurring shift of a task: an iCalendar rule whose occurrences become ordinary shifts a rolling window ahead.' })
export class ShiftSeriesObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'The RRULE value, e.g. FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10 (UNTIL in UTC).' })
  rrule: string;
  @Field({ description: 'The time zone the rule is computed in (its wall-clock times hold there), e.g. Asia/Shanghai.' })
  timeZone: string;
  @Field(() => LocalDateScalar, { description: 'The first occurrence’s date.' })
  startsOn: string;
  @Field(() => LocalTimeScalar, { description: 'Each occurrence starts at this wall-clock time.' })
  startTime: string;
  @Field(() => Int, { description: 'Each occurrence lasts this many minutes.' })
  durationMinutes: number;
  @Field(() => Int, { description: 'Places on each occurrence made from now on.' })
  capacity: number;
  @Field(() => [LocalDateScalar], { description: 'Dates skipped.' })
  exceptions: string[];
  @Field(() => Date, { nullable: true, description: 'Occurrences starting before this have been made shifts.' })
  materializedUntil: Date | null;
  @Field({ description: 'When it was set up.' })
  createdAt: Date;
}

@ObjectType('ShiftSeriesClaim', { implements: () => [NodeInterface], description: "A volunteer's standing claim on every occurrence of a recurring shift: each occurrence is claimed as it is made." })
export class ShiftSeriesClaimObject {
  @Field(() => ID, { description: 'Stable id.' })
  id: string;
  @Field({ description: 'When it was made.' })
  createdAt: Date;
  @Field(() => Date, { nullable: true, description: 'When it stopped (cancelled, or its proxy grant revoked).' })
  endedAt: Date | null;
}

@ObjectType('SeriesOccurrenceClaim', { description: 'What claiming every occurrence did on one occurrence.' })
export class SeriesOccurrenceClaimObject {
  @Field(() => ShiftObject, { description: 'The occurrence.' })
  shift: unknown;
  @Field(() => SeriesClaimOutcomeEnum, { description: 'Claimed (and how) or skipped (and why).' })
  outcome: string;
  @Field(() => ShiftClaimObject, { nullable: true, description: 'The claim made; null when skipped.' })
  claim: unknown;
}

@ObjectType('ClaimShiftSeriesPayload', { description: 'The standing claim and what became of each occurrence made so far.' })
export class ClaimShiftSeriesPayload {
  @Field(() => ShiftSeriesClaimObject, { description: 'The standing claim: occurrences made later are claimed too.' })
  standingClaim: unknown;
  @Field(() => [SeriesOccurrenceClaimObject], { description: 'Each occurrence made and not started, soonest first.' })
  occurrences: unknown[];
}

@ObjectType('UpdateShiftSeriesPayload', { description: 'A "this and following" change.' })
export class UpdateShiftSeriesPayload {
  @Field(() => ShiftSeriesObject, { description: 'The series from the chosen occurrence on (the same one when the change starts at its first occurrence).' })
  series: unknown;
  @Field(() => ShiftSeriesObject, { nullable: true, description: 'The series before the change, now ending the day before it; null when it started at the first occurrence.' })
  previous: unknown;
  @Field(() => Int, { description: 'Occurrences made already that moved to the changed rule (their claimants told when their time moved).' })
  moved: number;
  @Field(() => Int, { description: 'Occurrences made already that the changed rule no longer has: called off, their claimants told.' })
  cancelled: number;
}

@ObjectType('ShiftSeriesPreview', { description: 'What a rule would make, computed as a series computes it.' })
export class ShiftSeriesPreviewObject {
  @Field({ description: 'The RRULE value it would store.' })
  rrule: string;
  @Field({ description: 'The rule as iCalendar writes it (DTSTART with its zone, RRULE, EXDATE).' })
  iCalendar: string;
  @Field(() => RecurrenceObject, { description: 'The rule, structured.' })
  recurrence: RecurrenceObject;
  @Field(() => [ShiftSeriesOccurrenceObject], { description: `The first occurrences (up to ${Limits.shiftSeriesPreviewMax}).` })
  occurrences: unknown[];
  @Field(() => Int, { nullable: true, description: 'How many occurrences in all; null when it runs on.' })
  totalCount: number | null;
  @Field(() => Int, { description: `How many would be made at once (those in the next ${Limits.shiftSeriesWindowDays} days).` })
  windowCount: number;
}
