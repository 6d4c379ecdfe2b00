import { DEFAULT_WEIGHTS } from './config';
import { isExcluded, scorePair } from './score';
import { PairScore } from './model';
import { parseReasonDetail } from './reason-detail';
import { HOUR, localTime, makeShift, makeVolunteer, MONDAY, offsetKm } from './testing/factories';

const now = MONDAY;

function scored(result: ReturnType<typeof scorePair>): PairScore {
  if (isExcluded(result)) throw new Error(`excluded: ${result.excluded}`);
  return result;
}

describe('scorePair hard filters', () => {
  it('should exclude a full shift', () => {
    expect(scorePair(makeVolunteer(), makeShift({ placesLeft: 0 }), { now })).toEqual({ excluded: 'SHIFT_FULL' });
  });

  it('should exclude a shift that has started', () => {
    expect(scorePair(makeVolunteer(), makeShift(), { now: localTime(5, 9) })).toEqual({ excluded: 'SHIFT_STARTED' });
  });

  it('should exclude a shift overlapping a claim the volunteer holds, but not one that only touches it', () => {
    const overlapping = makeVolunteer({ claims: [{ startsAt: localTime(5, 11), endsAt: localTime(5, 13) }] });
    const touching = makeVolunteer({ claims: [{ startsAt: new Date(localTime(5, 12)), endsAt: new Date(localTime(5, 14)) }] });
    expect(scorePair(overlapping, makeShift(), { now })).toEqual({ excluded: 'OVERLAPPING_CLAIM' });
    expect(isExcluded(scorePair(touching, makeShift(), { now }))).toBe(false);
  });

  it('should exclude the under-age and those of unknown age when a minimum age is set', () => {
    const shift = makeShift({ minimumAge: 18 });
    expect(scorePair(makeVolunteer({ age: 17 }), shift, { now })).toEqual({ excluded: 'UNDER_MINIMUM_AGE' });
    expect(scorePair(makeVolunteer({ age: null }), shift, { now })).toEqual({ excluded: 'UNDER_MINIMUM_AGE' });
    expect(isExcluded(scorePair(makeVolunteer({ age: 18 }), shift, { now }))).toBe(false);
    expect(isExcluded(scorePair(makeVolunteer({ age: null }), makeShift(), { now }))).toBe(false);
  });

  it('should exclude a volunteer missing a required skill only when skills are mandatory', () => {
    const volunteer = makeVolunteer({ skills: ['FIRST_AID'] });
    const mandatory = makeShift({ requiredSkills: ['FIRST_AID', 'DRIVING'], skillsMandatory: true });
    const preferred = makeShift({ requiredSkills: ['FIRST_AID', 'DRIVING'], skillsMandatory: false });
    expect(scorePair(volunteer, mandatory, { now })).toEqual({ excluded: 'MISSING_REQUIRED_SKILL' });
    expect(scored(scorePair(volunteer, preferred, { now })).reasons.find((r) => r.code === 'SKILL_MATCH')?.weight).toBeCloseTo(0.15, 12);
  });

  it('should exclude a volunteer beyond maxDistanceKm', () => {
    const volunteer = makeVolunteer({ home: offsetKm(0, 6) });
    expect(scorePair(volunteer, makeShift(), { now })).toEqual({ excluded: 'TOO_FAR' }); // default 5 km
    expect(isExcluded(scorePair(volunteer, makeShift(), { now, maxDistanceKm: 7 }))).toBe(false);
  });

  it('should exclude a volunteer free for too little of the shift only when minAvailability is set', () => {
    const volunteer = makeVolunteer({ availability: [{ weekday: 5, startMinute: 540, endMinute: 600 }] }); // 1 of 3 hours
    expect(isExcluded(scorePair(volunteer, makeShift(), { now }))).toBe(false);
    expect(scorePair(volunteer, makeShift(), { now, minAvailability: 0.5 })).toEqual({ excluded: 'UNAVAILABLE' });
    expect(isExcluded(scorePair(makeVolunteer(), makeShift(), { now, minAvailability: 1 }))).toBe(false); // nothing declared
  });
});

