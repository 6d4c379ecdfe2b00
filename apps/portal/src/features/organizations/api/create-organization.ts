import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { MyOrganizationsQuery } from './my-organizations';
import { SessionQuery } from '../../../lib/auth/session';

export const CreateOrganizationMutation = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
      name
      kind
      verified
    }
  }
`);

export function useCreateOrganizationMutation() {
  return useMutation(CreateOrganizationMutation, { refetchQueries: [MyOrganizationsQuery, SessionQuery] });
}
