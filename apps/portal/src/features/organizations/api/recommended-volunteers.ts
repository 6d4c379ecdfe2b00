import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const RecommendedVolunteersQuery = graphql(`
  query RecommendedVolunteers($shiftId: ID!, $first: Int) {
    recommendedVolunteers(shiftId: $shiftId, first: $first) { score distanceKm reasons { code weight detail } volunteer { id displayName } }
  }
`);

export function useRecommendedVolunteers(shiftId: string, skip = false) {
  return useQuery(RecommendedVolunteersQuery, { variables: { shiftId, first: 5 }, skip, fetchPolicy: 'network-only' });
}
