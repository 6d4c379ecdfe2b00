import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { CERTIFICATES_PAGE } from './certificate-fields';

/** The signed-in volunteer's certificates, newest first; the PDF link once issued. */
export const MyCertificatesQuery = graphql(`
  query MyCertificates($first: Int, $after: String) {
    myCertificates(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...CertificateFields
          pdfUrl
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function useMyCertificates() {
  return useQuery(MyCertificatesQuery, { variables: { first: CERTIFICATES_PAGE }, notifyOnNetworkStatusChange: true });
}
