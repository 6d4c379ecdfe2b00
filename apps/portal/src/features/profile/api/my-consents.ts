import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** What I agreed to at sign-up (and since), newest first. */
export const MyConsentsQuery = graphql(`
  query MyConsents {
    me {
      id
      consents {
        id
        privacyNoticeVersion
        termsAccepted
        contactBySms
        recordedAt
      }
    }
  }
`);

export function useMyConsents() {
  return useQuery(MyConsentsQuery);
}
