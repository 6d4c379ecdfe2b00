import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const AllianceReviewQuery = graphql(`
  query AllianceReview($id: ID!) {
    alliance(id: $id) {
      id
      applied: members(status: APPLIED, first: 50) { totalCount edges { cursor node { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } } } }
      suspended: members(status: SUSPENDED, first: 50) { totalCount edges { cursor node { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } } } }
    }
  }
`);

export function useAllianceReview(id: string, skip: boolean) {
  return useQuery(AllianceReviewQuery, { variables: { id }, skip });
}
