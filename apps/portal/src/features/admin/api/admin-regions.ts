import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The top of the tree. */
export const AdminRegionRootsQuery = graphql(`
  query AdminRegionRoots {
    regions { ...AdminRegion }
  }
`);

/** One level of the tree, loaded as the administrator opens it. */
export const AdminRegionChildrenQuery = graphql(`
  query AdminRegionChildren($parentId: ID) {
    regions(parentId: $parentId) { ...AdminRegion }
  }
`);

export function useAdminRegionRoots(skip: boolean) {
  return useQuery(AdminRegionRootsQuery, { fetchPolicy: 'cache-and-network', skip });
}
