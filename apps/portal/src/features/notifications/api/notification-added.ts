import type { ApolloCache, ApolloClient, Reference } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { CLAIM_CHANGED_KINDS } from '../../../lib/catalog';
import type { NotificationItemFragment } from '../../../gql/graphql';
import { NotificationItemFragmentDoc } from '../components/NotificationItem';
import { UnreadNotificationCountQuery } from './unread-notification-count';

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationItem
    }
  }
`);

interface StoredConnection {
  edges?: { node?: Reference }[];
  totalCount?: number;
}

/**
 * A notification that just arrived: one more unread in the bell, and first in every inbox
 * list the cache holds (a list not loaded yet fetches it with the rest).
 */
export function addNotificationToCache(cache: ApolloCache, n: NotificationItemFragment): void {
  const id = cache.identify(n);
  const known = Boolean(id && cache.readFragment({ fragment: NotificationItemFragmentDoc, fragmentName: 'NotificationItem', id }));
  const ref = cache.writeFragment({ fragment: NotificationItemFragmentDoc, fragmentName: 'NotificationItem', data: n });
  if (known || !ref) return;
  if (!n.readAt) cache.updateQuery({ query: UnreadNotificationCountQuery }, (d) => (d ? { unreadNotificationCount: d.unreadNotificationCount + 1 } : d));
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      notifications(existing, { readField }) {
        const conn = existing as StoredConnection | undefined;
        if (!conn?.edges || conn.edges.some((e) => e.node && readField('id', e.node) === n.id)) return existing;
        const edge = { __typename: 'NotificationEdge', cursor: '', node: ref };
        return { ...conn, edges: [edge, ...conn.edges], totalCount: (conn.totalCount ?? 0) + 1 } as typeof existing;
      },
    },
  });
}

/**
 * A notification that says a claim or its shift changed (moved, cancelled, promoted): the
 * claim lists in the cache (My shifts, a resident's claims) are dropped, and those on screen
 * are read again at once, so a new time shows without a reload.
 */
export function refreshClaimsFor(client: ApolloClient, kind: string): Promise<unknown> | null {
  if (!CLAIM_CHANGED_KINDS.includes(kind)) return null;
  return client.refetchQueries({
    updateCache(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'myClaims' });
    },
  });
}

/** Listens for the signed-in person's new notifications (one listener, in the header's bell). */
export function useNotificationAdded() {
  return useSubscription(NotificationAddedSubscription, {
    // Written by addNotificationToCache, which tells a new one from one seen before.
    fetchPolicy: 'no-cache',
    onData: ({ client, data }) => {
      const n = data.data?.notificationAdded;
      if (!n) return;
      addNotificationToCache(client.cache, n);
      void refreshClaimsFor(client, n.kind);
    },
  });
}
