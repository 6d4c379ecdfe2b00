import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The card of a claim's volunteer, fetched when the organiser opens it (a shared phone's read is audited then). */
export const ClaimantProfileQuery = graphql(`
  query ClaimantProfile($claimId: ID!) {
    claimantProfile(claimId: $claimId) {
      volunteerId
      displayName
      skills
      verifiedMinutes
      attendanceRate
      tasksServed
      memberSince
      phone
      phoneShared
    }
  }
`);

export function useClaimantProfile(claimId: string, skip: boolean) {
  return useQuery(ClaimantProfileQuery, { variables: { claimId }, skip, fetchPolicy: 'network-only' });
}
