import { assign, kthLargest, solvePruned } from './assign';
import { BipartiteProblem, solveMaxWeightBMatching } from './b-matching';
import { buildCandidateEdges, CandidateEdges } from './candidate-edges';
import { Shift, Volunteer } from './model';
import { isExcluded, scorePair } from './score';
import { createVolunteerIndex, recommendVolunteers } from './recommend';
import { HOUR, localTime, makeShift, makeVolunteer, MONDAY, offsetKm, seededRandom } from './testing/factories';

const now = MONDAY;
const onlyDistance = { skill: 0, availability: 0, urgency: 0, fairness: 0, reliability: 0, language: 0, distance: 1 };

/** The best total over every way of giving each volunteer one shift or none. */
function bruteForceOptimum(problem: BipartiteProblem): number {
  const options: { shift: number; weight: number }[][] = Array.from({ length: problem.volunteerCount }, () => []);
  for (let s = 0; s < problem.shiftCount; s++) {
    for (let e = problem.edgeStart[s]; e < problem.edgeStart[s + 1]; e++) options[problem.edgeVolunteer[e]].push({ shift: s, weight: problem.edgeWeight[e] });
  }
  const left = Int32Array.from(problem.capacities);
  let best = 0;
  const visit = (v: number, total: number): void => {
    if (v === problem.volunteerCount) {
      best = Math.max(best, total);
      return;
    }
    visit(v + 1, total);
    for (const { shift, weight } of options[v]) {
      if (left[shift] === 0) continue;
      left[shift]--;
      visit(v + 1, total + weight);
      left[shift]++;
    }
  };
  visit(0, 0);
  return best;
}

function asProblem(edges: CandidateEdges): BipartiteProblem {
  return {
    shiftCount: edges.shifts.length,
    volunteerCount: edges.volunteers.length,
    capacities: edges.capacities,
    edgeStart: edges.edgeStart,
    edgeVolunteer: edges.edgeVolunteer,
    edgeWeight: edges.edgeScore,
  };
}

function randomBatch(seed: number): { shifts: Shift[]; volunteers: Volunteer[] } {
  const random = seededRandom(seed);
  const shifts = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => {
    const day = Math.floor(random() * 3);
    return makeShift({
      id: `s${i}`,
      location: offsetKm(random() * 6 - 3, random() * 6 - 3),
      startsAt: localTime(day, 9),
      endsAt: localTime(day, 12),
      requiredSkills: random() < 0.5 ? ['FIRST_AID'] : [],
      skillsMandatory: random() < 0.3,
      placesLeft: 1 + Math.floor(random() * 2),
      placesTotal: 3,
    });
  });
  const volunteers = Array.from({ length: 1 + Math.floor(random() * 7) }, (_, i) => {
    const claimDay = Math.floor(random() * 6);
    return makeVolunteer({
      id: `v${i}`,
      home: offsetKm(random() * 6 - 3, random() * 6 - 3),
      skills: random() < 0.5 ? ['FIRST_AID'] : [],
      verifiedMinutesLast30Days: Math.floor(random() * 1000),
      attendanceRate: random() < 0.3 ? null : random(),
      pastClaims: Math.floor(random() * 10),
      claims: random() < 0.3 ? [{ startsAt: localTime(claimDay, 10), endsAt: localTime(claimDay, 11) }] : [],
      availability: random() < 0.5 ? [{ weekday: Math.floor(random() * 3), startMinute: 480, endMinute: 720 }] : [],
    });
  });
  return { shifts, volunteers };
}

