import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MyOrganizationsQuery = graphql(`
  query MyOrganizations {
    me {
      id
      role
      homeRegion {
        id
        parent {
          id
          parent {
            id
            parent {
              id
            }
          }
        }
      }
      memberships {
        id
        role
        status
        organization {
          id
          name
          nameEn
          kind
          verified
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

export function useMyOrganizations() {
  return useQuery(MyOrganizationsQuery);
}
