import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The bell's figure; kept up to date by notificationAdded and by marking read (see those files). */
export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export function useUnreadNotificationCount({ skip, pollInterval }: { skip: boolean; pollInterval: number }) {
  return useQuery(UnreadNotificationCountQuery, { skip, pollInterval });
}
