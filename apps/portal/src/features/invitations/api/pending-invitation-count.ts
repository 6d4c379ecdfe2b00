import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** How many shift invitations wait for an answer (the badge in the navigation). */
export const PendingInvitationCountQuery = graphql(`
  query PendingInvitationCount {
    myInvitations(status: PENDING, first: 1) {
      totalCount
    }
  }
`);

export function usePendingInvitationCount(skip: boolean) {
  return useQuery(PendingInvitationCountQuery, { skip, pollInterval: 60_000 });
}
