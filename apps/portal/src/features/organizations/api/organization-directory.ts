import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { OrganizationFilter } from '../../../gql/graphql';

export const DIRECTORY_PAGE_SIZE = 20;

export const OrganizationDirectoryQuery = graphql(`
  query OrganizationDirectory($filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { cursor node { id name nameEn kind verified region { id name nameEn } } }
    }
  }
`);

export function useOrganizationDirectory(filter: OrganizationFilter) {
  return useQuery(OrganizationDirectoryQuery, { variables: { filter, first: DIRECTORY_PAGE_SIZE } });
}
