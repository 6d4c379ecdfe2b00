import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { TaskDetailQuery } from './task-detail';

export const ReviewTaskMutation = graphql(`
  mutation ReviewTask($input: ReviewTaskInput!) {
    reviewTask(input: $input) { id rating comment createdAt reviewer { id displayName } }
  }
`);

export function useReviewTaskMutation() {
  return useMutation(ReviewTaskMutation, { refetchQueries: [TaskDetailQuery] });
}
