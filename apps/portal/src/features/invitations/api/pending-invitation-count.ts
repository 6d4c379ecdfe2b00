import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * How many shift invitations wait for an answer (the badge in the navigation). A field of
 * its own: reading `myInvitations(first: 1)` here would overwrite the invitations page's
 * list in the cache, which shares that field and its arguments.
 */
export const PendingInvitationCountQuery = graphql(`
  query PendingInvitationCount {
    pendingInvitationCount
  }
`);

/** `fetchPolicy: 'cache-first'` where another answer (the session's) already carries the figure. */
export function usePendingInvitationCount(skip: boolean, fetchPolicy?: 'cache-first') {
  return useQuery(PendingInvitationCountQuery, { skip, pollInterval: 60_000, fetchPolicy });
}
