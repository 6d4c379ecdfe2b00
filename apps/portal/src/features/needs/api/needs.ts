import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { NeedFilter } from '../../../gql/graphql';

export const NEEDS_PAGE_SIZE = 20;

export const NeedsQuery = graphql(`
  query Needs($filter: NeedFilter, $first: Int, $after: String) {
    needs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges { cursor node { id title category status supportCount viewerSupports createdAt region { id name nameEn } } }
    }
  }
`);

export function useNeeds(filter: NeedFilter) {
  return useQuery(NeedsQuery, { variables: { filter, first: NEEDS_PAGE_SIZE } });
}
