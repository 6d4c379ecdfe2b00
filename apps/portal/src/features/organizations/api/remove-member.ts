import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) { id role status seniorTitle user { id displayName phone } }
  }
`);

export function useRemoveMemberMutation() {
  return useMutation(RemoveMemberMutation, { refetchQueries: ['OrganizationPage', 'PendingMembers'] });
}
