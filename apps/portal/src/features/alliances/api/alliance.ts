import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const AlliancePageQuery = graphql(`
  query AlliancePage($id: ID!) {
    alliance(id: $id) {
      id
      name
      nameEn
      charter
      pledgeOptions
      pledgeOptionUnits { pledge units }
      pledgeTotals { month pledge unit quantity records }
      createdAt
      region { id name nameEn }
      steward { id name nameEn verified }
      members(status: ACTIVE, first: 50) { totalCount edges { cursor node { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } } } }
      activity(first: 20) {
        totalCount
        pageInfo { endCursor hasNextPage }
        edges { cursor node { id pledge note quantity unit occurredAt recordedAt changeableUntil viewerMayChange member { id pledges organization { id name nameEn } } } }
      }
    }
  }
`);

export function useAlliancePage(id: string) {
  return useQuery(AlliancePageQuery, { variables: { id } });
}
