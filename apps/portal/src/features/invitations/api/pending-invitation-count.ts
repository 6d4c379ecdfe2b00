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

export function usePendingInvitationCount(skip: boolean) {
  return useQuery(PendingInvitationCountQuery, { skip, pollInterval: 60_000 });
}
