import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * The organisations that recorded the volunteer's service (谁记录谁证明): those of their
 * checked-in records and of their reported hours; only these can certify them.
 */
export const ServedOrganizationsQuery = graphql(`
  query ServedOrganizations {
    myServiceRecords(first: 100) {
      edges {
        node {
          id
          status
          organization {
            id
            name
            nameEn
          }
        }
      }
    }
    myReportedService(first: 100) {
      edges {
        node {
          id
          status
          organization {
            id
            name
            nameEn
          }
        }
      }
    }
  }
`);

export function useServedOrganizations() {
  return useQuery(ServedOrganizationsQuery);
}