describe('assign on hand-checked batches', () => {
  it('should beat greedy when the best single pair blocks two good ones', () => {
    // x is close to both shifts, y only to A: greedy gives A to x (the best pair) and leaves B empty.
    const shiftA = makeShift({ id: 'A' });
    const shiftB = makeShift({ id: 'B', location: offsetKm(0, 3) });
    const x = makeVolunteer({ id: 'x', home: offsetKm(0, 0.5) });
    const y = makeVolunteer({ id: 'y', home: offsetKm(0, -1) });
    const options = { now, maxDistanceKm: 3.5 };
    const score = (v: Volunteer, s: Shift) => {
      const result = scorePair(v, s, options);
      if (isExcluded(result)) throw new Error(result.excluded);
      return result.score;
    };
    expect(isExcluded(scorePair(y, shiftB, options))).toBe(true);
    const greedyTotal = score(x, shiftA);
    expect(score(x, shiftA)).toBeGreaterThan(Math.max(score(y, shiftA), score(x, shiftB)));

    const proposal = assign([shiftA, shiftB], [x, y], options);
    expect(proposal.pairs.map((p) => `${p.shiftId}:${p.volunteerId}`)).toEqual(['A:y', 'B:x']);
    expect(proposal.objective).toBeCloseTo(score(y, shiftA) + score(x, shiftB), 12);
    expect(proposal.objective).toBeGreaterThan(greedyTotal);
    expect(proposal.unfilledPlaces).toBe(0);
  });

  it('should match the brute-force optimum on a chain of shifts sharing volunteers', () => {
    // Three shifts in a row 2 km apart; each volunteer can reach two of them.
    const shifts = [0, 2, 4].map((east, i) => makeShift({ id: `S${i}`, location: offsetKm(0, east) }));
    const volunteers = [
      makeVolunteer({ id: 'v0', home: offsetKm(0, 1.2) }),
      makeVolunteer({ id: 'v1', home: offsetKm(0, 3) }),
      makeVolunteer({ id: 'v2', home: offsetKm(0, 2) }),
    ];
    const options = { now, maxDistanceKm: 2.1, weights: onlyDistance };
    const proposal = assign(shifts, volunteers, options);
    expect(proposal.pairs).toHaveLength(3);
    expect(proposal.objective).toBeCloseTo(bruteForceOptimum(asProblem(buildCandidateEdges(shifts, volunteers, options))), 12);
  });

  it('should maximise total score even when that fills fewer places', () => {
    // Pure maximum weight: x at A alone (1.0) beats y at A plus x at B (0.29 + 0.29).
    const shiftA = makeShift({ id: 'A' });
    const shiftB = makeShift({ id: 'B', location: offsetKm(0, 5) });
    const x = makeVolunteer({ id: 'x' });
    const y = makeVolunteer({ id: 'y', home: offsetKm(0, -5) });
    const proposal = assign([shiftA, shiftB], [x, y], { now, weights: onlyDistance });
    expect(proposal.pairs.map((p) => `${p.shiftId}:${p.volunteerId}`)).toEqual(['A:x']);
    expect(proposal.objective).toBeCloseTo(1, 6);
    expect(proposal.unfilledPlaces).toBe(1);
  });

  it('should respect places left, use each volunteer once, and skip shifts overlapping their claims', () => {
    const morning = makeShift({ id: 'morning', placesLeft: 2, placesTotal: 2 });
    const sameTime = makeShift({ id: 'same-time', location: offsetKm(0, 0.1), placesLeft: 3, placesTotal: 3 });
    const busy = makeVolunteer({ id: 'busy', claims: [{ startsAt: localTime(5, 8), endsAt: localTime(5, 10) }] });
    const volunteers = [busy, ...['a', 'b', 'c'].map((id, i) => makeVolunteer({ id, home: offsetKm(0.2 * i, 0) }))];
    const proposal = assign([morning, sameTime], volunteers, { now });
    const perShift = (id: string) => proposal.pairs.filter((p) => p.shiftId === id).length;
    expect(perShift('morning')).toBeLessThanOrEqual(2);
    expect(perShift('same-time')).toBeLessThanOrEqual(3);
    expect(new Set(proposal.pairs.map((p) => p.volunteerId)).size).toBe(proposal.pairs.length);
    expect(proposal.pairs.some((p) => p.volunteerId === 'busy')).toBe(false);
    expect(proposal.pairs).toHaveLength(3);
    expect(proposal.unfilledPlaces).toBe(2);
  });

  it('should leave shifts without eligible volunteers unfilled and count their places', () => {
    const far = makeShift({ id: 'far', location: offsetKm(30, 0), placesLeft: 4, placesTotal: 4 });
    const full = makeShift({ id: 'full', placesLeft: 0, placesTotal: 4 });
    const proposal = assign([far, full], [makeVolunteer()], { now });
    expect(proposal).toMatchObject({ pairs: [], objective: 0, unfilledPlaces: 4 });
  });

  it('should carry scores and reasons equal to scorePair for every pair', () => {
    const { shifts, volunteers } = randomBatch(77);
    const proposal = assign(shifts, volunteers, { now });
    for (const pair of proposal.pairs) {
      const shift = shifts.find((s) => s.id === pair.shiftId) as Shift;
      const volunteer = volunteers.find((v) => v.id === pair.volunteerId) as Volunteer;
      const { shiftId, volunteerId, ...scored } = pair;
      expect(scorePair(volunteer, shift, { now, minAvailability: 0.5 })).toEqual(scored);
      expect([shiftId, volunteerId]).toEqual([shift.id, volunteer.id]);
    }
  });

  it('should give the same proposal whatever order shifts and volunteers come in', () => {
    const { shifts, volunteers } = randomBatch(5);
    const forward = assign(shifts, volunteers, { now });
    const backward = assign([...shifts].reverse(), [...volunteers].reverse(), { now });
    expect(backward).toEqual(forward);
  });

  it('should reject duplicate ids', () => {
    expect(() => assign([makeShift(), makeShift()], [], { now })).toThrow(RangeError);
    expect(() => assign([], [makeVolunteer(), makeVolunteer()], { now })).toThrow(RangeError);
  });
});

