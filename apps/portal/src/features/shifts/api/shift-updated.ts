import { useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { RegionsQuery } from '../../../lib/regions';

/**
 * A shift of the region subtree whose places changed: written to the cache under its id, so
 * every card showing it updates (the viewer's own claim too: a waitlisted claim promoted).
 */
export const ShiftUpdatedSubscription = graphql(`
  subscription ShiftUpdated($regionId: ID!) {
    shiftUpdated(regionId: $regionId) {
      id
      ...ShiftPlaces
      viewerClaim {
        id
        status
      }
    }
  }
`);

export function useShiftUpdated(regionId: string) {
  return useSubscription(ShiftUpdatedSubscription, { variables: { regionId } });
}

/** The top of the region tree (the board without a region chosen covers all of it). */
export function useTopRegions(skip: boolean) {
  return useQuery(RegionsQuery, { variables: { parentId: null }, skip, fetchPolicy: 'cache-first' });
}
