/**
 * A synthetic district around Chengdu (30.64N 104.05E): residential communities
 * within ~10 km, volunteers living around them with skills, languages, ages and
 * weekly availability shaped by who they are (students, working adults,
 * retirees), and shifts over a week at community venues. Seeded: the same
 * arguments always give the same district.
 */
import type { AvailabilityWindow, GeoPoint, Shift, TimeInterval, Volunteer } from '@civicgrid/matching';

export const CHENGDU: GeoPoint = { lat: 30.64, lng: 104.05 };
const KM_PER_DEGREE = 111.19508;
const HOUR = 3_600_000;
/** Monday 2026-11-30 00:00 Asia/Shanghai. */
export const WEEK_START = Date.UTC(2026, 10, 30) - 8 * HOUR;
/** Batches are run on the Sunday noon before the week. */
export const BATCH_NOW = WEEK_START - 12 * HOUR;

export type Random = () => number;

/** mulberry32: small, fast, good enough for synthetic data. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function pick<T>(random: Random, items: readonly T[], weights?: readonly number[]): T {
  if (!weights) return items[Math.floor(random() * items.length)];
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < items.length; i++) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

function offset(from: GeoPoint, northKm: number, eastKm: number): GeoPoint {
  return { lat: from.lat + northKm / KM_PER_DEGREE, lng: from.lng + eastKm / (KM_PER_DEGREE * Math.cos((from.lat * Math.PI) / 180)) };
}

export const SKILLS = [
  'FIRST_AID', 'ELDER_CARE', 'CHILD_CARE', 'TUTORING', 'DRIVING', 'COOKING', 'IT_SUPPORT',
  'SIGN_LANGUAGE', 'TRANSLATION_EN', 'COUNSELLING', 'LEGAL_AID', 'WASTE_SORTING', 'PHOTOGRAPHY', 'MEDIATION',
] as const;
const SKILL_POPULARITY = [15, 12, 10, 12, 10, 12, 6, 1, 5, 3, 2, 10, 5, 3];

const CATEGORY_SKILLS: Record<string, readonly string[]> = {
  ELDER_CARE: ['ELDER_CARE', 'FIRST_AID', 'COOKING'],
  TUTORING: ['TUTORING', 'IT_SUPPORT', 'TRANSLATION_EN'],
  WASTE_SORTING: ['WASTE_SORTING'],
  SAFETY_PATROL: ['FIRST_AID'],
  HEALTH_CHECK: ['FIRST_AID', 'COUNSELLING'],
  COMMUNITY_EVENT: ['PHOTOGRAPHY', 'COOKING', 'DRIVING'],
  MEDIATION: ['MEDIATION', 'LEGAL_AID'],
  CHILD_CARE: ['CHILD_CARE', 'FIRST_AID'],
  ACCESSIBILITY: ['SIGN_LANGUAGE', 'DRIVING'],
};
const CATEGORIES = Object.keys(CATEGORY_SKILLS);
const CATEGORY_SHARE = [16, 14, 18, 12, 8, 14, 5, 9, 4];

interface Community {
  readonly centre: GeoPoint;
  readonly weight: number;
}

/** Residential communities (社区) spread over a disc of ~9 km: dense ones near the centre. */
export function generateCommunities(random: Random, count = 80, radiusKm = 9): Community[] {
  return Array.from({ length: count }, () => {
    const r = radiusKm * Math.sqrt(random());
    const angle = 2 * Math.PI * random();
    const weight = 0.3 + 1.7 * random() * (1 - (0.5 * r) / radiusKm);
    return { centre: offset(CHENGDU, r * Math.cos(angle), r * Math.sin(angle)), weight };
  });
}

function nearCommunity(random: Random, communities: readonly Community[], spreadKm: number): GeoPoint {
  const community = pick(random, communities, communities.map((c) => c.weight));
  return offset(community.centre, gaussian(random) * spreadKm, gaussian(random) * spreadKm);
}

type Persona = 'student' | 'worker' | 'retiree';

function availabilityOf(random: Random, persona: Persona): AvailabilityWindow[] {
  if (random() < 0.08) return []; // never filled in the form
  const windows: AvailabilityWindow[] = [];
  const weekdays = [0, 1, 2, 3, 4].sort(() => random() - 0.5);
  if (persona === 'retiree') {
    for (const weekday of weekdays.slice(0, 3 + Math.floor(random() * 3))) windows.push({ weekday, startMinute: 480, endMinute: 690 });
    if (random() < 0.5) windows.push({ weekday: weekdays[0], startMinute: 840, endMinute: 1020 });
  } else {
    for (const weekday of weekdays.slice(0, 1 + Math.floor(random() * 3))) windows.push({ weekday, startMinute: 1110, endMinute: 1290 });
  }
  if (persona !== 'retiree' || random() < 0.3) {
    const weekend = pick(random, [5, 6]);
    windows.push(random() < 0.6 ? { weekday: weekend, startMinute: 480, endMinute: 720 } : { weekday: weekend, startMinute: 810, endMinute: 1080 });
    if (random() < 0.4) windows.push({ weekday: 11 - weekend, startMinute: 540, endMinute: 1020 });
  }
  return windows;
}

