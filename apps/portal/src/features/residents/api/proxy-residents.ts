import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Residents who let the signed-in person act for them. */
export const ProxyResidentsQuery = graphql(`
  query ProxyResidents($first: Int, $after: String) {
    proxyResidents(first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          id
          displayName
          phone
          elderMode
          languages
        }
      }
    }
  }
`);

export function useProxyResidents() {
  return useQuery(ProxyResidentsQuery, { variables: { first: 50 } });
}
