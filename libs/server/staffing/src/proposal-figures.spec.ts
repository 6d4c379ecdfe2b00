import { proposalFigures } from './proposal-figures';
import type { StoredPair, StoredProposal } from './invitation.entity';

const pair = (shiftId: string, volunteerId: string, distanceKm: number | null, skill: string): StoredPair => ({
  shiftId,
  volunteerId,
  score: 0.7,
  distanceKm,
  reasons: [{ code: 'SKILL_MATCH', weight: 0.3, detail: skill }],
});

describe('proposalFigures', () => {
  it('should add the stored per-shift figures up, with the mean distance over every chosen person', () => {
    const proposal: StoredProposal = {
      pairs: [],
      invitationIds: [],
      objective: 0,
      unfilledPlaces: 1,
      fills: [
        { shiftId: 'a', placesOpen: 2, placesFilled: 2, skillsMet: 1, distanceKmSum: 1.5, distanceCount: 2 },
        { shiftId: 'b', placesOpen: 1, placesFilled: 0, skillsMet: 0, distanceKmSum: 0, distanceCount: 0 },
      ],
    };
    expect(proposalFigures(proposal)).toEqual({
      placesOpen: 3,
      placesFilled: 2,
      skillsMet: 1,
      meanDistanceMeters: 750,
      shifts: [
        { shiftId: 'a', placesOpen: 2, placesFilled: 2, skillsMet: 1, meanDistanceMeters: 750 },
        { shiftId: 'b', placesOpen: 1, placesFilled: 0, skillsMet: 0, meanDistanceMeters: null },
      ],
    });
  });

  it('should rebuild the figures of a batch stored before they existed from its pairs and reasons', () => {
    const proposal: StoredProposal = {
      pairs: [pair('a', 'v1', 0.4, 'matched=FIRST_AID;missing='), pair('a', 'v2', null, 'matched=;missing=FIRST_AID'), pair('b', 'v3', 1.2, 'required=none')],
      invitationIds: [],
      objective: 2.1,
      unfilledPlaces: 2,
    };
    expect(proposalFigures(proposal)).toEqual({
      placesOpen: 5,
      placesFilled: 3,
      skillsMet: 2,
      meanDistanceMeters: 800,
      shifts: [
        { shiftId: 'a', placesOpen: 2, placesFilled: 2, skillsMet: 1, meanDistanceMeters: 400 },
        { shiftId: 'b', placesOpen: 1, placesFilled: 1, skillsMet: 1, meanDistanceMeters: 1200 },
      ],
    });
  });
});
