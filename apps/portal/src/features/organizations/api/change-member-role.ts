import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($input: ChangeMemberRoleInput!) {
    changeMemberRole(input: $input) { id role status seniorTitle user { id displayName phone } }
  }
`);

export function useChangeMemberRoleMutation() {
  return useMutation(ChangeMemberRoleMutation);
}
