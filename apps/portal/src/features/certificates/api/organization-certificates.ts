import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { CertificateStatus } from '../../../gql/graphql';
import { CERTIFICATES_PAGE } from './certificate-fields';

/** The organisation's certificate requests and certificates, for its ADMIN and above. */
export const OrganizationCertificatesQuery = graphql(`
  query OrganizationCertificates($organizationId: ID!, $status: CertificateStatus, $first: Int, $after: String) {
    organization(id: $organizationId) {
      id
      name
      nameEn
      hasSeal
    }
    organizationCertificates(organizationId: $organizationId, status: $status, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...CertificateFields
          holder {
            id
            displayName
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function useOrganizationCertificates(organizationId: string, status?: CertificateStatus) {
  return useQuery(OrganizationCertificatesQuery, { variables: { organizationId, status, first: CERTIFICATES_PAGE }, notifyOnNetworkStatusChange: true });
}
