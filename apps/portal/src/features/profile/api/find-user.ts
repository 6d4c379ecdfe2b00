import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Finds the person to name as proxy by mobile number (which comes back masked). */
export const FindUserByPhoneQuery = graphql(`
  query FindUserByPhone($phone: String!) {
    userByPhone(phone: $phone) {
      id
      displayName
      phone
    }
  }
`);

export function useFindUserByPhone() {
  return useLazyQuery(FindUserByPhoneQuery, { fetchPolicy: 'network-only' });
}
