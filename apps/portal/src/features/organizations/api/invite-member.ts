import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { PendingMembersQuery } from './pending-members';

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) { id role status seniorTitle user { id displayName phone } }
  }
`);

export function useInviteMemberMutation() {
  return useMutation(InviteMemberMutation, { refetchQueries: [PendingMembersQuery] });
}
