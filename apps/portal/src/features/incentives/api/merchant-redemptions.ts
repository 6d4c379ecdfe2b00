import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MERCHANT_REDEMPTIONS_PAGE_SIZE = 25;

/** The merchant's redemptions, newest first. */
export const MerchantRedemptionsQuery = graphql(`
  query MerchantRedemptions($organizationId: ID!, $first: Int, $after: String) {
    merchantRedemptions(organizationId: $organizationId, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          status
          points
          expiresAt
          confirmedAt
          onBehalfOf
          user {
            id
            displayName
          }
          confirmedBy {
            id
            displayName
          }
          reward {
            id
            title
          }
        }
      }
    }
  }
`);

export function useMerchantRedemptions(organizationId: string) {
  return useQuery(MerchantRedemptionsQuery, { variables: { organizationId, first: MERCHANT_REDEMPTIONS_PAGE_SIZE } });
}
