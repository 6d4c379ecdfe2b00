import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Verified minutes in total (checked in on site and reported), and each record of an attended claim. */
export const MyServiceQuery = graphql(`
  query MyService($first: Int, $after: String) {
    me {
      id
      serviceMinutes
      checkedInMinutes
      reportedMinutes
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

export const MY_SERVICE_PAGE = 20;

export function useMyService() {
  return useQuery(MyServiceQuery, { variables: { first: MY_SERVICE_PAGE }, notifyOnNetworkStatusChange: true });
}
