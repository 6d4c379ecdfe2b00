import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MyAdminOrganizationsQuery = graphql(`
  query MyAdminOrganizations {
    me {
      id
      memberships {
        id role status
        organization { id name nameEn kind region { id name nameEn } allianceMemberships { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } } }
      }
    }
  }
`);

export function useMyAdminOrganizations(skip = false) {
  return useQuery(MyAdminOrganizationsQuery, { skip });
}
