import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { PendingInvitationCountQuery } from './pending-invitation-count';

export const RespondToInvitationMutation = graphql(`
  mutation RespondToInvitation($input: RespondToInvitationInput!) {
    respondToInvitation(input: $input) { id status claim { id status } }
  }
`);

export function useRespondToInvitationMutation() {
  return useMutation(RespondToInvitationMutation, { refetchQueries: [PendingInvitationCountQuery] });
}
