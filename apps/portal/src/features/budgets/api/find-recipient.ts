import { useLazyQuery, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** A person to award, found by their phone. */
export const IncentivePersonQuery = graphql(`
  query IncentivePerson($phone: String!) {
    userByPhone(phone: $phone) {
      id
      displayName
      phone
    }
  }
`);

export function useIncentivePerson() {
  return useLazyQuery(IncentivePersonQuery, { fetchPolicy: 'network-only' });
}

/** Verified organisations by words in their name, to award one. */
export const IncentiveOrganizationsQuery = graphql(`
  query IncentiveOrganizations($search: String) {
    organizations(filter: { verified: true, search: $search }, first: 20) {
      edges {
        node {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export function useIncentiveOrganizations(search: string, skip: boolean) {
  return useQuery(IncentiveOrganizationsQuery, { variables: { search: search.trim() || undefined }, skip });
}
