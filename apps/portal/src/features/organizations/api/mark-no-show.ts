import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MarkNoShowMutation = graphql(`
  mutation MarkNoShow($input: CancelClaimInput!) {
    markNoShow(input: $input) { id status shift { id confirmedCount } }
  }
`);

export function useMarkNoShowMutation() {
  return useMutation(MarkNoShowMutation);
}
