import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Share my phone with the organisers of one claim's shift, or stop sharing it. */
export const ShareClaimPhoneMutation = graphql(`
  mutation ShareClaimPhone($input: ShareClaimPhoneInput!) {
    shareClaimPhone(input: $input) {
      id
      phoneShared
    }
  }
`);

export function useShareClaimPhoneMutation() {
  return useMutation(ShareClaimPhoneMutation);
}
