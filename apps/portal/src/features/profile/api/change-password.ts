import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Answers how many other sessions (devices) ended; this one stays signed in. */
export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export function useChangePasswordMutation() {
  return useMutation(ChangePasswordMutation);
}
