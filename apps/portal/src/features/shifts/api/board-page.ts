import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * Everything the signed-in board needs besides its shifts, in one request: the person's home
 * (its grid, street and the levels the area filter shows, so the filter's region picker
 * reads them from the cache instead of asking level by level), the top of the region tree,
 * and the recommendations (left out while acting for a resident). The shifts follow in one
 * more request, once the home says which area to show.
 */
export const BoardPageQuery = graphql(`
  query BoardPage($withRecommendations: Boolean!, $onBehalfOf: ID) {
    me {
      id
      homeRegion {
        ...BoardHomeRegion
        parent {
          ...BoardHomeRegion
          parent {
            ...BoardHomeRegion
            parent {
              ...BoardHomeRegion
            }
          }
        }
      }
    }
    regions(parentId: null) {
      id
      name
      nameEn
      level
    }
    recommendedShifts(first: 5) @include(if: $withRecommendations) {
      ...RecommendedShift
    }
  }
`);

/** A level of the person's home with its children, as `regions(parentId)` would list them. */
export const BoardHomeRegionFragmentDoc = graphql(`
  fragment BoardHomeRegion on Region {
    id
    name
    nameEn
    level
    children {
      id
      name
      nameEn
      level
    }
  }
`);

export function useBoardPage(skip: boolean, actingForId: string | null) {
  return useQuery(BoardPageQuery, { variables: { withRecommendations: !actingForId, onBehalfOf: null }, skip, fetchPolicy: 'cache-first' });
}
