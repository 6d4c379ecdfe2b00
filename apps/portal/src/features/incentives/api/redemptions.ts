import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { WalletQuery } from './wallet';

export const REDEMPTIONS_PAGE_SIZE = 20;

/** A redemption as the person who holds it sees it (with its code while HELD). */
export const RedemptionFields = graphql(`
  fragment RedemptionFields on Redemption {
    id
    code
    status
    points
    expiresAt
    confirmedAt
    onBehalfOf
    user {
      id
      displayName
    }
    reward {
      id
      title
      stock
      status
      merchant {
        id
        name
        nameEn
      }
    }
  }
`);

export const MyRedemptionsQuery = graphql(`
  query MyRedemptions($first: Int, $after: String) {
    myRedemptions(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...RedemptionFields
        }
      }
    }
  }
`);

export const RedeemRewardMutation = graphql(`
  mutation RedeemReward($input: RedeemRewardInput!) {
    redeemReward(input: $input) {
      ...RedemptionFields
    }
  }
`);

export const CancelRedemptionMutation = graphql(`
  mutation CancelRedemption($id: ID!) {
    cancelRedemption(id: $id) {
      ...RedemptionFields
    }
  }
`);

export function useMyRedemptions() {
  return useQuery(MyRedemptionsQuery, { variables: { first: REDEMPTIONS_PAGE_SIZE } });
}

export function useRedeemRewardMutation() {
  // The points are held: the list of redemptions and the balance change.
  return useMutation(RedeemRewardMutation, { refetchQueries: [MyRedemptionsQuery, WalletQuery] });
}

export function useCancelRedemptionMutation() {
  return useMutation(CancelRedemptionMutation, { refetchQueries: [WalletQuery] });
}
