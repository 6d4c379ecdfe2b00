import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MY_REPORTED_SERVICE_PAGE = 20;

/** The hours I reported (served elsewhere, or on a paper sheet) or a coordinator recorded for me, newest first. */
export const MyReportedServiceQuery = graphql(`
  query MyReportedService($first: Int, $after: String) {
    myReportedService(first: $first, after: $after) {
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
          servedOn
          description
          decisionReason
          createdAt
          verifiedAt
          organization {
            id
            name
            nameEn
          }
          task {
            id
            title
          }
        }
      }
    }
  }
`);

export function useMyReportedService() {
  return useQuery(MyReportedServiceQuery, { variables: { first: MY_REPORTED_SERVICE_PAGE }, notifyOnNetworkStatusChange: true });
}
