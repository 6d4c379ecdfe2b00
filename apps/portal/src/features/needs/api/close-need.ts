import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CloseNeedMutation = graphql(`
  mutation CloseNeed($needId: ID!) {
    closeNeed(needId: $needId) { id status }
  }
`);

export function useCloseNeedMutation() {
  return useMutation(CloseNeedMutation);
}
