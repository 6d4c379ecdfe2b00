import { Shift, Volunteer } from './model';
import { createShiftIndex, createVolunteerIndex, recommendShifts, recommendVolunteers } from './recommend';
import { isExcluded, scorePair } from './score';
import { HOUR, localTime, makeShift, makeVolunteer, MONDAY, offsetKm, seededRandom } from './testing/factories';

const now = MONDAY;

function randomShifts(count: number, seed: number): Shift[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => {
    const start = now + Math.floor(random() * 20 * 24) * HOUR;
    return makeShift({
      id: `s${String(i).padStart(4, '0')}`,
      location: offsetKm(random() * 16 - 8, random() * 16 - 8),
      startsAt: start,
      endsAt: start + 3 * HOUR,
      requiredSkills: random() < 0.5 ? ['FIRST_AID'] : [],
      skillsMandatory: random() < 0.3,
      placesLeft: Math.floor(random() * 3),
      placesTotal: 3,
    });
  });
}

function randomVolunteers(count: number, seed: number): Volunteer[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) =>
    makeVolunteer({
      id: `v${String(i).padStart(4, '0')}`,
      home: offsetKm(random() * 16 - 8, random() * 16 - 8),
      skills: random() < 0.4 ? ['FIRST_AID'] : [],
      verifiedMinutesLast30Days: Math.floor(random() * 1200),
      attendanceRate: random() < 0.2 ? null : random(),
      availability: random() < 0.5 ? [{ weekday: Math.floor(random() * 7), startMinute: 480, endMinute: 1200 }] : [],
    }),
  );
}

describe('recommendShifts', () => {
  const shifts = randomShifts(600, 1);
  const index = createShiftIndex(shifts);

  it('should return exactly the best eligible shifts a full scan would, in rank order', () => {
    for (const volunteer of randomVolunteers(25, 2)) {
      const options = { now, first: 15, maxDistanceKm: 4, horizonHours: 10 * 24 };
      const expected = shifts
        .filter((s) => (s.startsAt as number) < now + 10 * 24 * HOUR)
        .map((shift) => ({ shift, result: scorePair(volunteer, shift, options) }))
        .flatMap(({ shift, result }) => (isExcluded(result) ? [] : [{ shift, ...result }]))
        .sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || (a.shift.id < b.shift.id ? -1 : 1))
        .slice(0, 15);
      expect(recommendShifts(volunteer, index, options)).toEqual(expected);
    }
  });

  it('should break score ties by distance, then by id', () => {
    // Same start, same places, same skills: only distance and id can differ.
    const twins = [
      makeShift({ id: 'b', location: offsetKm(1, 0) }),
      makeShift({ id: 'a', location: offsetKm(1, 0) }),
      makeShift({ id: 'c', location: offsetKm(0.5, 0) }),
    ];
    const ranked = recommendShifts(makeVolunteer(), createShiftIndex(twins), { now });
    expect(ranked.map((r) => r.shift.id)).toEqual(['c', 'a', 'b']);
    const reversed = recommendShifts(makeVolunteer(), createShiftIndex([...twins].reverse()), { now });
    expect(reversed).toEqual(ranked);
  });

  it('should leave out shifts that start after the horizon or have started', () => {
    const soon = makeShift({ id: 'soon', startsAt: localTime(0, 10), endsAt: localTime(0, 12) });
    const later = makeShift({ id: 'later', startsAt: localTime(20, 10), endsAt: localTime(20, 12) });
    const started = makeShift({ id: 'started', startsAt: localTime(0, 8), endsAt: localTime(0, 12) });
    const ranked = recommendShifts(makeVolunteer(), createShiftIndex([soon, later, started]), { now: localTime(0, 9) });
    expect(ranked.map((r) => r.shift.id)).toEqual(['soon']);
  });

  it('should return at most `first` results and none for first = 0', () => {
    expect(recommendShifts(makeVolunteer(), index, { now, first: 3 })).toHaveLength(3);
    expect(recommendShifts(makeVolunteer(), index, { now, first: 0 })).toEqual([]);
    expect(() => recommendShifts(makeVolunteer(), index, { now, first: -1 })).toThrow(RangeError);
  });
});

describe('recommendVolunteers', () => {
  const volunteers = randomVolunteers(800, 3);
  const index = createVolunteerIndex(volunteers);

  it('should return exactly the best eligible volunteers a full scan would, in rank order', () => {
    for (const shift of randomShifts(20, 4)) {
      const options = { now, first: 10 };
      const expected = volunteers
        .map((volunteer) => ({ volunteer, result: scorePair(volunteer, shift, options) }))
        .flatMap(({ volunteer, result }) => (isExcluded(result) ? [] : [{ volunteer, ...result }]))
        .sort((a, b) => b.score - a.score || a.distanceKm - b.distanceKm || (a.volunteer.id < b.volunteer.id ? -1 : 1))
        .slice(0, 10);
      expect(recommendVolunteers(shift, index, options)).toEqual(expected);
    }
  });

  it('should rank the same whatever order the volunteers were indexed in', () => {
    const shift = makeShift({ placesLeft: 2, placesTotal: 2 });
    const forward = recommendVolunteers(shift, index, { now, first: 30 });
    const backward = recommendVolunteers(shift, createVolunteerIndex([...volunteers].reverse()), { now, first: 30 });
    expect(backward).toEqual(forward);
  });
});
