import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ProfileQuery } from './profile';

export const RevokeProxyMutation = graphql(`
  mutation RevokeProxy($input: RevokeProxyInput!) {
    revokeProxy(input: $input)
  }
`);

export function useRevokeProxyMutation() {
  return useMutation(RevokeProxyMutation, { refetchQueries: [ProfileQuery], awaitRefetchQueries: true });
}
