import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const AssignOfficialMutation = graphql(`
  mutation AssignOfficial($input: AssignOfficialInput!) {
    assignOfficial(input: $input) { id title region { id name nameEn } user { id displayName } }
  }
`);

export function useAssignOfficialMutation() {
  return useMutation(AssignOfficialMutation);
}
