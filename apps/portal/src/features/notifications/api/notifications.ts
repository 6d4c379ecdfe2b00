import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const NotificationsQuery = graphql(`
  query Notifications($first: Int, $after: String) {
    notifications(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...NotificationItem
        }
      }
    }
  }
`);

export const INBOX_PAGE_SIZE = 20;

/** The inbox, newest first; new ones are put in front by notificationAdded (no polling of the list). */
export function useNotifications({ pollInterval }: { pollInterval: number }) {
  return useQuery(NotificationsQuery, { variables: { first: INBOX_PAGE_SIZE }, notifyOnNetworkStatusChange: true, pollInterval });
}
