import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';
import { TaskShiftSeriesQuery } from './task-shift-series';

export const AddShiftSeriesMutation = graphql(`
  mutation AddShiftSeries($input: AddShiftSeriesInput!) {
    addShiftSeries(input: $input) {
      id
      rrule
    }
  }
`);

export function useAddShiftSeriesMutation() {
  return useMutation(AddShiftSeriesMutation, { refetchQueries: [ManageTaskQuery, TaskShiftSeriesQuery] });
}
