import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CompleteTaskMutation = graphql(`
  mutation CompleteTask($id: ID!) {
    completeTask(id: $id) { id status completedAt }
  }
`);

export function useCompleteTaskMutation() {
  return useMutation(CompleteTaskMutation);
}
