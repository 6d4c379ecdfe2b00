import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { TaskInvitationsQuery } from './task-invitations';

export const InviteVolunteerMutation = graphql(`
  mutation InviteVolunteer($input: InviteVolunteerInput!) {
    inviteVolunteer(input: $input) { id status expiresAt volunteer { id displayName } shift { id } }
  }
`);

export function useInviteVolunteerMutation() {
  // The task page lists each shift's invitations: the new one shows there at once.
  return useMutation(InviteVolunteerMutation, { refetchQueries: [TaskInvitationsQuery] });
}
