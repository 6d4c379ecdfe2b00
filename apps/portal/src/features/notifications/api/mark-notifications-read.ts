import type { ApolloCache, Reference } from '@apollo/client';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { UnreadNotificationCountQuery } from './unread-notification-count';

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);

/** Every notification the cached inbox lists hold. */
function cachedNotifications(cache: ApolloCache): string[] {
  const ids: string[] = [];
  cache.modify({
    id: 'ROOT_QUERY',
    fields: {
      notifications(existing) {
        for (const e of (existing as { edges?: { node?: Reference }[] } | undefined)?.edges ?? []) if (e.node?.__ref) ids.push(e.node.__ref);
        return existing;
      },
    },
  });
  return ids;
}

/** Marks the read ones in the cache (their readAt) and lowers the bell's count by as many as the API marked. */
export function markReadInCache(cache: ApolloCache, input: { ids?: readonly (string | number)[] | null; all?: boolean | null }, marked: number): void {
  const at = new Date().toISOString();
  const refs = input.all ? cachedNotifications(cache) : (input.ids ?? []).map((id) => cache.identify({ __typename: 'Notification', id: String(id) })).filter((r): r is string => Boolean(r));
  for (const ref of new Set(refs)) cache.modify({ id: ref, fields: { readAt: (v: string | null) => v ?? at } });
  cache.updateQuery({ query: UnreadNotificationCountQuery }, (d) => (d ? { unreadNotificationCount: input.all ? 0 : Math.max(0, d.unreadNotificationCount - marked) } : d));
}

export function useMarkNotificationsReadMutation() {
  return useMutation(MarkNotificationsReadMutation, {
    update(cache, { data }, { variables }) {
      if (data && variables) markReadInCache(cache, variables.input, data.markNotificationsRead);
    },
  });
}
