import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const UnverifiedOrganizationsQuery = graphql(`
  query UnverifiedOrganizations($regionId: ID) {
    organizations(filter: { verified: false, regionId: $regionId }, first: 50) {
      totalCount
      edges { cursor node { id name nameEn kind verified createdAt description region { id name nameEn } } }
    }
  }
`);

export function useUnverifiedOrganizations(regionId: string | undefined, skip: boolean) {
  return useQuery(UnverifiedOrganizationsQuery, { variables: { regionId }, skip });
}
