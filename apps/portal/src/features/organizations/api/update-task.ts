import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Changes a task's details; the answer updates the task in the cache (the manage page reads it). */
export const UpdateTaskMutation = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      id
      ...EditableTask
    }
  }
`);

export function useUpdateTaskMutation() {
  return useMutation(UpdateTaskMutation);
}