describe('assign against brute force', () => {
  it('should reach the brute-force optimum on 400 small random batches', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const { shifts, volunteers } = randomBatch(seed);
      const options = { now, maxDistanceKm: 4 };
      const optimum = bruteForceOptimum(asProblem(buildCandidateEdges(shifts, volunteers, options)));
      expect(Math.abs(assign(shifts, volunteers, options).objective - optimum)).toBeLessThan(1e-9);
    }
  });

  it('should stay optimal when pruning keeps one candidate per shift and must widen', () => {
    let widened = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { shifts, volunteers } = randomBatch(1000 + seed);
      const edges = buildCandidateEdges(shifts, volunteers, { now, maxDistanceKm: 6, minAvailability: 0 });
      const { solution, rounds } = solvePruned(edges, () => 1);
      if (rounds > 1) widened++;
      expect(Math.abs(solution.objective - bruteForceOptimum(asProblem(edges)))).toBeLessThan(1e-9);
    }
    expect(widened).toBeGreaterThan(0);
  });

  it('should solve arbitrary positive weights exactly, not only scores', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const random = seededRandom(seed);
      const shiftCount = 1 + Math.floor(random() * 4);
      const volunteerCount = 1 + Math.floor(random() * 7);
      const edgeStart = [0];
      const edgeVolunteer: number[] = [];
      const edgeWeight: number[] = [];
      for (let s = 0; s < shiftCount; s++) {
        for (let v = 0; v < volunteerCount; v++) {
          if (random() < 0.6) {
            edgeVolunteer.push(v);
            // Coarse weights make ties common, which is where solvers slip.
            edgeWeight.push(random() < 0.5 ? Math.ceil(random() * 4) / 4 : random());
          }
        }
        edgeStart.push(edgeVolunteer.length);
      }
      const problem: BipartiteProblem = {
        shiftCount,
        volunteerCount,
        capacities: Int32Array.from({ length: shiftCount }, () => Math.floor(random() * 3)),
        edgeStart: Int32Array.from(edgeStart),
        edgeVolunteer: Int32Array.from(edgeVolunteer),
        edgeWeight: Float64Array.from(edgeWeight),
      };
      const solution = solveMaxWeightBMatching(problem);
      expect(Math.abs(solution.objective - bruteForceOptimum(problem))).toBeLessThan(1e-9);
      const used = new Int32Array(shiftCount);
      solution.volunteerShift.forEach((s) => s >= 0 && used[s]++);
      used.forEach((count, s) => expect(count).toBeLessThanOrEqual(problem.capacities[s]));
    }
  });
});

describe('buildCandidateEdges', () => {
  it('should keep exactly the pairs scorePair accepts, with bit-identical scores', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { shifts, volunteers } = randomBatch(500 + seed);
      for (const options of [{ now }, { now, minAvailability: 0 }, { now: now + 30 * HOUR, maxDistanceKm: 2 }]) {
        const edges = buildCandidateEdges(shifts, volunteers, options);
        const found = new Map<string, number>();
        edges.shifts.forEach((shift, s) => {
          for (let e = edges.edgeStart[s]; e < edges.edgeStart[s + 1]; e++) found.set(`${shift.id}:${edges.volunteers[edges.edgeVolunteer[e]].id}`, edges.edgeScore[e]);
        });
        for (const shift of shifts) {
          for (const volunteer of volunteers) {
            const result = scorePair(volunteer, shift, { minAvailability: 0.5, ...options });
            expect(found.get(`${shift.id}:${volunteer.id}`)).toBe(isExcluded(result) ? undefined : result.score);
          }
        }
      }
    }
  });
});

describe('kthLargest', () => {
  it('should find the k-th largest value like a full sort', () => {
    const random = seededRandom(9);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + Math.floor(random() * 40);
      const values = Float64Array.from({ length: n }, () => Math.floor(random() * 10) / 10);
      const k = 1 + Math.floor(random() * n);
      const expected = [...values].sort((a, b) => b - a)[k - 1];
      expect(kthLargest(values.slice(), n, k)).toBe(expected);
    }
  });
});

describe('assign against the suggestions for one shift', () => {
  it('should propose exactly the top suggestions, never a lower total, when both get the same options', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { shifts, volunteers } = randomBatch(seed);
      const shift = { ...shifts[0], placesLeft: 1 + (seed % 3) };
      const options = { now, maxDistanceKm: 5, minAvailability: 0.5 };
      const top = recommendVolunteers(shift, createVolunteerIndex(volunteers), { ...options, first: shift.placesLeft });
      const proposal = assign([shift], volunteers, options);
      expect(proposal.objective).toBeGreaterThanOrEqual(top.reduce((sum, r) => sum + r.score, 0) - 1e-9);
      expect(proposal.pairs.map((p) => p.volunteerId).sort()).toEqual(top.map((r) => r.volunteer.id).sort());
    }
  });

  it('should filter by availability in the batch only when left to the defaults (so callers pass one options object)', () => {
    const shift = makeShift({ placesLeft: 1, placesTotal: 1 });
    // Free on Tuesday only; the shift is on Saturday.
    const elsewhere = makeVolunteer({ id: 'busy', availability: [{ weekday: 1, startMinute: 0, endMinute: 1440 }] });
    expect(recommendVolunteers(shift, createVolunteerIndex([elsewhere]), { now }).map((r) => r.volunteer.id)).toEqual(['busy']);
    expect(assign([shift], [elsewhere], { now }).pairs).toEqual([]);
    expect(recommendVolunteers(shift, createVolunteerIndex([elsewhere]), { now, minAvailability: 0.5 })).toEqual([]);
  });
});
