import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The merchant's staff confirm a code at the counter: the held points pass to the merchant. */
export const ConfirmRedemptionMutation = graphql(`
  mutation ConfirmRedemption($input: ConfirmRedemptionInput!) {
    confirmRedemption(input: $input) {
      id
      status
      points
      confirmedAt
      onBehalfOf
      user {
        id
        displayName
      }
      reward {
        id
        title
      }
    }
  }
`);

export function useConfirmRedemptionMutation() {
  return useMutation(ConfirmRedemptionMutation);
}
