import { DEFAULT_ASSIGN_MIN_AVAILABILITY, resolveScoringContext, ScoringContext, ScoringOptions } from './config';
import { haversineWithCosKm, KM_PER_DEGREE } from './geo';
import { createGridIndex, DEFAULT_CELL_KM } from './grid-index';
import { Shift, Volunteer } from './model';
import { PreparedShift, PreparedVolunteer, prepareShift, prepareVolunteer } from './prepare';
import { combineParts, fairnessOf, personalExclusion, reliabilityOf, shiftExclusion, urgencyOf } from './score';
import { availabilityPart, distancePart, languagePart, skillPart } from './score-parts';
import { availabilityCoverage, WEEK_SLOT_WORDS } from './time';

/**
 * The edges of a batch's assignment problem: every (shift, volunteer) pair that
 * passes the hard filters, with its score. Shifts and volunteers are in id order
 * (ordinal), so the same batch gives the same problem whatever order it came in.
 */
export interface CandidateEdges {
  readonly shifts: readonly PreparedShift[];
  readonly volunteers: readonly PreparedVolunteer[];
  /** Places to fill per shift (places left, never negative). */
  readonly capacities: Int32Array;
  /** Edges of shift s are edgeStart[s] … edgeStart[s + 1] − 1. */
  readonly edgeStart: Int32Array;
  readonly edgeVolunteer: Int32Array;
  readonly edgeScore: Float64Array;
}

export interface CandidateEdgeOptions extends ScoringOptions {
  readonly cellKm?: number;
}

/** Options as `assign` reads them: minAvailability defaults to DEFAULT_ASSIGN_MIN_AVAILABILITY. */
export function resolveBatchContext(options: ScoringOptions): ScoringContext {
  return resolveScoringContext({ ...options, minAvailability: options.minAvailability ?? DEFAULT_ASSIGN_MIN_AVAILABILITY });
}

/** The same edges `assign` solves over, for callers that want to inspect or cross-check them. */
export function buildCandidateEdges(shifts: readonly Shift[], volunteers: readonly Volunteer[], options: CandidateEdgeOptions = {}): CandidateEdges {
  return buildCandidateEdgesInContext(shifts, volunteers, resolveBatchContext(options), options.cellKm ?? DEFAULT_CELL_KM);
}

export function buildCandidateEdgesInContext(
  shifts: readonly Shift[],
  volunteers: readonly Volunteer[],
  context: ScoringContext,
  cellKm: number,
): CandidateEdges {
  const preparedShifts = inIdOrder(shifts.map(prepareShift), 'shift');
  const preparedVolunteers = inIdOrder(volunteers.map(prepareVolunteer), 'volunteer');
  const grid = createGridIndex(
    Float64Array.from(preparedVolunteers, (v) => v.lat),
    Float64Array.from(preparedVolunteers, (v) => v.lng),
    cellKm,
  );
  const capacities = Int32Array.from(preparedShifts, (s) => Math.max(0, s.source.placesLeft));

  // The volunteers' hot data laid out in grid order, so a cell is one linear scan.
  const order = grid.order;
  const count = order.length;
  const latAt = Float64Array.from(order, (v) => preparedVolunteers[v].lat);
  const lngAt = Float64Array.from(order, (v) => preparedVolunteers[v].lng);
  const declaredAt = Uint8Array.from(order, (v) => (preparedVolunteers[v].availabilitySlots ? 1 : 0));
  const slotsAt = new Int32Array(count * WEEK_SLOT_WORDS);
  order.forEach((v, k) => {
    const slots = preparedVolunteers[v].availabilitySlots;
    if (slots) slotsAt.set(slots, k * WEEK_SLOT_WORDS);
  });
  // Parts of one side only are computed once, by the same functions explanations use.
  const fairness = Float64Array.from(preparedVolunteers, (v) => fairnessOf(v, context));
  const reliability = Float64Array.from(preparedVolunteers, (v) => reliabilityOf(v, context));
  const weights = context.normalisedWeights;
  const { neutralPart, distanceHalfKm } = context.parameters;
  const requireTime = context.minAvailability > 0;

  const edgeStart = new Int32Array(preparedShifts.length + 1);
  const volunteerOut = new GrowableInt32();
  const scoreOut = new GrowableFloat64();
  const maxKm = context.maxDistanceKm;
  // A flat-earth distance first rejects most of the box cheaply; the margin keeps it
  // from rejecting anything haversine would accept. Beyond ~200 km skip the shortcut.
  const quickLimitSq = maxKm <= 200 ? (maxKm * 1.01 + 0.01) ** 2 : Infinity;

  preparedShifts.forEach((shift, s) => {
    edgeStart[s] = volunteerOut.length;
    if (shiftExclusion(shift, context) !== null) return;
    const urgency = urgencyOf(shift, context);
    const language = shift.source.language;
    const kmPerLng = KM_PER_DEGREE * shift.cosLat;
    const { slotWords, slotBits } = shift;
    grid.forEachRangeNear(shift.lat, shift.lng, maxKm, (from, to) => {
      for (let k = from; k < to; k++) {
        const dy = (latAt[k] - shift.lat) * KM_PER_DEGREE;
        const dx = (lngAt[k] - shift.lng) * kmPerLng;
        if (dx * dx + dy * dy > quickLimitSq) continue;
        let sharesSlot = true;
        if (declaredAt[k] === 1) {
          sharesSlot = false;
          const base = k * WEEK_SLOT_WORDS;
          for (let i = 0; i < slotWords.length && !sharesSlot; i++) sharesSlot = (slotsAt[base + slotWords[i]] & slotBits[i]) !== 0;
          // No shared slot means coverage 0: below any positive minimum.
          if (!sharesSlot && requireTime) continue;
        }
        const v = order[k];
        const volunteer = preparedVolunteers[v];
        const coverage = volunteer.availability === null ? null : sharesSlot ? availabilityCoverage(shift.segments, volunteer.availability) : 0;
        // Distance is measured last, for the few pairs every other filter let through.
        if (personalExclusion(volunteer, shift, 0, context, coverage) !== null) continue;
        // Same formula and operands as pairDistanceKm, so explanations show this very distance.
        const distanceKm = haversineWithCosKm(volunteer.lat, volunteer.lng, volunteer.cosLat, shift.lat, shift.lng, shift.cosLat);
        if (distanceKm > maxKm) continue;
        volunteerOut.push(v);
        scoreOut.push(
          combineParts(
            weights,
            skillPart(shift.requiredSkills, volunteer.skills, neutralPart),
            distancePart(distanceKm, distanceHalfKm),
            availabilityPart(coverage, neutralPart),
            urgency,
            fairness[v],
            reliability[v],
            languagePart(language, volunteer.languages, neutralPart),
          ),
        );
      }
    });
  });
  edgeStart[preparedShifts.length] = volunteerOut.length;

  return {
    shifts: preparedShifts,
    volunteers: preparedVolunteers,
    capacities,
    edgeStart,
    edgeVolunteer: volunteerOut.toArray(),
    edgeScore: scoreOut.toArray(),
  };
}

function inIdOrder<T extends { readonly id: string }>(items: T[], what: string): T[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new RangeError(`duplicate ${what} id ${sorted[i].id}`);
  }
  return sorted;
}

class GrowableInt32 {
  private data = new Int32Array(4096);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

class GrowableFloat64 {
  private data = new Float64Array(4096);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }
  toArray(): Float64Array {
    return this.data.slice(0, this.length);
  }
}
