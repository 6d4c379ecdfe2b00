import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const GridLeadersQuery = graphql(`
  query GridLeaders($id: ID!) {
    region(id: $id) { id name nameEn level gridLeaders { id displayName phone } }
  }
`);

export function useGridLeaders(regionId: string | undefined) {
  return useQuery(GridLeadersQuery, { variables: { id: regionId ?? '' }, skip: !regionId, fetchPolicy: 'cache-and-network' });
}
