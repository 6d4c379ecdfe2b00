import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * The people the signed-in volunteer may bring along: minors under their account and the
 * residents who made them their proxy (a minor is both; shown once).
 */
export const CompanionsQuery = graphql(`
  query Companions {
    me {
      id
      displayName
      dependants {
        id
        displayName
      }
    }
    proxyResidents(first: 50) {
      edges {
        cursor
        node {
          id
          displayName
        }
      }
    }
  }
`);

export function useCompanions(skip: boolean) {
  return useQuery(CompanionsQuery, { skip });
}

/** Claims places for a party, all or none: all confirmed, all waiting or all awaiting approval together. */
export const ClaimShiftTogetherMutation = graphql(`
  mutation ClaimShiftTogether($input: ClaimShiftTogetherInput!) {
    claimShiftTogether(input: $input) {
      id
      status
      partyId
      volunteer {
        id
        displayName
      }
      shift {
        id
        confirmedCount
        waitlistCount
        pendingCount
        viewerClaim {
          id
          status
        }
      }
    }
  }
`);

export function useClaimShiftTogetherMutation() {
  return useMutation(ClaimShiftTogetherMutation);
}
