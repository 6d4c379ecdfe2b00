import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';

/** Cancels a shift that has not started; its claims are cancelled too, so the task is read again. */
export const CancelShiftMutation = graphql(`
  mutation CancelShift($input: CancelShiftInput!) {
    cancelShift(input: $input) {
      id
      cancelledAt
      cancelReason
    }
  }
`);

export function useCancelShiftMutation() {
  return useMutation(CancelShiftMutation, { refetchQueries: [ManageTaskQuery], awaitRefetchQueries: true });
}
