import { graphql } from '../../../gql';

/** A certificate as its holder and the organisation's queue show it. */
export const CertificateFields = graphql(`
  fragment CertificateFields on ServiceCertificate {
    id
    serial
    status
    minutes
    checkedInMinutes
    reportedMinutes
    periodFrom
    periodTo
    requestedAt
    decidedAt
    issuedAt
    publicityEndsAt
    reason
    organization {
      id
      name
      nameEn
    }
  }
`);

export const CERTIFICATES_PAGE = 20;
