import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';

export const AddShiftMutation = graphql(`
  mutation AddShift($input: AddShiftInput!) {
    addShift(input: $input) { id startsAt endsAt capacity place }
  }
`);

export function useAddShiftMutation() {
  return useMutation(AddShiftMutation, { refetchQueries: [ManageTaskQuery] });
}
