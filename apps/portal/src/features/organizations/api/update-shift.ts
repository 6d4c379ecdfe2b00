import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';

/** Changes a shift's time, places or meeting place; a raised capacity moves claims up, so the task is read again. */
export const UpdateShiftMutation = graphql(`
  mutation UpdateShift($input: UpdateShiftInput!) {
    updateShift(input: $input) {
      id
      startsAt
      endsAt
      capacity
      place
      confirmedCount
      waitlistCount
      pendingCount
    }
  }
`);

export function useUpdateShiftMutation() {
  return useMutation(UpdateShiftMutation, { refetchQueries: [ManageTaskQuery], awaitRefetchQueries: true });
}
