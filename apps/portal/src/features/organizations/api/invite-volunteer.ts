import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const InviteVolunteerMutation = graphql(`
  mutation InviteVolunteer($input: InviteVolunteerInput!) {
    inviteVolunteer(input: $input) { id status expiresAt volunteer { id displayName } shift { id } }
  }
`);

export function useInviteVolunteerMutation() {
  return useMutation(InviteVolunteerMutation);
}
