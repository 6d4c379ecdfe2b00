import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const SignInMutation = graphql(`
  mutation SignIn($input: LoginInput!) {
    login(input: $input) {
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

export function useSignInMutation() {
  return useMutation(SignInMutation);
}
