import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The volunteer to record hours for, by mobile number (which comes back masked; limited and audited). */
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
