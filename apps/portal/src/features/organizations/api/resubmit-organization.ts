import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Answer the officials' rejection or question: corrected details, an answer, and back to PENDING. */
export const ResubmitOrganizationMutation = graphql(`
  mutation ResubmitOrganization($input: ResubmitOrganizationInput!) {
    resubmitOrganization(input: $input) {
      id
      description
      registrationNumber
      verified
      verificationStatus
      review {
        status
        note
        reviewedAt
        answer
      }
    }
  }
`);

export function useResubmitOrganizationMutation() {
  return useMutation(ResubmitOrganizationMutation);
}
