import { useCallback } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { useAuth } from '../../../lib/auth';

/** The kiosk's shift; its check-in code shows only to the organisation's coordinators, which says the kiosk may open. */
export const KioskShiftQuery = graphql(`
  query KioskShift($id: ID!) {
    shift(id: $id) {
      id
      startsAt
      endsAt
      checkInCode
      task {
        id
        title
        organization {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export function useKioskShift(shiftId: string) {
  return useQuery(KioskShiftQuery, { variables: { id: shiftId } });
}

export const KioskExpectedQuery = graphql(`
  query KioskExpected($shiftId: ID!, $phoneLast4: String!) {
    kioskExpected(shiftId: $shiftId, phoneLast4: $phoneLast4) {
      claimId
      name
      phone
      status
      checkInAt
      checkOutAt
    }
  }
`);

export function useKioskExpected() {
  return useLazyQuery(KioskExpectedQuery, { fetchPolicy: 'network-only' });
}

export const KioskCheckInMutation = graphql(`
  mutation KioskCheckIn($input: KioskAttendanceInput!) {
    kioskCheckIn(input: $input) {
      claimId
      name
      phone
      status
      checkInAt
      checkOutAt
    }
  }
`);

export const KioskCheckOutMutation = graphql(`
  mutation KioskCheckOut($input: KioskAttendanceInput!) {
    kioskCheckOut(input: $input) {
      claimId
      name
      phone
      status
      checkInAt
      checkOutAt
    }
  }
`);

export function useKioskCheckIn() {
  return useMutation(KioskCheckInMutation);
}

export function useKioskCheckOut() {
  return useMutation(KioskCheckOutMutation);
}

export const KioskLogoutMutation = graphql(`
  mutation KioskLogout {
    logout
  }
`);

/** Leaving the kiosk signs the tablet out (on the API first, so the tokens stop working at once); its errors never keep the kiosk open. */
export function useKioskSignOut() {
  const [logout] = useMutation(KioskLogoutMutation);
  const { signOut } = useAuth();
  return useCallback(async () => {
    try {
      await logout();
    } catch {
      // Signed out here whatever the API answered.
    }
    signOut();
  }, [logout, signOut]);
}
