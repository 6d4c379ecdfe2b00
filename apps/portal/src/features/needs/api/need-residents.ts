import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const NeedResidentsQuery = graphql(`
  query NeedResidents {
    me { id homeRegion { id parent { id parent { id parent { id } } } } }
    proxyResidents(first: 50) { edges { cursor node { id displayName } } }
  }
`);

export function useNeedResidents(skip: boolean) {
  return useQuery(NeedResidentsQuery, { skip });
}
