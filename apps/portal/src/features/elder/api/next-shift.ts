import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Claims that still hold or wait for a place on a shift that has not ended. */
export const HELD_STATUSES = ['CONFIRMED', 'CHECKED_IN', 'WAITLISTED', 'PENDING_APPROVAL'] as const;

/** The signed-in person's claims on shifts ahead (newest first; the screen picks the soonest). */
export const ElderNextShiftQuery = graphql(`
  query ElderNextShift($filter: ClaimFilter, $first: Int) {
    myClaims(filter: $filter, first: $first) {
      edges {
        node {
          id
          status
          checkInAt
          shift {
            id
            startsAt
            endsAt
            place
            cancelledAt
            task {
              id
              title
              requiresCheckInCode
              organization {
                id
                name
              }
              region {
                id
                name
                nameEn
              }
            }
          }
        }
      }
    }
  }
`);

export function useElderNextShift() {
  return useQuery(ElderNextShiftQuery, {
    variables: { filter: { upcoming: true, statuses: [...HELD_STATUSES] }, first: 100 },
    fetchPolicy: 'cache-and-network',
  });
}
