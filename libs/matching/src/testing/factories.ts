import { GeoPoint, Shift, Volunteer } from '../model';
import { LOCAL_UTC_OFFSET_MS } from '../time';

/** Monday 2026-11-30 00:00 in Asia/Shanghai: the tests' "now" unless they say otherwise. */
export const MONDAY = Date.UTC(2026, 10, 30) - LOCAL_UTC_OFFSET_MS;
export const HOUR = 3_600_000;

/** Epoch ms of a local time `days` after MONDAY. */
export function localTime(days: number, hours: number, minutes = 0): number {
  return MONDAY + days * 24 * HOUR + hours * HOUR + minutes * 60_000;
}

/** Chengdu, Tianfu Square. */
export const CENTRE: GeoPoint = { lat: 30.6571, lng: 104.0657 };

/** A point `northKm` north and `eastKm` east of CENTRE. */
export function offsetKm(northKm: number, eastKm: number, from: GeoPoint = CENTRE): GeoPoint {
  const kmPerDegree = 111.19508;
  return { lat: from.lat + northKm / kmPerDegree, lng: from.lng + eastKm / (kmPerDegree * Math.cos((from.lat * Math.PI) / 180)) };
}

export function makeVolunteer(overrides: Partial<Volunteer> = {}): Volunteer {
  return {
    id: 'v1',
    skills: [],
    languages: ['zh'],
    home: CENTRE,
    availability: [],
    claims: [],
    attendanceRate: null,
    verifiedMinutesLast30Days: 0,
    age: 30,
    ...overrides,
  };
}

export function makeShift(overrides: Partial<Shift> = {}): Shift {
  return {
    id: 's1',
    taskId: 't1',
    startsAt: localTime(5, 9),
    endsAt: localTime(5, 12),
    location: CENTRE,
    requiredSkills: [],
    skillsMandatory: false,
    placesLeft: 1,
    placesTotal: 1,
    category: 'COMMUNITY_EVENT',
    ...overrides,
  };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
