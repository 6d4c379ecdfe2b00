import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { InvitationStatus } from '../../../gql/graphql';

export const MyInvitationsQuery = graphql(`
  query MyInvitations($status: InvitationStatus, $first: Int, $after: String) {
    myInvitations(status: $status, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { cursor node { id status score expiresAt createdAt reasons { code weight detail } shift { id startsAt endsAt capacity confirmedCount task { id title organization { id name nameEn } } } } }
    }
  }
`);

export function useMyInvitations(status: InvitationStatus | undefined) {
  return useQuery(MyInvitationsQuery, { variables: { status, first: 20 } });
}
