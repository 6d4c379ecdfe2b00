import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Sends a code by SMS to the phone (the answer is the same whether or not it has an account). */
export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input)
  }
`);

/** Sets a new password with the code; every session of the person ends. */
export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

export function useRequestPasswordResetMutation() {
  return useMutation(RequestPasswordResetMutation);
}

export function useResetPasswordMutation() {
  return useMutation(ResetPasswordMutation);
}
