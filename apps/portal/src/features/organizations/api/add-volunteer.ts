import { useLazyQuery, useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ManageTaskQuery } from './manage-task';

/** The person to put on a shift, found by mobile number (which comes back masked; the look-up is limited and audited). */
export const FindVolunteerByPhoneQuery = graphql(`
  query FindVolunteerByPhone($phone: String!) {
    userByPhone(phone: $phone) {
      id
      displayName
      phone
    }
  }
`);

export function useFindVolunteerByPhone() {
  return useLazyQuery(FindVolunteerByPhoneQuery, { fetchPolicy: 'network-only' });
}

/** A coordinator puts a volunteer on a shift (a confirmed place, or CONFLICT when full). */
export const AddVolunteerToShiftMutation = graphql(`
  mutation AddVolunteerToShift($input: AddVolunteerToShiftInput!) {
    addVolunteerToShift(input: $input) {
      id
      status
      volunteer {
        id
        displayName
      }
    }
  }
`);

export function useAddVolunteerToShiftMutation() {
  return useMutation(AddVolunteerToShiftMutation, { refetchQueries: [ManageTaskQuery], awaitRefetchQueries: true });
}
