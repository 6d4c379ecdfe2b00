/**
 * The matching engine's view of volunteers and shifts. Plain data only: the
 * volunteering context maps its entities onto these shapes before calling us.
 * Objects are treated as immutable; prepared forms are cached per object.
 */

/** An instant as epoch milliseconds or a Date; normalised to epoch ms inside. */
export type Instant = number | Date;

export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/**
 * A weekly window of availability in local time (Asia/Shanghai, UTC+8, no DST):
 * `weekday` 0 = Monday … 6 = Sunday; minutes from local midnight, end exclusive,
 * `0 <= startMinute < endMinute <= 1440`. An overnight window is two windows.
 */
export interface AvailabilityWindow {
  readonly weekday: number;
  readonly startMinute: number;
  readonly endMinute: number;
}

/** A half-open time interval [startsAt, endsAt). */
export interface TimeInterval {
  readonly startsAt: Instant;
  readonly endsAt: Instant;
}

export interface Volunteer {
  readonly id: string;
  readonly skills: readonly string[];
  readonly languages: readonly string[];
  readonly home: GeoPoint;
  /** Declared weekly availability; empty means "not declared" (scored neutrally). */
  readonly availability: readonly AvailabilityWindow[];
  /** Confirmed claims already held: a shift overlapping any of them is excluded. */
  readonly claims: readonly TimeInterval[];
  /** Attended ÷ confirmed past claims in [0, 1]; null or absent for a newcomer. */
  readonly attendanceRate?: number | null;
  /** Number of confirmed past claims behind `attendanceRate`; small samples lean on the prior. */
  readonly pastClaims?: number;
  /** Verified service minutes in the last 30 days (fairness favours fewer). */
  readonly verifiedMinutesLast30Days: number;
  /** Age in years; null or absent when unknown. */
  readonly age?: number | null;
}

export interface Shift {
  readonly id: string;
  readonly taskId: string;
  readonly startsAt: Instant;
  readonly endsAt: Instant;
  readonly location: GeoPoint;
  readonly requiredSkills: readonly string[];
  /** When true, a volunteer missing any of `requiredSkills` is excluded; otherwise skills only score. */
  readonly skillsMandatory: boolean;
  readonly minimumAge?: number | null;
  readonly placesLeft: number;
  /** Places the shift was published with; `placesLeft / placesTotal` is the unfilled share. */
  readonly placesTotal: number;
  /** Carried for callers and explanations; no part of the score depends on it. */
  readonly category: string;
  /** Language wanted on the shift (e.g. `en`), if any. */
  readonly language?: string | null;
}

/** Reason codes, in the fixed order of the score's parts (the contract's MatchReason.code). */
export const REASON_CODES = [
  'SKILL_MATCH',
  'DISTANCE',
  'AVAILABILITY',
  'URGENCY',
  'FAIRNESS',
  'RELIABILITY',
  'LANGUAGE',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/**
 * One part of a score: `weight` is that part's contribution to the score (the
 * reasons' weights add up to the score); `detail` is `key=value` pairs joined
 * by `;`, lists joined by `,` (see README), for the portal to put into words.
 */
export interface MatchReason {
  readonly code: ReasonCode;
  readonly weight: number;
  readonly detail: string;
}

/** Why a pair was filtered out before scoring, in the order the filters run. */
export const EXCLUSION_CODES = [
  'SHIFT_FULL',
  'SHIFT_STARTED',
  'OVERLAPPING_CLAIM',
  'UNDER_MINIMUM_AGE',
  'MISSING_REQUIRED_SKILL',
  'UNAVAILABLE',
  'TOO_FAR',
] as const;
export type ExclusionCode = (typeof EXCLUSION_CODES)[number];

export interface PairScore {
  readonly score: number;
  readonly distanceKm: number;
  readonly reasons: readonly MatchReason[];
}

export interface PairExclusion {
  readonly excluded: ExclusionCode;
}

export interface ShiftRecommendation extends PairScore {
  readonly shift: Shift;
}

export interface VolunteerRecommendation extends PairScore {
  readonly volunteer: Volunteer;
}

export interface ProposedPair extends PairScore {
  readonly shiftId: string;
  readonly volunteerId: string;
}

export interface AssignmentStats {
  /** Pairs that passed the hard filters (the edges of the full problem). */
  readonly candidateEdges: number;
  /** Edges in the pruned problem that was finally solved. */
  readonly solvedEdges: number;
  /** Solve rounds: 1 unless the optimality check had to widen some shift's candidate list. */
  readonly rounds: number;
}

export interface AssignmentProposal {
  /** One pair per place filled, ordered by shift id, then score desc, then volunteer id. */
  readonly pairs: readonly ProposedPair[];
  /** Sum of the chosen pairs' scores: the optimum of the assignment problem. */
  readonly objective: number;
  readonly unfilledPlaces: number;
  readonly stats: AssignmentStats;
}
