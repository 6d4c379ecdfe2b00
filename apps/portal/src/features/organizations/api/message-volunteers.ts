import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MessageVolunteersMutation = graphql(`
  mutation MessageVolunteers($input: MessageVolunteersInput!) {
    messageVolunteers(input: $input) {
      recipients
    }
  }
`);

export function useMessageVolunteersMutation() {
  return useMutation(MessageVolunteersMutation);
}
