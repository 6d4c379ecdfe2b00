import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const PendingMembersQuery = graphql(`
  query PendingMembers($id: ID!) {
    organization(id: $id) {
      id
      requested: members(status: REQUESTED, first: 50) { totalCount edges { cursor node { id role status seniorTitle user { id displayName phone } } } }
      invited: members(status: INVITED, first: 50) { totalCount edges { cursor node { id role status seniorTitle user { id displayName phone } } } }
    }
  }
`);

export function usePendingMembers(id: string, skip: boolean) {
  return useQuery(PendingMembersQuery, { variables: { id }, skip });
}
