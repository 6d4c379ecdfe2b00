import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const AutoAssignMutation = graphql(`
  mutation AutoAssign($input: AutoAssignInput!) {
    autoAssign(input: $input) {
      objective
      unfilledPlaces
      placesOpen
      placesFilled
      skillsMet
      meanDistanceMeters
      shifts { placesOpen placesFilled skillsMet meanDistanceMeters shift { id startsAt endsAt } }
      pairs { score distanceKm reasons { code weight detail } volunteer { id displayName } shift { id startsAt endsAt } }
      invitations { id status volunteer { id displayName } shift { id } }
    }
  }
`);

export function useAutoAssignMutation() {
  return useMutation(AutoAssignMutation);
}
