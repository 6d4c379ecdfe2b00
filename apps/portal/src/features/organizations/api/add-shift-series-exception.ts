import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';
import { TaskShiftSeriesQuery } from './task-shift-series';

/** Skips one date of a recurring shift; a made occurrence is called off and its volunteers told. */
export const AddShiftSeriesExceptionMutation = graphql(`
  mutation AddShiftSeriesException($input: AddShiftSeriesExceptionInput!) {
    addShiftSeriesException(input: $input) {
      id
      exceptions
    }
  }
`);

export function useAddShiftSeriesExceptionMutation() {
  return useMutation(AddShiftSeriesExceptionMutation, { refetchQueries: [ManageTaskQuery, TaskShiftSeriesQuery] });
}
