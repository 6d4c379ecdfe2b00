import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CancelClaimMutation = graphql(`
  mutation CancelClaim($input: CancelClaimInput!) {
    cancelClaim(input: $input) {
      id
      status
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

export function useCancelClaimMutation() {
  return useMutation(CancelClaimMutation);
}
