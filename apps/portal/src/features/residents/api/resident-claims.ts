import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** A resident's claims, for the proxy who acts for them. */
export const ResidentClaimsQuery = graphql(`
  query ResidentClaims($volunteerId: ID!, $first: Int, $after: String) {
    myClaims(volunteerId: $volunteerId, first: $first, after: $after) {
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
          serviceRecord {
            id
            minutes
            status
          }
          actingProxy {
            id
            displayName
          }
          shift {
            id
            startsAt
            endsAt
            task {
              id
              title
              organization {
                id
                name
                nameEn
              }
            }
          }
        }
      }
    }
  }
`);

export function useResidentClaims(volunteerId: string | null) {
  return useQuery(ResidentClaimsQuery, { variables: { volunteerId: volunteerId ?? '', first: 20 }, skip: !volunteerId });
}
