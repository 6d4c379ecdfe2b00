import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const PUBLIC_INCENTIVES_PAGE = 20;

/** Issued awards, for everyone to see (names masked by the API). */
export const PublicIncentivesQuery = graphql(`
  query PublicIncentives($regionId: ID, $first: Int, $after: String) {
    incentives(regionId: $regionId, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          points
          reason
          recipientName
          createdAt
          budget {
            organization {
              id
              name
              nameEn
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function usePublicIncentives(regionId?: string) {
  return useQuery(PublicIncentivesQuery, { variables: { regionId, first: PUBLIC_INCENTIVES_PAGE }, notifyOnNetworkStatusChange: true });
}
