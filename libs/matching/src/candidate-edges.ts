import { DEFAULT_ASSIGN_MIN_AVAILABILITY, resolveScoringContext, ScoringContext, ScoringOptions } from './config';
import { haversineWithCosKm, KM_PER_DEGREE } from './geo';
import { createGridIndex, DEFAULT_CELL_KM } from './grid-index';
import { Shift, Volunteer } from './model';
import { PreparedShift, PreparedVolunteer, prepareShift, prepareVolunteer } from './prepare';
import { combineParts, fairnessOf, reliabilityOf, shiftExclusion, urgencyOf } from './score';
import { distancePart } from './score-parts';
import { coverageIn, overlapsAny, WEEK_SLOT_WORDS } from './time';

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

/**
 * A batch looks at millions of pairs, so the volunteers' facts are packed into
 * flat arrays in grid order (a cell is one linear scan, no pointer chasing), and
 * skills and languages become bit masks over the names the batch's shifts ask
 * for. Every filter and part below computes exactly what score.ts computes for
 * one pair (same operations, same order, so the same bits); a unit test holds
 * the two paths together.
 */
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
  const skillBits = new NameBits(preparedShifts.flatMap((s) => s.requiredSkills));
  const languageBits = new NameBits(preparedShifts.flatMap((s) => (s.source.language ? [s.source.language] : [])));
  const at = packVolunteers(preparedVolunteers, grid.order, skillBits, languageBits, context);

  const weights = context.normalisedWeights;
  const { neutralPart, distanceHalfKm } = context.parameters;
  const requireTime = context.minAvailability > 0;
  const skillWords = skillBits.words;
  const maxKm = context.maxDistanceKm;
  // A flat-earth distance first rejects most of the box cheaply; the margin keeps it
  // from rejecting anything haversine would accept. Beyond ~200 km skip the shortcut.
  const quickLimitSq = maxKm <= 200 ? (maxKm * 1.01 + 0.01) ** 2 : Infinity;

  const edgeStart = new Int32Array(preparedShifts.length + 1);
  const volunteerOut = new Growable(Int32Array);
  const scoreOut = new Growable(Float64Array);

  preparedShifts.forEach((shift, s) => {
    edgeStart[s] = volunteerOut.length;
    if (shiftExclusion(shift, context) !== null) return;
    const source = shift.source;
    const urgency = urgencyOf(shift, context);
    const kmPerLng = KM_PER_DEGREE * shift.cosLat;
    const { slotWords, slotBits, segments, startMs, endMs } = shift;
    const required = skillBits.maskOf(shift.requiredSkills);
    const requiredCount = shift.requiredSkills.length;
    const mandatory = source.skillsMandatory;
    const minimumAge = source.minimumAge ?? null;
    const language = source.language ? languageBits.bitOf(source.language) : null;

    grid.forEachRangeNear(shift.lat, shift.lng, maxKm, (from, to) => {
      for (let k = from; k < to; k++) {
        const dy = (at.lat[k] - shift.lat) * KM_PER_DEGREE;
        const dx = (at.lng[k] - shift.lng) * kmPerLng;
        if (dx * dx + dy * dy > quickLimitSq) continue;

        // Time first: the slot bitmaps rule most people out without measuring.
        let coverage = -1; // −1: no availability declared (part is neutral, never filtered)
        if (at.declared[k] === 1) {
          let sharesSlot = false;
          const base = k * WEEK_SLOT_WORDS;
          for (let i = 0; i < slotWords.length && !sharesSlot; i++) sharesSlot = (at.slots[base + slotWords[i]] & slotBits[i]) !== 0;
          coverage = sharesSlot ? coverageIn(segments, at.dayStart, k * 8, at.bounds) : 0;
        }
        // The filters of personalExclusion, in its order.
        if (at.claimFrom[k] < at.claimFrom[k + 1] && overlapsAny(startMs, endMs, at.claimStarts, at.claimEnds, at.claimFrom[k], at.claimFrom[k + 1])) continue;
        if (minimumAge !== null && !(at.age[k] >= minimumAge)) continue;
        let matched = 0;
        for (let w = 0; w < skillWords; w++) matched += popcount(at.skills[k * skillWords + w] & required[w]);
        if (mandatory && matched < requiredCount) continue;
        if (requireTime && coverage >= 0 && coverage < context.minAvailability) continue;
        // Distance is measured last, for the few pairs every other filter let through;
        // same formula and operands as pairDistanceKm, so explanations show this very distance.
        const distanceKm = haversineWithCosKm(at.lat[k], at.lng[k], at.cosLat[k], shift.lat, shift.lng, shift.cosLat);
        if (distanceKm > maxKm) continue;

        const v = grid.order[k];
        volunteerOut.push(v);
        scoreOut.push(
          combineParts(
            weights,
            requiredCount === 0 ? neutralPart : matched / requiredCount,
            distancePart(distanceKm, distanceHalfKm),
            coverage < 0 ? neutralPart : coverage,
            urgency,
            at.fairness[k],
            at.reliability[k],
            language === null ? neutralPart : (at.languages[k * languageBits.words + language.word] & language.bit) !== 0 ? 1 : 0,
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

/** The volunteers' facts, one entry (or a fixed-width run) per grid position. */
function packVolunteers(volunteers: readonly PreparedVolunteer[], order: Int32Array, skillBits: NameBits, languageBits: NameBits, context: ScoringContext) {
  const count = order.length;
  const inOrder = Array.from(order, (v) => volunteers[v]);
  const slots = new Int32Array(count * WEEK_SLOT_WORDS);
  const dayStart = new Int32Array(count * 8);
  const bounds: number[] = [];
  const claimFrom = new Int32Array(count + 1);
  const claimStarts: number[] = [];
  const claimEnds: number[] = [];
  const skills = new Int32Array(count * skillBits.words);
  const languages = new Int32Array(count * languageBits.words);
  inOrder.forEach((volunteer, k) => {
    if (volunteer.availabilitySlots) slots.set(volunteer.availabilitySlots, k * WEEK_SLOT_WORDS);
    const availability = volunteer.availability;
    for (let d = 0; d < 8; d++) dayStart[k * 8 + d] = bounds.length + (availability ? availability.dayStart[d] : 0);
    if (availability) bounds.push(...availability.bounds);
    claimFrom[k] = claimStarts.length;
    claimStarts.push(...volunteer.claimStarts);
    claimEnds.push(...volunteer.claimEnds);
    skills.set(skillBits.maskOf([...volunteer.skills]), k * skillBits.words);
    languages.set(languageBits.maskOf([...volunteer.languages]), k * languageBits.words);
  });
  claimFrom[count] = claimStarts.length;
  return {
    lat: Float64Array.from(inOrder, (v) => v.lat),
    lng: Float64Array.from(inOrder, (v) => v.lng),
    cosLat: Float64Array.from(inOrder, (v) => v.cosLat),
    declared: Uint8Array.from(inOrder, (v) => (v.availability ? 1 : 0)),
    slots,
    dayStart,
    bounds: Float64Array.from(bounds),
    claimFrom,
    claimStarts: Float64Array.from(claimStarts),
    claimEnds: Float64Array.from(claimEnds),
    // NaN for an unknown age fails every `age >= minimum` test, as in personalExclusion.
    age: Float64Array.from(inOrder, (v) => v.source.age ?? NaN),
    skills,
    languages,
    // Parts of the volunteer alone, computed by the same functions explanations use.
    fairness: Float64Array.from(inOrder, (v) => fairnessOf(v, context)),
    reliability: Float64Array.from(inOrder, (v) => reliabilityOf(v, context)),
  };
}

/** Names (skills, languages) numbered into bits; names no shift asks for get none, as they never count. */
class NameBits {
  private readonly index = new Map<string, number>();
  readonly words: number;

  constructor(names: readonly string[]) {
    for (const name of names) if (!this.index.has(name)) this.index.set(name, this.index.size);
    this.words = Math.max(1, Math.ceil(this.index.size / 32));
  }

  maskOf(names: readonly string[]): Int32Array {
    const mask = new Int32Array(this.words);
    for (const name of names) {
      const i = this.index.get(name);
      if (i !== undefined) mask[i >>> 5] |= 1 << (i & 31);
    }
    return mask;
  }

  bitOf(name: string): { word: number; bit: number } {
    const i = this.index.get(name) ?? 0;
    return { word: i >>> 5, bit: 1 << (i & 31) };
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function inIdOrder<T extends { readonly id: string }>(items: T[], what: string): T[] {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new RangeError(`duplicate ${what} id ${sorted[i].id}`);
  }
  return sorted;
}

type TypedArray = Int32Array | Float64Array;

/** A typed array that doubles as it fills. */
class Growable<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: new (length: number) => T) {
    this.data = new make(4096);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = value;
  }

  toArray(): T {
    return this.data.slice(0, this.length) as T;
  }
}
