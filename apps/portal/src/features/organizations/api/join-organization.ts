import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { OrganizationPageQuery } from './organization';

export const JoinOrganizationMutation = graphql(`
  mutation JoinOrganization($input: JoinOrganizationInput!) {
    joinOrganization(input: $input) { id role status seniorTitle user { id displayName phone } }
  }
`);

export function useJoinOrganizationMutation() {
  return useMutation(JoinOrganizationMutation, { refetchQueries: [OrganizationPageQuery] });
}