describe('scorePair score and reasons', () => {
  const volunteer = makeVolunteer({
    skills: ['FIRST_AID'],
    languages: ['zh', 'en'],
    home: offsetKm(2, 0),
    availability: [{ weekday: 5, startMinute: 480, endMinute: 720 }],
    attendanceRate: 0.9,
    pastClaims: 9,
    verifiedMinutesLast30Days: 600,
  });
  const shift = makeShift({ requiredSkills: ['FIRST_AID', 'COOKING'], language: 'en', placesLeft: 2, placesTotal: 4, startsAt: now + 48 * HOUR, endsAt: now + 51 * HOUR });

  it('should give each reason its weighted part and add them up to the score', () => {
    const result = scored(scorePair(volunteer, shift, { now }));
    const weight = Object.fromEntries(result.reasons.map((r) => [r.code, r.weight]));
    expect(weight.SKILL_MATCH).toBeCloseTo(0.3 * 0.5, 12);
    expect(weight.DISTANCE).toBeCloseTo(0.2 * 0.5, 6); // 2 km = distanceHalfKm
    expect(weight.AVAILABILITY).toBe(0); // Wednesday 00:00–03:00 is outside Saturday mornings
    expect(weight.URGENCY).toBeCloseTo(0.1 * 0.5, 12); // 48 h → 1/2, half the places open → 1/2
    expect(weight.FAIRNESS).toBeCloseTo(0.1 * 0.5, 12);
    expect(weight.RELIABILITY).toBeCloseTo(0.1 * ((0.9 * 9 + 0.8 * 3) / 12), 12);
    expect(weight.LANGUAGE).toBeCloseTo(0.05, 12);
    expect(result.reasons.reduce((sum, r) => sum + r.weight, 0)).toBeCloseTo(result.score, 12);
    expect(result.score).toBeGreaterThan(0);
    expect(result.score).toBeLessThanOrEqual(1);
  });

  it('should order reasons by contribution, largest first', () => {
    const weights = scored(scorePair(volunteer, shift, { now })).reasons.map((r) => r.weight);
    expect([...weights].sort((a, b) => b - a)).toEqual(weights);
  });

  it('should state the facts behind each reason in machine-friendly details', () => {
    const saturdayMorning = makeShift({ requiredSkills: ['FIRST_AID', 'COOKING'], language: 'en' });
    const details = Object.fromEntries(scored(scorePair(volunteer, saturdayMorning, { now })).reasons.map((r) => [r.code, parseReasonDetail(r.detail)]));
    expect(details.SKILL_MATCH).toEqual({ matched: 'FIRST_AID', missing: 'COOKING' });
    expect(details.DISTANCE).toEqual({ distanceKm: '2.0' });
    expect(details.AVAILABILITY).toEqual({ weekday: '5', part: 'morning', covered: '1.00' });
    expect(details.URGENCY).toEqual({ startsInHours: '129.0', unfilledShare: '1.00' });
    expect(details.FAIRNESS).toEqual({ verifiedMinutes30d: '600' });
    expect(details.RELIABILITY).toEqual({ attendanceRate: '0.90', pastClaims: '9' });
    expect(details.LANGUAGE).toEqual({ wanted: 'en', spoken: 'true' });
  });

  it('should fall back to neutral parts and the prior for a newcomer and an open shift', () => {
    const result = scored(scorePair(makeVolunteer(), makeShift(), { now }));
    const details = Object.fromEntries(result.reasons.map((r) => [r.code, r.detail]));
    expect(details.SKILL_MATCH).toBe('required=none');
    expect(details.AVAILABILITY).toContain('covered=unknown');
    expect(details.RELIABILITY).toBe('attendanceRate=unknown;prior=0.80');
    expect(details.LANGUAGE).toBe('wanted=none');
  });

  it('should normalise overridden weights so the score stays in [0, 1]', () => {
    const onlyDistance = scored(scorePair(volunteer, shift, { now, weights: { skill: 0, availability: 0, urgency: 0, fairness: 0, reliability: 0, language: 0, distance: 7 } }));
    expect(onlyDistance.score).toBeCloseTo(0.5, 6);
    const doubled = Object.fromEntries(Object.entries(DEFAULT_WEIGHTS).map(([k, w]) => [k, 2 * w]));
    expect(scored(scorePair(volunteer, shift, { now, weights: doubled })).score).toBeCloseTo(scored(scorePair(volunteer, shift, { now })).score, 12);
  });

  it('should reject negative or all-zero weights and invalid input', () => {
    expect(() => scorePair(volunteer, shift, { now, weights: { skill: -1 } })).toThrow(RangeError);
    const zero = { skill: 0, distance: 0, availability: 0, urgency: 0, fairness: 0, reliability: 0, language: 0 };
    expect(() => scorePair(volunteer, shift, { now, weights: zero })).toThrow(RangeError);
    expect(() => scorePair(volunteer, makeShift({ endsAt: localTime(5, 9) }), { now })).toThrow(RangeError);
    expect(() => scorePair(makeVolunteer({ attendanceRate: 1.5 }), shift, { now })).toThrow(RangeError);
    expect(() => scorePair(makeVolunteer({ home: { lat: 91, lng: 0 } }), shift, { now })).toThrow(RangeError);
  });

  it('should accept Date and epoch-ms instants alike', () => {
    const asDates = makeShift({ startsAt: new Date(localTime(5, 9)), endsAt: new Date(localTime(5, 12)) });
    expect(scorePair(volunteer, asDates, { now: new Date(now) })).toEqual(scorePair(volunteer, makeShift(), { now }));
  });
});
