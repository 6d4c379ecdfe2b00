import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The privacy notice in force: sign-up sends back the version it showed. */
export const PrivacyNoticeQuery = graphql(`
  query PrivacyNotice {
    privacyNotice {
      version
      publishedAt
    }
  }
`);

export function usePrivacyNotice() {
  return useQuery(PrivacyNoticeQuery);
}
