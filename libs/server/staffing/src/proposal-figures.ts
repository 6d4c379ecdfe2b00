import { parseReasonDetail } from '@civicgrid/matching';
import type { StoredFill, StoredPair, StoredProposal } from './invitation.entity';

/** Places filled of places open, people holding the required skills, mean distance (m): per shift or for the whole proposal. */
export interface FillFigures {
  placesOpen: number;
  placesFilled: number;
  skillsMet: number;
  meanDistanceMeters: number | null;
}
export interface ShiftFillFigures extends FillFigures {
  shiftId: string;
}
export interface ProposalFigures extends FillFigures {
  shifts: ShiftFillFigures[];
}

function figures(fill: Omit<StoredFill, 'shiftId'>): FillFigures {
  return {
    placesOpen: fill.placesOpen,
    placesFilled: fill.placesFilled,
    skillsMet: fill.skillsMet,
    meanDistanceMeters: fill.distanceCount ? Math.round((fill.distanceKmSum / fill.distanceCount) * 1000) : null,
  };
}

/** A pair meets the skills when its SKILL_MATCH reason names nothing missing. */
function meetsSkills(pair: StoredPair): boolean {
  const detail = pair.reasons.find((r) => r.code === 'SKILL_MATCH')?.detail;
  if (!detail) return false;
  const parts = parseReasonDetail(detail);
  return parts.required === 'none' || !parts.missing;
}

/**
 * The figures of a stored proposal. Batches stored before the figures existed have no
 * `fills`: they are rebuilt from the pairs, counting only the places filled per shift.
 */
export function proposalFigures(proposal: StoredProposal): ProposalFigures {
  const fills: StoredFill[] =
    proposal.fills ??
    [...new Set(proposal.pairs.map((p) => p.shiftId))].map((shiftId) => {
      const mine = proposal.pairs.filter((p) => p.shiftId === shiftId);
      const distances = mine.map((p) => p.distanceKm).filter((d): d is number => d !== null);
      return { shiftId, placesOpen: mine.length, placesFilled: mine.length, skillsMet: mine.filter(meetsSkills).length, distanceKmSum: distances.reduce((s, d) => s + d, 0), distanceCount: distances.length };
    });
  const total = fills.reduce(
    (sum, f) => ({
      placesOpen: sum.placesOpen + f.placesOpen,
      placesFilled: sum.placesFilled + f.placesFilled,
      skillsMet: sum.skillsMet + f.skillsMet,
      distanceKmSum: sum.distanceKmSum + f.distanceKmSum,
      distanceCount: sum.distanceCount + f.distanceCount,
    }),
    { placesOpen: 0, placesFilled: 0, skillsMet: 0, distanceKmSum: 0, distanceCount: 0 },
  );
  if (!proposal.fills) total.placesOpen = total.placesFilled + proposal.unfilledPlaces;
  return { ...figures(total), shifts: fills.map((f) => ({ shiftId: f.shiftId, ...figures(f) })) };
}
