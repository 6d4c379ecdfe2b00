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

/**
 * The inbox, newest first; new ones are put in front by notificationAdded. Polled while the
 * socket is down, unless `skipPoll` says no at the time (it should read a ref: Apollo compares
 * options deeply, functions by their code, so a new closure of the same code is not taken).
 */
export function useNotifications({ pollInterval, skipPoll }: { pollInterval: number; skipPoll(): boolean }) {
  return useQuery(NotificationsQuery, { variables: { first: INBOX_PAGE_SIZE }, notifyOnNetworkStatusChange: true, pollInterval, skipPollAttempt: skipPoll });
}
