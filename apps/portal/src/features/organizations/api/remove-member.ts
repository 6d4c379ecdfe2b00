import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { PendingMembersQuery } from './pending-members';
import { OrganizationPageQuery } from './organization';

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) { id role status seniorTitle user { id displayName phone } }
  }
`);

export function useRemoveMemberMutation() {
  return useMutation(RemoveMemberMutation, { refetchQueries: [OrganizationPageQuery, PendingMembersQuery] });
}
