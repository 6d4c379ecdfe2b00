import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const SupportNeedMutation = graphql(`
  mutation SupportNeed($needId: ID!) {
    supportNeed(needId: $needId) { id supportCount viewerSupports }
  }
`);

export function useSupportNeedMutation() {
  return useMutation(SupportNeedMutation);
}
