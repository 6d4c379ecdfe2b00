import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** What the development sink kept (no SMS or e-mail provider configured): administrators only. */
export const DevMessagesQuery = graphql(`
  query DevMessages($first: Int, $after: String) {
    devMessages(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...DevMessageItem
        }
      }
    }
  }
`);

export const DEV_MESSAGES_PAGE_SIZE = 25;

export function useDevMessages() {
  return useQuery(DevMessagesQuery, { variables: { first: DEV_MESSAGES_PAGE_SIZE }, notifyOnNetworkStatusChange: true });
}
