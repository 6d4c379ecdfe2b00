import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { OrganizationCertificatesQuery } from './organization-certificates';

export const RevokeCertificateMutation = graphql(`
  mutation RevokeCertificate($id: ID!, $reason: String!) {
    revokeCertificate(id: $id, reason: $reason) {
      ...CertificateFields
    }
  }
`);

export function useRevokeCertificateMutation() {
  return useMutation(RevokeCertificateMutation, { refetchQueries: [OrganizationCertificatesQuery] });
}
