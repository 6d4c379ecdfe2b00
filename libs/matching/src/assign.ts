import { BipartiteSolution, solveMaxWeightBMatching } from './b-matching';
import { buildCandidateEdgesInContext, CandidateEdgeOptions, CandidateEdges, resolveBatchContext } from './candidate-edges';
import { DEFAULT_CELL_KM } from './grid-index';
import { AssignmentProposal, ProposedPair, Shift, Volunteer } from './model';
import { explainPrepared, pairDistanceKm } from './score';

export type AssignOptions = CandidateEdgeOptions;

/**
 * An optimality check may tolerate this much float noise per edge; far below
 * anything a score can mean, far above the rounding of a few thousand additions.
 */
const REDUCED_COST_TOLERANCE = 1e-9;

/**
 * Chooses volunteers for the shifts' open places so that the total score is the
 * maximum possible: each volunteer at most once per batch (so chosen pairs never
 * overlap each other), never against the hard filters (existing claims, age,
 * mandatory skills, distance), never beyond places left. Exact, not greedy: see
 * b-matching.ts. Deterministic: the same batch gives the same pairs in any input order.
 */
export function assign(shifts: readonly Shift[], volunteers: readonly Volunteer[], options: AssignOptions = {}): AssignmentProposal {
  const context = resolveBatchContext(options);
  const edges = buildCandidateEdgesInContext(shifts, volunteers, context, options.cellKm ?? DEFAULT_CELL_KM);
  const { solution, solvedEdges, rounds } = solvePruned(edges);

  const pairs: ProposedPair[] = [];
  solution.volunteerShift.forEach((s, v) => {
    if (s < 0) return;
    const shift = edges.shifts[s];
    const volunteer = edges.volunteers[v];
    const explained = explainPrepared(volunteer, shift, pairDistanceKm(volunteer, shift), context);
    pairs.push({ shiftId: shift.id, volunteerId: volunteer.id, ...explained });
  });
  pairs.sort(comparePairs);
  const objective = pairs.reduce((sum, pair) => sum + pair.score, 0);
  const places = edges.capacities.reduce((sum, c) => sum + c, 0);
  return {
    pairs,
    objective,
    unfilledPlaces: places - pairs.length,
    stats: { candidateEdges: edges.edgeVolunteer.length, solvedEdges, rounds },
  };
}

function comparePairs(a: ProposedPair, b: ProposedPair): number {
  if (a.shiftId !== b.shiftId) return a.shiftId < b.shiftId ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  return a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0;
}

/**
 * Solves on each shift's best few candidates only, then proves the answer optimal
 * for all candidates: an edge left out could improve the total only if its
 * reduced cost under the final potentials is negative (LP duality). Shifts with
 * such an edge get twice as many candidates and the problem is solved again;
 * in practice one round suffices. The result is the optimum of the full problem.
 */
export function solvePruned(
  edges: CandidateEdges,
  initialLimit: (places: number) => number = defaultCandidateLimit,
): { solution: BipartiteSolution; solvedEdges: number; rounds: number } {
  const shiftCount = edges.shifts.length;
  const limits = Int32Array.from(edges.capacities, (c) => Math.max(1, initialLimit(c)));
  for (let round = 1; ; round++) {
    const kept = keepBestPerShift(edges, limits);
    const problem = {
      shiftCount,
      volunteerCount: edges.volunteers.length,
      capacities: edges.capacities,
      edgeStart: kept.edgeStart,
      edgeVolunteer: kept.edgeVolunteer,
      edgeWeight: kept.edgeWeight,
    };
    const solution = solveMaxWeightBMatching(problem);
    let violated = false;
    for (let s = 0; s < shiftCount; s++) {
      const degree = edges.edgeStart[s + 1] - edges.edgeStart[s];
      if (degree <= limits[s] || !hasNegativeReducedCost(edges, s, kept.threshold[s], solution)) continue;
      limits[s] = Math.min(degree, 2 * limits[s]);
      violated = true;
    }
    if (!violated) return { solution, solvedEdges: kept.edgeVolunteer.length, rounds: round };
  }
}

/** Enough room for the shift's own places plus neighbours competing for the same people. */
function defaultCandidateLimit(places: number): number {
  return 3 * places + 12;
}

/** Whether some edge of shift s that was left out (score below the threshold) could improve the total. */
function hasNegativeReducedCost(edges: CandidateEdges, s: number, threshold: number, solution: BipartiteSolution): boolean {
  const shiftPotential = solution.shiftPotential[s];
  for (let e = edges.edgeStart[s]; e < edges.edgeStart[s + 1]; e++) {
    const score = edges.edgeScore[e];
    if (score >= threshold) continue;
    const reducedCost = shiftPotential - score - solution.volunteerPotential[edges.edgeVolunteer[e]];
    if (reducedCost < -REDUCED_COST_TOLERANCE) return true;
  }
  return false;
}

/** Per shift, the edges scoring at least its limit-th best score (ties all kept). */
function keepBestPerShift(edges: CandidateEdges, limits: Int32Array) {
  const shiftCount = edges.shifts.length;
  const threshold = new Float64Array(shiftCount);
  const edgeStart = new Int32Array(shiftCount + 1);
  const keptVolunteers: number[] = [];
  const keptWeights: number[] = [];
  let scratch = new Float64Array(64);
  for (let s = 0; s < shiftCount; s++) {
    edgeStart[s] = keptVolunteers.length;
    const from = edges.edgeStart[s];
    const to = edges.edgeStart[s + 1];
    const degree = to - from;
    if (degree > limits[s]) {
      if (scratch.length < degree) scratch = new Float64Array(degree * 2);
      scratch.set(edges.edgeScore.subarray(from, to));
      threshold[s] = kthLargest(scratch, degree, limits[s]);
    } else {
      threshold[s] = -Infinity;
    }
    for (let e = from; e < to; e++) {
      if (edges.edgeScore[e] < threshold[s]) continue;
      keptVolunteers.push(edges.edgeVolunteer[e]);
      keptWeights.push(edges.edgeScore[e]);
    }
  }
  edgeStart[shiftCount] = keptVolunteers.length;
  return { threshold, edgeStart, edgeVolunteer: Int32Array.from(keptVolunteers), edgeWeight: Float64Array.from(keptWeights) };
}

/** The k-th largest of values[0..n) (k ≥ 1) by quickselect; reorders `values`. */
export function kthLargest(values: Float64Array, n: number, k: number): number {
  let low = 0;
  let high = n - 1;
  const target = k - 1; // position in descending order
  while (low < high) {
    const mid = (low + high) >>> 1;
    const pivot = median3(values[low], values[mid], values[high]);
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else return values[target];
  }
  return values[target];
}

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}
