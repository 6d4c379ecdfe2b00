import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { OrganizationCertificatesQuery } from './organization-certificates';

/** Approve (a serial and the publicity period follow) or reject a request, with a reason. */
export const DecideCertificateMutation = graphql(`
  mutation DecideCertificate($input: DecideCertificateInput!) {
    decideCertificate(input: $input) {
      ...CertificateFields
    }
  }
`);

export function useDecideCertificateMutation() {
  // A status filter may no longer hold the row: read the list again.
  return useMutation(DecideCertificateMutation, { refetchQueries: [OrganizationCertificatesQuery] });
}
