import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { NeedsQuery } from './needs';

export const PublishNeedMutation = graphql(`
  mutation PublishNeed($input: PublishNeedInput!) {
    publishNeed(input: $input) { id title status }
  }
`);

export function usePublishNeedMutation() {
  return useMutation(PublishNeedMutation, { refetchQueries: [NeedsQuery] });
}
