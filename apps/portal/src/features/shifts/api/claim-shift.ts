import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * Claim a place, for oneself or for a resident one acts for; the result says where the claim
 * stands. Its shift comes back with the claimant's claim (`$onBehalfOf`, as the board reads
 * it), so every card of the shift turns to "holds this shift" from the cache.
 */
export const ClaimShiftMutation = graphql(`
  mutation ClaimShift($input: ClaimShiftInput!, $onBehalfOf: ID) {
    claimShift(input: $input) {
      id
      status
      phoneShared
      volunteer {
        id
        displayName
      }
      shift {
        id
        ...ShiftPlaces
        ...ClaimActionShift
      }
    }
  }
`);

export function useClaimShiftMutation() {
  return useMutation(ClaimShiftMutation);
}
