import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const AlliancesQuery = graphql(`
  query Alliances($regionId: ID, $first: Int, $after: String) {
    alliances(regionId: $regionId, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { cursor node { id name nameEn charter pledgeOptions region { id name nameEn } steward { id name nameEn } } }
    }
  }
`);

export function useAlliances(regionId: string | undefined) {
  return useQuery(AlliancesQuery, { variables: { regionId, first: 20 } });
}
