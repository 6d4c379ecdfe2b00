import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';
import { TaskShiftSeriesQuery } from './task-shift-series';

/**
 * "This and following": changes a recurring shift from one occurrence on. Made occurrences
 * move or are called off, so the task's shifts and its series are read again.
 */
export const UpdateShiftSeriesMutation = graphql(`
  mutation UpdateShiftSeries($input: UpdateShiftSeriesInput!) {
    updateShiftSeries(input: $input) {
      moved
      cancelled
      series {
        id
        startsOn
        rrule
      }
      previous {
        id
        rrule
      }
    }
  }
`);

export function useUpdateShiftSeriesMutation() {
  return useMutation(UpdateShiftSeriesMutation, { refetchQueries: [ManageTaskQuery, TaskShiftSeriesQuery], awaitRefetchQueries: true });
}
