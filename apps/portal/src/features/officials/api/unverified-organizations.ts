import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Organisations awaiting an official: registered or resubmitted, and those asked for more information. */
export const UnverifiedOrganizationsQuery = graphql(`
  query UnverifiedOrganizations($regionId: ID) {
    organizations(filter: { verificationStatuses: [PENDING, INFO_REQUESTED], regionId: $regionId }, first: 50) {
      totalCount
      edges {
        cursor
        node {
          id
          name
          nameEn
          kind
          createdAt
          description
          ...DeskOrganizationFields
          region {
            id
            name
            nameEn
          }
        }
      }
    }
  }
`);

export function useUnverifiedOrganizations(regionId: string | undefined, skip: boolean) {
  return useQuery(UnverifiedOrganizationsQuery, { variables: { regionId }, skip });
}
