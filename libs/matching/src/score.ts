import { resolveScoringContext, ScoringContext, ScoringOptions } from './config';
import { haversineWithCosKm } from './geo';
import { ExclusionCode, MatchReason, PairExclusion, PairScore, REASON_CODES, Shift, Volunteer } from './model';
import { PreparedShift, PreparedVolunteer, prepareShift, prepareVolunteer } from './prepare';
import { fixed, formatDetail } from './reason-detail';
import { availabilityPart, distancePart, fairnessPart, languagePart, reliabilityPart, skillPart, unfilledShare, urgencyPart } from './score-parts';
import { availabilityCoverage, overlapsAny, partOfDay } from './time';

const MS_PER_HOUR = 3_600_000;

/** Share of the shift inside the volunteer's windows; null when none declared. The slot bitmaps skip most misses. */
export function coverageOf(volunteer: PreparedVolunteer, shift: PreparedShift): number | null {
  const slots = volunteer.availabilitySlots;
  if (slots === null || volunteer.availability === null) return null;
  let touches = false;
  for (let i = 0; i < shift.slotWords.length && !touches; i++) touches = (slots[shift.slotWords[i]] & shift.slotBits[i]) !== 0;
  return touches ? availabilityCoverage(shift.segments, volunteer.availability) : 0;
}

/** Reasons a shift is closed to everyone, checked once per shift. */
export function shiftExclusion(shift: PreparedShift, context: ScoringContext): ExclusionCode | null {
  if (shift.source.placesLeft <= 0) return 'SHIFT_FULL';
  if (shift.startMs <= context.nowMs) return 'SHIFT_STARTED';
  return null;
}

/**
 * The hard filters, in EXCLUSION_CODES order; the first that applies is reported.
 * An unknown age never passes a minimum age: it cannot be verified.
 */
export function exclusionOf(
  volunteer: PreparedVolunteer,
  shift: PreparedShift,
  distanceKm: number,
  context: ScoringContext,
  coverage: number | null = coverageOf(volunteer, shift),
): ExclusionCode | null {
  return shiftExclusion(shift, context) ?? personalExclusion(volunteer, shift, distanceKm, context, coverage);
}

/** The filters that depend on the person, for a shift already known to be open. */
export function personalExclusion(
  volunteer: PreparedVolunteer,
  shift: PreparedShift,
  distanceKm: number,
  context: ScoringContext,
  coverage: number | null,
): ExclusionCode | null {
  const source = shift.source;
  if (volunteer.claimStarts.length > 0 && overlapsAny(shift.startMs, shift.endMs, volunteer.claimStarts, volunteer.claimEnds)) {
    return 'OVERLAPPING_CLAIM';
  }
  const minimumAge = source.minimumAge;
  if (minimumAge !== null && minimumAge !== undefined) {
    const age = volunteer.source.age;
    if (age === null || age === undefined || age < minimumAge) return 'UNDER_MINIMUM_AGE';
  }
  if (source.skillsMandatory) {
    for (const skill of shift.requiredSkills) if (!volunteer.skills.has(skill)) return 'MISSING_REQUIRED_SKILL';
  }
  if (coverage !== null && coverage < context.minAvailability) return 'UNAVAILABLE';
  if (distanceKm > context.maxDistanceKm) return 'TOO_FAR';
  return null;
}

/** The parts that depend on the volunteer alone; a batch computes them once per person. */
export function fairnessOf(volunteer: PreparedVolunteer, context: ScoringContext): number {
  return fairnessPart(volunteer.source.verifiedMinutesLast30Days, context.parameters.fairnessHalfMinutes);
}

export function reliabilityOf(volunteer: PreparedVolunteer, context: ScoringContext): number {
  const p = context.parameters;
  return reliabilityPart(volunteer.source.attendanceRate, volunteer.source.pastClaims, p.reliabilityPrior, p.reliabilityPriorClaims);
}

/** The part that depends on the shift alone. */
export function urgencyOf(shift: PreparedShift, context: ScoringContext): number {
  const source = shift.source;
  return urgencyPart((shift.startMs - context.nowMs) / MS_PER_HOUR, context.parameters.urgencyHalfLifeHours, source.placesLeft, source.placesTotal);
}

/**
 * Σ normalised weight × part, always summed in REASON_CODES order, so the fast
 * paths (ranking, batch edges) and the explanations agree to the last bit.
 */
export function combineParts(
  w: Float64Array,
  skill: number,
  distance: number,
  availability: number,
  urgency: number,
  fairness: number,
  reliability: number,
  language: number,
): number {
  return w[0] * skill + w[1] * distance + w[2] * availability + w[3] * urgency + w[4] * fairness + w[5] * reliability + w[6] * language;
}

