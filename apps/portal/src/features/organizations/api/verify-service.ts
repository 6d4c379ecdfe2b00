import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const VerifyServiceMutation = graphql(`
  mutation VerifyService($input: VerifyServiceInput!) {
    verifyService(input: $input) {
      id
      minutes
      status
      verifiedAt
      claim {
        id
        status
      }
    }
  }
`);

export function useVerifyServiceMutation() {
  return useMutation(VerifyServiceMutation);
}
