import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * Verify an organisation. The desk keeps the row and shows its new state (the cache
 * updates the organisation) instead of refetching the list and dropping it silently.
 */
export const VerifyOrganizationMutation = graphql(`
  mutation VerifyOrganization($id: ID!) {
    verifyOrganization(id: $id) {
      ...DeskOrganizationFields
    }
  }
`);

export function useVerifyOrganizationMutation() {
  return useMutation(VerifyOrganizationMutation);
}
