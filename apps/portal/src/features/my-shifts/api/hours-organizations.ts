import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Verified organisations by words in their name: where hours served elsewhere can be reported. */
export const HoursOrganizationsQuery = graphql(`
  query HoursOrganizations($search: String) {
    organizations(filter: { verified: true, search: $search }, first: 20) {
      edges {
        node {
          id
          name
          nameEn
          kind
        }
      }
    }
  }
`);

export function useHoursOrganizations(search: string) {
  return useQuery(HoursOrganizationsQuery, { variables: { search: search.trim() || undefined } });
}
