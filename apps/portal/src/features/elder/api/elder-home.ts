import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * What the elder home shows besides its buttons: the person's name and the grid leaders
 * of their home grid to call (their phones are audited as given out, so the answer is kept
 * for the visit rather than asked again on every return to the home).
 */
export const ElderHomeQuery = graphql(`
  query ElderHome {
    me {
      id
      displayName
      homeRegion {
        id
        level
      }
    }
    myGridLeaders {
      userId
      displayName
      phone
    }
  }
`);

export function useElderHome(skip: boolean) {
  return useQuery(ElderHomeQuery, { skip, fetchPolicy: 'cache-first' });
}
