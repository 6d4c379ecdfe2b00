import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { MyCertificatesQuery } from './my-certificates';

export const RequestCertificateMutation = graphql(`
  mutation RequestCertificate($input: RequestCertificateInput!) {
    requestCertificate(input: $input) {
      ...CertificateFields
      pdfUrl
    }
  }
`);

export function useRequestCertificateMutation() {
  return useMutation(RequestCertificateMutation, { refetchQueries: [MyCertificatesQuery] });
}
