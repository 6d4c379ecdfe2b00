import { useLazyQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const FindPersonQuery = graphql(`
  query FindPerson($phone: String!) {
    userByPhone(phone: $phone) { id displayName phone }
  }
`);

export function useFindPerson() {
  return useLazyQuery(FindPersonQuery, { fetchPolicy: 'network-only' });
}
