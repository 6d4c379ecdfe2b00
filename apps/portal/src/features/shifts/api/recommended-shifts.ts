import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const RecommendedShiftsQuery = graphql(`
  query RecommendedShifts($first: Int) {
    recommendedShifts(first: $first) {
      score
      distanceKm
      reasons { code weight detail }
      shift { id startsAt endsAt capacity confirmedCount viewerClaim { id status } task { id title category requiresApproval organization { id name nameEn } } }
    }
  }
`);

export function useRecommendedShifts() {
  return useQuery(RecommendedShiftsQuery, { variables: { first: 5 } });
}