/** The seven parts, in REASON_CODES order. */
export function computeParts(
  volunteer: PreparedVolunteer,
  shift: PreparedShift,
  distanceKm: number,
  context: ScoringContext,
  coverage: number | null = coverageOf(volunteer, shift),
): number[] {
  const p = context.parameters;
  return [
    skillPart(shift.requiredSkills, volunteer.skills, p.neutralPart),
    distancePart(distanceKm, p.distanceHalfKm),
    availabilityPart(coverage, p.neutralPart),
    urgencyOf(shift, context),
    fairnessOf(volunteer, context),
    reliabilityOf(volunteer, context),
    languagePart(shift.source.language, volunteer.languages, p.neutralPart),
  ];
}

function scoreOfParts(parts: readonly number[], w: Float64Array): number {
  return combineParts(w, parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
}

/** The score alone (no reasons) for a pair already known to pass the filters. */
export function scorePrepared(
  volunteer: PreparedVolunteer,
  shift: PreparedShift,
  distanceKm: number,
  context: ScoringContext,
  coverage: number | null = coverageOf(volunteer, shift),
): number {
  return scoreOfParts(computeParts(volunteer, shift, distanceKm, context, coverage), context.normalisedWeights);
}

export function pairDistanceKm(volunteer: PreparedVolunteer, shift: PreparedShift): number {
  return haversineWithCosKm(volunteer.lat, volunteer.lng, volunteer.cosLat, shift.lat, shift.lng, shift.cosLat);
}

/** The facts behind each part, for the portal to say in words. */
function detailsOf(volunteer: PreparedVolunteer, shift: PreparedShift, distanceKm: number, context: ScoringContext): string[] {
  const source = shift.source;
  const person = volunteer.source;
  const matched = shift.requiredSkills.filter((skill) => volunteer.skills.has(skill));
  const missing = shift.requiredSkills.filter((skill) => !volunteer.skills.has(skill));
  const coverage = coverageOf(volunteer, shift);
  const rateKnown = person.attendanceRate !== null && person.attendanceRate !== undefined;
  return [
    shift.requiredSkills.length === 0 ? formatDetail([['required', 'none']]) : formatDetail([['matched', matched], ['missing', missing]]),
    formatDetail([['distanceKm', fixed(distanceKm, 1)]]),
    formatDetail([
      ['weekday', shift.localWeekday],
      ['part', partOfDay(shift.localStartMinute)],
      ['covered', coverage === null ? 'unknown' : fixed(coverage, 2)],
    ]),
    formatDetail([
      ['startsInHours', fixed((shift.startMs - context.nowMs) / MS_PER_HOUR, 1)],
      ['unfilledShare', fixed(unfilledShare(source.placesLeft, source.placesTotal), 2)],
    ]),
    formatDetail([['verifiedMinutes30d', Math.round(person.verifiedMinutesLast30Days)]]),
    rateKnown
      ? formatDetail([
          ['attendanceRate', fixed(person.attendanceRate as number, 2)],
          ['pastClaims', person.pastClaims ?? 'unknown'],
        ])
      : formatDetail([
          ['attendanceRate', 'unknown'],
          ['prior', fixed(context.parameters.reliabilityPrior, 2)],
        ]),
    source.language ? formatDetail([['wanted', source.language], ['spoken', volunteer.languages.has(source.language)]]) : formatDetail([['wanted', 'none']]),
  ];
}

/**
 * Score and reasons for a pair that passes the filters. Reasons come largest
 * contribution first (ties in REASON_CODES order); their weights add up to the score.
 */
export function explainPrepared(volunteer: PreparedVolunteer, shift: PreparedShift, distanceKm: number, context: ScoringContext): PairScore {
  const parts = computeParts(volunteer, shift, distanceKm, context);
  const details = detailsOf(volunteer, shift, distanceKm, context);
  const reasons: MatchReason[] = REASON_CODES.map((code, i) => ({ code, weight: context.normalisedWeights[i] * parts[i], detail: details[i] }));
  const order = REASON_CODES.map((_, i) => i).sort((a, b) => reasons[b].weight - reasons[a].weight || a - b);
  return { score: scoreOfParts(parts, context.normalisedWeights), distanceKm, reasons: order.map((i) => reasons[i]) };
}

export function isExcluded(result: PairScore | PairExclusion): result is PairExclusion {
  return 'excluded' in result;
}

/** Scores one (volunteer, shift) pair, or says which hard filter excludes it. */
export function scorePair(volunteer: Volunteer, shift: Shift, options: ScoringOptions = {}): PairScore | PairExclusion {
  const context = resolveScoringContext(options);
  return scorePairInContext(prepareVolunteer(volunteer), prepareShift(shift), context);
}

export function scorePairInContext(volunteer: PreparedVolunteer, shift: PreparedShift, context: ScoringContext): PairScore | PairExclusion {
  const distanceKm = pairDistanceKm(volunteer, shift);
  const excluded = exclusionOf(volunteer, shift, distanceKm, context);
  return excluded ? { excluded } : explainPrepared(volunteer, shift, distanceKm, context);
}
