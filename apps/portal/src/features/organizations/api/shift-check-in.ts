import { useMutation, useQuery } from '@apollo/client/react';
import { HOLDS_PLACE } from '@civicgrid/contracts';
import { graphql } from '../../../gql';
import type { ClaimStatus } from '../../../gql/graphql';

/** Who is expected on a shift (the claims holding a place), with their check-in state, for its coordinators. */
export const ShiftCheckInQuery = graphql(`
  query ShiftCheckIn($id: ID!, $statuses: [ClaimStatus!]) {
    shift(id: $id) {
      id
      startsAt
      endsAt
      capacity
      confirmedCount
      checkInCode
      task {
        id
        title
        requiresCheckInCode
        organization {
          id
          name
          nameEn
        }
      }
      claims(first: 100, filter: { statuses: $statuses }) {
        totalCount
        pageInfo {
          endCursor
          hasNextPage
        }
        edges {
          cursor
          node {
            id
            status
            serviceRecord {
              id
              minutes
              status
            }
            checkInAt
            checkOutAt
            volunteer {
              id
              displayName
              phone
            }
          }
        }
      }
    }
  }
`);

export const EXPECTED_STATUSES = HOLDS_PLACE as ClaimStatus[];

export function useShiftCheckIn(shiftId: string) {
  return useQuery(ShiftCheckInQuery, { variables: { id: shiftId, statuses: EXPECTED_STATUSES }, pollInterval: 15_000 });
}

export const CoordinatorCheckInMutation = graphql(`
  mutation CoordinatorCheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      status
      checkInAt
    }
  }
`);

export const CoordinatorCheckOutMutation = graphql(`
  mutation CoordinatorCheckOut($input: CheckOutInput!) {
    checkOut(input: $input) {
      id
      status
      checkOutAt
    }
  }
`);

export function useCoordinatorCheckIn() {
  return useMutation(CoordinatorCheckInMutation);
}

export function useCoordinatorCheckOut() {
  return useMutation(CoordinatorCheckOutMutation);
}
