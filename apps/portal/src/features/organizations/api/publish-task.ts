import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const PublishTaskMutation = graphql(`
  mutation PublishTask($id: ID!) {
    publishTask(id: $id) {
      id
      status
      publishedAt
    }
  }
`);

export function usePublishTaskMutation() {
  return useMutation(PublishTaskMutation);
}
