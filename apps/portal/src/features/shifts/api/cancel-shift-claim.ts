import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * Cancels a claim from the shift's card (a grid leader for the resident acted for); the shift
 * comes back with that person's claim gone and its places counted again.
 */
export const CancelShiftClaimMutation = graphql(`
  mutation CancelShiftClaim($input: CancelClaimInput!, $onBehalfOf: ID) {
    cancelClaim(input: $input) {
      id
      status
      shift {
        id
        ...ShiftPlaces
        ...ClaimActionShift
      }
    }
  }
`);

export function useCancelShiftClaimMutation() {
  return useMutation(CancelShiftClaimMutation);
}
