import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const DecideClaimMutation = graphql(`
  mutation DecideClaim($input: DecideClaimInput!) {
    decideClaim(input: $input) {
      id
      status
      shift {
        id
        confirmedCount
        pendingCount
        waitlistCount
      }
    }
  }
`);

export function useDecideClaimMutation() {
  return useMutation(DecideClaimMutation);
}
