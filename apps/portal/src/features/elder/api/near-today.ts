import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { ShiftFilter } from '../../../gql/graphql';
import { ElderNextShiftQuery } from './next-shift';

/** Where "near me" starts from: the home region and the one above it. */
export const ElderHomePlaceQuery = graphql(`
  query ElderHomePlace {
    me {
      id
      homeRegion {
        id
        level
        parent {
          id
        }
      }
    }
  }
`);

/** Today's open shifts near home, in plain facts: no scores, no reasons. */
export const ElderTodayShiftsQuery = graphql(`
  query ElderTodayShifts($filter: ShiftFilter, $first: Int) {
    openShifts(filter: $filter, first: $first) {
      edges {
        node {
          id
          startsAt
          endsAt
          place
          capacity
          confirmedCount
          viewerClaim {
            id
            status
          }
          task {
            id
            title
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
`);

export const ElderClaimShiftMutation = graphql(`
  mutation ElderClaimShift($input: ClaimShiftInput!) {
    claimShift(input: $input) {
      id
      status
      shift {
        id
        confirmedCount
        viewerClaim {
          id
          status
        }
      }
    }
  }
`);

/** One page is plenty for a day near home; the screen shows a few at a time. */
export const TODAY_PAGE = 30;

export function useElderHomePlace() {
  return useQuery(ElderHomePlaceQuery, { fetchPolicy: 'cache-first' });
}

export function useElderTodayShifts(filter: ShiftFilter, skip: boolean) {
  return useQuery(ElderTodayShiftsQuery, { variables: { filter, first: TODAY_PAGE }, skip, fetchPolicy: 'cache-and-network' });
}

/** A claim made here is the next shift to show: that screen asks again. */
export function useElderClaimShift() {
  return useMutation(ElderClaimShiftMutation, { refetchQueries: [ElderNextShiftQuery] });
}
