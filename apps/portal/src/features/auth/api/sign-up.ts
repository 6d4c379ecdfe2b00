import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const SignUpMutation = graphql(`
  mutation SignUp($input: RegisterInput!) {
    register(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      deviceToken
      user {
        id
        displayName
        locale
        elderMode
      }
    }
  }
`);

export function useSignUpMutation() {
  return useMutation(SignUpMutation);
}
