import { resolveScoringContext, ScoringContext, ScoringOptions } from './config';
import { createGridIndex, DEFAULT_CELL_KM, GridIndex } from './grid-index';
import { Shift, ShiftRecommendation, Volunteer, VolunteerRecommendation } from './model';
import { PreparedShift, PreparedVolunteer, prepareShift, prepareVolunteer } from './prepare';
import { RankedCandidate, TopK } from './ranking';
import { coverageOf, exclusionOf, explainPrepared, pairDistanceKm, scorePrepared } from './score';

export interface IndexOptions {
  /** Grid cell size; about the query radius / 5 keeps both the cells and the misses few. Default 1 km. */
  readonly cellKm?: number;
}

/** Open shifts bucketed by location, each bucket sorted by start time. Build once, query per volunteer. */
export interface ShiftIndex {
  readonly shifts: readonly PreparedShift[];
  readonly grid: GridIndex;
}

/** Volunteers bucketed by home location. */
export interface VolunteerIndex {
  readonly volunteers: readonly PreparedVolunteer[];
  readonly grid: GridIndex;
}

export function createShiftIndex(shifts: readonly Shift[], options: IndexOptions = {}): ShiftIndex {
  const prepared = shifts.map(prepareShift);
  const grid = createGridIndex(
    Float64Array.from(prepared, (s) => s.lat),
    Float64Array.from(prepared, (s) => s.lng),
    options.cellKm ?? DEFAULT_CELL_KM,
    Float64Array.from(prepared, (s) => s.startMs),
  );
  return { shifts: prepared, grid };
}

export function createVolunteerIndex(volunteers: readonly Volunteer[], options: IndexOptions = {}): VolunteerIndex {
  const prepared = volunteers.map(prepareVolunteer);
  const grid = createGridIndex(
    Float64Array.from(prepared, (v) => v.lat),
    Float64Array.from(prepared, (v) => v.lng),
    options.cellKm ?? DEFAULT_CELL_KM,
  );
  return { volunteers: prepared, grid };
}

export interface RecommendOptions extends ScoringOptions {
  /** How many to return (the API caps it). Default 20. */
  readonly first?: number;
}

export interface RecommendShiftsOptions extends RecommendOptions {
  /** Only shifts starting within this many hours of `now`. Default 14 days. */
  readonly horizonHours?: number;
}

const DEFAULT_FIRST = 20;
const DEFAULT_HORIZON_HOURS = 14 * 24;

function resolveFirst(first: number | undefined): number {
  const value = first ?? DEFAULT_FIRST;
  if (!Number.isInteger(value) || value < 0) throw new RangeError('first must be a non-negative integer');
  return value;
}

/**
 * The best shifts for one volunteer: only shifts in the grid cells under the
 * radius and starting within the horizon are looked at, then filtered, scored
 * and ranked (score desc, distance asc, id asc).
 */
export function recommendShifts(volunteer: Volunteer, index: ShiftIndex, options: RecommendShiftsOptions = {}): ShiftRecommendation[] {
  const context = resolveScoringContext(options);
  const horizonHours = options.horizonHours ?? DEFAULT_HORIZON_HOURS;
  if (!(horizonHours >= 0)) throw new RangeError('horizonHours must be non-negative');
  const person = prepareVolunteer(volunteer);
  const top = new TopK(resolveFirst(options.first));
  index.grid.forEachNear(
    person.lat,
    person.lng,
    context.maxDistanceKm,
    (item) => offerPair(top, person, index.shifts[item], item, index.shifts[item].id, context),
    context.nowMs,
    context.nowMs + horizonHours * 3_600_000,
  );
  return top.sorted().map((ranked) => {
    const shift = index.shifts[ranked.item];
    return { shift: shift.source, ...explainPrepared(person, shift, ranked.distanceKm, context) };
  });
}

/** The best volunteers for one shift, ranked the same way. */
export function recommendVolunteers(shift: Shift, index: VolunteerIndex, options: RecommendOptions = {}): VolunteerRecommendation[] {
  const context = resolveScoringContext(options);
  const target = prepareShift(shift);
  const top = new TopK(resolveFirst(options.first));
  index.grid.forEachNear(target.lat, target.lng, context.maxDistanceKm, (item) =>
    offerPair(top, index.volunteers[item], target, item, index.volunteers[item].id, context),
  );
  return top.sorted().map((ranked) => {
    const person = index.volunteers[ranked.item];
    return { volunteer: person.source, ...explainPrepared(person, target, ranked.distanceKm, context) };
  });
}

function offerPair(top: TopK, volunteer: PreparedVolunteer, shift: PreparedShift, item: number, id: string, context: ScoringContext): void {
  const distanceKm = pairDistanceKm(volunteer, shift);
  if (distanceKm > context.maxDistanceKm) return;
  const coverage = coverageOf(volunteer, shift);
  if (exclusionOf(volunteer, shift, distanceKm, context, coverage) !== null) return;
  const candidate: RankedCandidate = { score: scorePrepared(volunteer, shift, distanceKm, context, coverage), distanceKm, id, item };
  top.offer(candidate);
}
