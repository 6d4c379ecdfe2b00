import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { UnverifiedOrganizationsQuery } from './unverified-organizations';

export const VerifyOrganizationMutation = graphql(`
  mutation VerifyOrganization($id: ID!) {
    verifyOrganization(id: $id) { id verified verifiedAt }
  }
`);

export function useVerifyOrganizationMutation() {
  return useMutation(VerifyOrganizationMutation, { refetchQueries: [UnverifiedOrganizationsQuery] });
}
