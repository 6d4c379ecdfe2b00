import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MyClaimsQuery = graphql(`
  query MyClaims($filter: ClaimFilter, $first: Int, $after: String) {
    myClaims(filter: $filter, first: $first, after: $after) {
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
          phoneShared
          createdAt
          checkInAt
          checkOutAt
          actingProxy {
            id
            displayName
          }
          serviceRecord {
            id
            minutes
            status
          }
          shift {
            id
            startsAt
            endsAt
            place
            cancelledAt
            cancelReason
            task {
              id
              title
              requiresCheckInCode
              organization {
                id
                name
                nameEn
              }
              region {
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

export const MY_CLAIMS_PAGE = 20;

export function useMyClaims(upcoming: boolean) {
  return useQuery(MyClaimsQuery, { variables: { filter: { upcoming }, first: MY_CLAIMS_PAGE }, notifyOnNetworkStatusChange: true });
}
