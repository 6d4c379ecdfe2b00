import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ElderNextShiftQuery } from './next-shift';

export const ElderCheckInMutation = graphql(`
  mutation ElderCheckIn($input: CheckInInput!) {
    checkIn(input: $input) {
      id
      status
      checkInAt
    }
  }
`);

export const ElderCheckOutMutation = graphql(`
  mutation ElderCheckOut($input: CheckOutInput!) {
    checkOut(input: $input) {
      id
      status
    }
  }
`);

export const ElderCancelClaimMutation = graphql(`
  mutation ElderCancelClaim($input: CancelClaimInput!) {
    cancelClaim(input: $input) {
      id
      status
    }
  }
`);

export function useElderCheckIn() {
  return useMutation(ElderCheckInMutation);
}

/** Checked out, the shift is done: the next one takes its place. */
export function useElderCheckOut() {
  return useMutation(ElderCheckOutMutation, { refetchQueries: [ElderNextShiftQuery], awaitRefetchQueries: true });
}

export function useElderCancelClaim() {
  return useMutation(ElderCancelClaimMutation, { refetchQueries: [ElderNextShiftQuery], awaitRefetchQueries: true });
}
