import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Claim a place, for oneself or for a resident one acts for; the result says where the claim stands. */
export const ClaimShiftMutation = graphql(`
  mutation ClaimShift($input: ClaimShiftInput!) {
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
        confirmedCount
        waitlistCount
        pendingCount
        viewerClaim {
          id
          status
        }
      }
    }
  }
`);

export function useClaimShiftMutation() {
  return useMutation(ClaimShiftMutation);
}
