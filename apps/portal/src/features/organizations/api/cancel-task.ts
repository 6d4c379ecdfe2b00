import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';

/** Cancels a task and its shifts ahead; their claims are cancelled too, so the task is read again. */
export const CancelTaskMutation = graphql(`
  mutation CancelTask($input: CancelTaskInput!) {
    cancelTask(input: $input) {
      id
      status
      cancelledAt
      cancelReason
    }
  }
`);

export function useCancelTaskMutation() {
  return useMutation(CancelTaskMutation, { refetchQueries: [ManageTaskQuery], awaitRefetchQueries: true });
}
