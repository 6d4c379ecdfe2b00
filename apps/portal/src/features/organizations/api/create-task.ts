import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { OrganizationPageQuery } from './organization';

export const CreateTaskMutation = graphql(`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      id
      title
      status
      organization {
        id
      }
    }
  }
`);

export function useCreateTaskMutation() {
  return useMutation(CreateTaskMutation, { refetchQueries: [OrganizationPageQuery] });
}
