import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Verified minutes in total, and each record of service. */
export const MyServiceQuery = graphql(`
  query MyService($first: Int, $after: String) {
    me {
      id
      serviceMinutes
    }
    myServiceRecords(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          minutes
          status
          createdAt
          verifiedAt
          claim {
            id
            shift {
              id
              startsAt
              task {
                id
                title
              }
            }
          }
        }
      }
    }
  }
`);

export function useMyService() {
  return useQuery(MyServiceQuery, { variables: { first: 20 }, notifyOnNetworkStatusChange: true });
}
