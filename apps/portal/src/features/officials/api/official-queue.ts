import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const OfficialQueueQuery = graphql(`
  query OfficialQueue {
    me { id role officialPosts { id title region { id name nameEn } } }
    pendingAllianceApplications(first: 50) {
      totalCount
      edges { cursor node { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } } }
    }
  }
`);

export function useOfficialQueue() {
  return useQuery(OfficialQueueQuery);
}
