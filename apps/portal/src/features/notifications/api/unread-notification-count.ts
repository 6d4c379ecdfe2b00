import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The bell's figure; kept up to date by notificationAdded and by marking read (see those files). */
export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

/** Polled only while the socket is down (or the bell's feed failed); live, notificationAdded keeps it. */
export const BELL_POLL_MS = 60_000;

export function useUnreadNotificationCount({ pollInterval, fetchPolicy }: { pollInterval: number; fetchPolicy?: 'cache-first' }) {
  return useQuery(UnreadNotificationCountQuery, { pollInterval, fetchPolicy });
}
