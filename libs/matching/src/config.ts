import { Instant, REASON_CODES } from './model';
import { toMillis } from './time';

/** Relative importance of each part of the score. Normalised by their sum, so the score stays in [0, 1]. */
export interface MatchWeights {
  readonly skill: number;
  readonly distance: number;
  readonly availability: number;
  readonly urgency: number;
  readonly fairness: number;
  readonly reliability: number;
  readonly language: number;
}

/** The one place the weights live. They add up to 1, so each is the part's share of a perfect score. */
export const DEFAULT_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  skill: 0.3,
  distance: 0.2,
  availability: 0.15,
  urgency: 0.1,
  fairness: 0.1,
  reliability: 0.1,
  language: 0.05,
});

/** Shapes of the parts' curves (see README for the formulas). */
export interface ScoringParameters {
  /** Distance at which the distance part is 1/2: part = 1 / (1 + d / distanceHalfKm). */
  readonly distanceHalfKm: number;
  /** Hours to start at which the time half of urgency is 1/2: 2^(-hours / half-life). */
  readonly urgencyHalfLifeHours: number;
  /** Verified minutes (30 days) at which the fairness part is 1/2: 1 / (1 + minutes / half). */
  readonly fairnessHalfMinutes: number;
  /** Attendance rate assumed for a newcomer. */
  readonly reliabilityPrior: number;
  /** Weight of the prior in past claims: rate' = (rate·n + prior·k) / (n + k). */
  readonly reliabilityPriorClaims: number;
  /** Part value when there is nothing to compare: no skill or language asked, no availability declared. */
  readonly neutralPart: number;
}

export const DEFAULT_PARAMETERS: Readonly<ScoringParameters> = Object.freeze({
  distanceHalfKm: 2,
  urgencyHalfLifeHours: 48,
  fairnessHalfMinutes: 600,
  reliabilityPrior: 0.8,
  reliabilityPriorClaims: 3,
  neutralPart: 0.5,
});

/** A cycling distance in a Chinese city; the API may pass its own. */
export const DEFAULT_MAX_DISTANCE_KM = 5;

/** Options every scoring entry point takes. */
export interface ScoringOptions {
  readonly weights?: Partial<MatchWeights>;
  readonly parameters?: Partial<ScoringParameters>;
  /** Hard filter: pairs farther apart are excluded. Default 5 km. */
  readonly maxDistanceKm?: number;
  /** The clock for urgency and for "already started"; default the current time. */
  readonly now?: Instant;
  /**
   * Hard filter on time: a volunteer who declared availability must be free for at
   * least this share of the shift. Default 0 (off) when ranking; `assign` defaults to
   * 0.5 (DEFAULT_ASSIGN_MIN_AVAILABILITY). Volunteers who declared nothing are never
   * filtered by it.
   */
  readonly minAvailability?: number;
}

/** A batch proposes people only for shifts they said they are mostly free for. */
export const DEFAULT_ASSIGN_MIN_AVAILABILITY = 0.5;

/** Options resolved once per call, shared by every pair scored in it. */
export interface ScoringContext {
  /** Weights in REASON_CODES order, divided by their sum. */
  readonly normalisedWeights: Float64Array;
  readonly parameters: ScoringParameters;
  readonly maxDistanceKm: number;
  readonly nowMs: number;
  readonly minAvailability: number;
}

const WEIGHT_KEYS: readonly (keyof MatchWeights)[] = [
  'skill',
  'distance',
  'availability',
  'urgency',
  'fairness',
  'reliability',
  'language',
];

export function resolveWeights(overrides: Partial<MatchWeights> = {}): Float64Array {
  const merged: MatchWeights = { ...DEFAULT_WEIGHTS, ...overrides };
  const raw = WEIGHT_KEYS.map((key) => merged[key]);
  if (raw.some((w) => !Number.isFinite(w) || w < 0)) {
    throw new RangeError('matching weights must be finite and non-negative');
  }
  const total = raw.reduce((sum, w) => sum + w, 0);
  if (total <= 0) throw new RangeError('matching weights must not all be zero');
  // Normalising keeps every score in [0, 1] whatever the caller overrides.
  return Float64Array.from(raw, (w) => w / total);
}

function resolveParameters(overrides: Partial<ScoringParameters> = {}): ScoringParameters {
  const p: ScoringParameters = { ...DEFAULT_PARAMETERS, ...overrides };
  const positive = [p.distanceHalfKm, p.urgencyHalfLifeHours, p.fairnessHalfMinutes];
  if (positive.some((x) => !(x > 0) || !Number.isFinite(x))) {
    throw new RangeError('distanceHalfKm, urgencyHalfLifeHours and fairnessHalfMinutes must be positive');
  }
  const unit = [p.reliabilityPrior, p.neutralPart];
  if (unit.some((x) => !(x >= 0 && x <= 1))) throw new RangeError('reliabilityPrior and neutralPart must be in [0, 1]');
  if (!(p.reliabilityPriorClaims >= 0)) throw new RangeError('reliabilityPriorClaims must be non-negative');
  return p;
}

export function resolveScoringContext(options: ScoringOptions = {}): ScoringContext {
  const maxDistanceKm = options.maxDistanceKm ?? DEFAULT_MAX_DISTANCE_KM;
  if (!(maxDistanceKm >= 0) || !Number.isFinite(maxDistanceKm)) throw new RangeError('maxDistanceKm must be a finite non-negative number');
  const minAvailability = options.minAvailability ?? 0;
  if (!(minAvailability >= 0 && minAvailability <= 1)) throw new RangeError('minAvailability must be in [0, 1]');
  return {
    minAvailability,
    normalisedWeights: resolveWeights(options.weights),
    parameters: resolveParameters(options.parameters),
    maxDistanceKm,
    nowMs: options.now === undefined ? Date.now() : toMillis(options.now),
  };
}

// The weights array is indexed like REASON_CODES; keep the two lists in step.
if (WEIGHT_KEYS.length !== REASON_CODES.length) throw new Error('weights and reason codes out of step');
