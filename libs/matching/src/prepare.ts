import { cosLatitude, validatePoint } from './geo';
import { Shift, Volunteer } from './model';
import {
  availabilitySlots,
  LocalDaySegment,
  localDaySegments,
  localMinuteOfDay,
  localWeekday,
  mergeWeeklyAvailability,
  segmentSlots,
  toMillis,
  WeeklyAvailability,
} from './time';

/**
 * Volunteers and shifts in the form scoring needs (epoch ms, sets, merged
 * windows), computed once per object: a batch scores each of them thousands of times.
 */
export interface PreparedVolunteer {
  readonly source: Volunteer;
  readonly id: string;
  readonly lat: number;
  readonly lng: number;
  readonly cosLat: number;
  readonly skills: ReadonlySet<string>;
  readonly languages: ReadonlySet<string>;
  /** null when the volunteer declared no availability at all. */
  readonly availability: WeeklyAvailability | null;
  /** 15-minute slots touched by the availability; null when none declared. */
  readonly availabilitySlots: Int32Array | null;
  readonly claimStarts: Float64Array;
  readonly claimEnds: Float64Array;
}

export interface PreparedShift {
  readonly source: Shift;
  readonly id: string;
  readonly lat: number;
  readonly lng: number;
  readonly cosLat: number;
  readonly startMs: number;
  readonly endMs: number;
  /** Distinct required skills, in the shift's order. */
  readonly requiredSkills: readonly string[];
  readonly segments: readonly LocalDaySegment[];
  readonly slotWords: Int32Array;
  readonly slotBits: Int32Array;
  readonly localWeekday: number;
  readonly localStartMinute: number;
}

const preparedVolunteers = new WeakMap<Volunteer, PreparedVolunteer>();
const preparedShifts = new WeakMap<Shift, PreparedShift>();

export function prepareVolunteer(volunteer: Volunteer): PreparedVolunteer {
  const cached = preparedVolunteers.get(volunteer);
  if (cached) return cached;
  validatePoint(volunteer.home, `home of volunteer ${volunteer.id}`);
  const rate = volunteer.attendanceRate;
  if (rate !== null && rate !== undefined && !(rate >= 0 && rate <= 1)) {
    throw new RangeError(`attendanceRate of volunteer ${volunteer.id} must be in [0, 1]`);
  }
  const claims = volunteer.claims
    .map((claim) => [toMillis(claim.startsAt), toMillis(claim.endsAt)] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const availability = volunteer.availability.length > 0 ? mergeWeeklyAvailability(volunteer.availability) : null;
  const prepared: PreparedVolunteer = {
    source: volunteer,
    id: volunteer.id,
    lat: volunteer.home.lat,
    lng: volunteer.home.lng,
    cosLat: cosLatitude(volunteer.home.lat),
    skills: new Set(volunteer.skills),
    languages: new Set(volunteer.languages),
    availability,
    availabilitySlots: availability ? availabilitySlots(availability) : null,
    claimStarts: Float64Array.from(claims, (c) => c[0]),
    claimEnds: Float64Array.from(claims, (c) => c[1]),
  };
  preparedVolunteers.set(volunteer, prepared);
  return prepared;
}

export function prepareShift(shift: Shift): PreparedShift {
  const cached = preparedShifts.get(shift);
  if (cached) return cached;
  validatePoint(shift.location, `location of shift ${shift.id}`);
  const startMs = toMillis(shift.startsAt);
  const endMs = toMillis(shift.endsAt);
  if (!(endMs > startMs)) throw new RangeError(`shift ${shift.id} must end after it starts`);
  if (!Number.isInteger(shift.placesLeft) || !Number.isInteger(shift.placesTotal)) {
    throw new RangeError(`places of shift ${shift.id} must be integers`);
  }
  const segments = localDaySegments(startMs, endMs);
  const slots = segmentSlots(segments);
  const prepared: PreparedShift = {
    source: shift,
    id: shift.id,
    lat: shift.location.lat,
    lng: shift.location.lng,
    cosLat: cosLatitude(shift.location.lat),
    startMs,
    endMs,
    requiredSkills: [...new Set(shift.requiredSkills)],
    segments,
    slotWords: slots.words,
    slotBits: slots.bits,
    localWeekday: localWeekday(startMs),
    localStartMinute: localMinuteOfDay(startMs),
  };
  preparedShifts.set(shift, prepared);
  return prepared;
}
