import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ProfileQuery } from './profile';

export const GrantProxyMutation = graphql(`
  mutation GrantProxy($input: GrantProxyInput!) {
    grantProxy(input: $input)
  }
`);

export function useGrantProxyMutation() {
  return useMutation(GrantProxyMutation, { refetchQueries: [ProfileQuery], awaitRefetchQueries: true });
}
