import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Public: what a certificate's serial says, for whoever scanned its QR code. */
export const VerifyCertificateQuery = graphql(`
  query VerifyCertificate($serial: String!) {
    verifyCertificate(serial: $serial) {
      serial
      valid
      status
      holderName
      organizationName
      minutes
      issuedAt
    }
  }
`);

export function useVerifyCertificate(serial: string) {
  return useQuery(VerifyCertificateQuery, { variables: { serial }, skip: !serial, fetchPolicy: 'network-only' });
}