function claimsOf(random: Random): TimeInterval[] {
  if (random() >= 0.12) return [];
  return Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
    const start = WEEK_START + Math.floor(random() * 7) * 24 * HOUR + (8 + Math.floor(random() * 12)) * HOUR;
    return { startsAt: start, endsAt: start + (2 + Math.floor(random() * 2)) * HOUR };
  });
}

export function generateVolunteers(random: Random, communities: readonly Community[], count: number, idPrefix = 'v'): Volunteer[] {
  return Array.from({ length: count }, (_, i) => {
    const persona = pick<Persona>(random, ['student', 'worker', 'retiree'], [25, 45, 30]);
    const skillCount = pick(random, [0, 1, 2, 3], [30, 35, 25, 10]);
    const skills = new Set<string>();
    while (skills.size < skillCount) skills.add(pick(random, SKILLS, SKILL_POPULARITY));
    const languages = ['zh'];
    if (random() < (persona === 'retiree' ? 0.04 : 0.2)) languages.push('en');
    if (random() < 0.03) languages.push('yue');
    if (skills.has('SIGN_LANGUAGE')) languages.push('csl');
    const newcomer = random() < 0.2;
    const pastClaims = newcomer ? 0 : 1 + Math.floor(-Math.log(1 - random()) * 10);
    const age = persona === 'student' ? 16 + Math.floor(random() * 7) : persona === 'worker' ? 23 + Math.floor(random() * 37) : 60 + Math.floor(random() * 19);
    return {
      id: `${idPrefix}${String(i).padStart(6, '0')}`,
      skills: [...skills],
      languages,
      home: nearCommunity(random, communities, 0.7),
      availability: availabilityOf(random, persona),
      claims: claimsOf(random),
      attendanceRate: newcomer ? null : Math.min(1, 0.45 + 0.55 * Math.sqrt(random())),
      pastClaims,
      verifiedMinutesLast30Days: random() < 0.35 ? 0 : Math.round(-Math.log(1 - random()) * 540),
      age: random() < 0.05 ? null : age,
    };
  });
}

/** Shifts at community venues over `days` days from WEEK_START; weekends are busier. */
export function generateShifts(random: Random, communities: readonly Community[], count: number, days = 7, idPrefix = 's'): Shift[] {
  const shifts: Shift[] = [];
  let task = 0;
  while (shifts.length < count) {
    task++;
    const category = pick(random, CATEGORIES, CATEGORY_SHARE);
    const venue = nearCommunity(random, communities, 0.4);
    const pool = CATEGORY_SKILLS[category];
    const requiredCount = pick(random, [0, 1, 2], [35, 45, 20]);
    const requiredSkills = [...new Set(Array.from({ length: requiredCount }, () => pick(random, pool)))];
    const skillsMandatory = requiredSkills.length > 0 && random() < 0.35;
    const minimumAge = pick(random, [null, 18, 16], [60, 30, 10]);
    const language = pick(random, [null, 'en', 'yue', 'csl'], [85, 10, 3, 2]);
    const shiftsInTask = Math.min(count - shifts.length, 1 + Math.floor(random() * 4));
    for (let k = 0; k < shiftsInTask; k++) {
      const day = pick(random, Array.from({ length: days }, (_, d) => d), Array.from({ length: days }, (_, d) => (d % 7 >= 5 ? 2 : 1)));
      const weekend = day % 7 >= 5;
      const slot = weekend ? pick(random, ['morning', 'afternoon'], [55, 45]) : pick(random, ['morning', 'afternoon', 'evening'], [50, 25, 25]);
      const startHour = slot === 'morning' ? 8 + Math.floor(random() * 8) / 2 : slot === 'afternoon' ? 13.5 + Math.floor(random() * 7) / 2 : 18.5 + Math.floor(random() * 3) / 2;
      const hours = pick(random, [2, 2.5, 3, 4], [35, 20, 30, 15]);
      const startsAt = WEEK_START + day * 24 * HOUR + startHour * HOUR;
      const placesTotal = pick(random, [1, 2, 3, 4, 5, 6, 8], [10, 20, 25, 18, 12, 9, 6]);
      const placesLeft = Math.max(1, placesTotal - Math.floor(random() * placesTotal * 0.6));
      shifts.push({
        id: `${idPrefix}${String(shifts.length).padStart(6, '0')}`,
        taskId: `task${task}`,
        startsAt,
        endsAt: startsAt + hours * HOUR,
        location: offset(venue, gaussian(random) * 0.05, gaussian(random) * 0.05),
        requiredSkills,
        skillsMandatory,
        minimumAge,
        placesLeft,
        placesTotal,
        category,
        language,
      });
    }
  }
  return shifts;
}

export interface District {
  readonly volunteers: Volunteer[];
  readonly shifts: Shift[];
}

export function generateDistrict(seed: number, volunteerCount: number, shiftCount: number, days = 7): District {
  const random = seededRandom(seed);
  const communities = generateCommunities(random);
  return { volunteers: generateVolunteers(random, communities, volunteerCount), shifts: generateShifts(random, communities, shiftCount, days) };
}
