import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CheckInMutation = graphql(`
  mutation CheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      status
      checkInAt
    }
  }
`);

export function useCheckInMutation() {
  return useMutation(CheckInMutation);
}
