import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The shift a QR code names, with the signed-in volunteer's own claim on it. */
export const CheckInShiftQuery = graphql(`
  query CheckInShift($id: ID!) {
    shift(id: $id) {
      id
      startsAt
      endsAt
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
      viewerClaim {
        id
        status
        serviceRecord {
          id
          minutes
          status
        }
        checkInAt
        checkOutAt
      }
    }
  }
`);

export function useCheckInShift(shiftId: string) {
  return useQuery(CheckInShiftQuery, { variables: { id: shiftId }, fetchPolicy: 'cache-and-network' });
}

export const ScanCheckInMutation = graphql(`
  mutation ScanCheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      status
      checkInAt
      checkOutAt
    }
  }
`);

export const ScanCheckOutMutation = graphql(`
  mutation ScanCheckOut($input: CheckOutInput!) {
    checkOut(input: $input) {
      id
      status
      checkInAt
      checkOutAt
    }
  }
`);

export function useScanCheckIn() {
  return useMutation(ScanCheckInMutation);
}

export function useScanCheckOut() {
  return useMutation(ScanCheckOutMutation);
}
