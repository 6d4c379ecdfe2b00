import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const SERVICE_REPORTS_PAGE = 20;

/** Volunteers' reports of hours awaiting the organisation's decision, oldest first. */
export const PendingServiceReportsQuery = graphql(`
  query PendingServiceReports($id: ID!, $first: Int, $after: String) {
    organization(id: $id) {
      id
      pendingServiceReports(first: $first, after: $after) {
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
            createdAt
            volunteer {
              id
              displayName
              phone
            }
            reportedBy {
              id
              displayName
            }
            task {
              id
              title
            }
          }
        }
      }
    }
  }
`);

export function usePendingServiceReports(organizationId: string) {
  return useQuery(PendingServiceReportsQuery, { variables: { id: organizationId, first: SERVICE_REPORTS_PAGE }, notifyOnNetworkStatusChange: true });
}
