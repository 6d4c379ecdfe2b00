/**
 * What CivicGrid's users do without the matcher, over the same candidate edges
 * (so the same hard filters) and the same one-place-per-volunteer rule.
 */
import type { CandidateEdges } from '@civicgrid/matching';
import type { Random } from './district';

/** volunteerShift[v] = shift index or −1. */
export type Placement = Int32Array;

/**
 * First come, first served: volunteers open the task board in random order and
 * each claims the soonest-starting eligible shift that still has a place (the
 * board's default order), regardless of fit.
 */
export function firstComeFirstServed(edges: CandidateEdges, random: Random): Placement {
  const byVolunteer = edgesByVolunteer(edges);
  const left = Int32Array.from(edges.capacities);
  const placement = new Int32Array(edges.volunteers.length).fill(-1);
  const arrival = Array.from(placement.keys());
  for (let i = arrival.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [arrival[i], arrival[j]] = [arrival[j], arrival[i]];
  }
  for (const v of arrival) {
    let best = -1;
    for (const s of byVolunteer[v]) {
      if (left[s] === 0) continue;
      const shift = edges.shifts[s];
      if (best < 0 || shift.startMs < edges.shifts[best].startMs || (shift.startMs === edges.shifts[best].startMs && s < best)) best = s;
    }
    if (best >= 0) {
      placement[v] = best;
      left[best]--;
    }
  }
  return placement;
}

/** Greedy by score: take the best-scoring remaining pair while places and people last. */
export function greedyByScore(edges: CandidateEdges): Placement {
  const count = edges.edgeVolunteer.length;
  const edgeShift = new Int32Array(count);
  for (let s = 0; s < edges.shifts.length; s++) edgeShift.fill(s, edges.edgeStart[s], edges.edgeStart[s + 1]);
  const byScore = Int32Array.from({ length: count }, (_, e) => e).sort((a, b) => edges.edgeScore[b] - edges.edgeScore[a] || a - b);
  const left = Int32Array.from(edges.capacities);
  const placement = new Int32Array(edges.volunteers.length).fill(-1);
  for (const e of byScore) {
    const s = edgeShift[e];
    const v = edges.edgeVolunteer[e];
    if (left[s] === 0 || placement[v] >= 0) continue;
    placement[v] = s;
    left[s]--;
  }
  return placement;
}

function edgesByVolunteer(edges: CandidateEdges): number[][] {
  const lists: number[][] = edges.volunteers.map(() => []);
  for (let s = 0; s < edges.shifts.length; s++) {
    for (let e = edges.edgeStart[s]; e < edges.edgeStart[s + 1]; e++) lists[edges.edgeVolunteer[e]].push(s);
  }
  return lists;
}
