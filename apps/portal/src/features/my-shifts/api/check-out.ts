import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CheckOutMutation = graphql(`
  mutation CheckOut($input: CheckOutInput!) {
    checkOut(input: $input) {
      id
      status
      checkOutAt
      serviceRecord {
        id
        minutes
        status
      }
    }
  }
`);

export function useCheckOutMutation() {
  return useMutation(CheckOutMutation);
}
