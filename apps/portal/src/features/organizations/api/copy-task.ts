import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { OrganizationPageQuery } from './organization';

/** Copies a task as a new draft, its shifts moved by some days (the organisation's task list gains it). */
export const CopyTaskMutation = graphql(`
  mutation CopyTask($input: CopyTaskInput!) {
    copyTask(input: $input) {
      id
      title
      status
    }
  }
`);

export function useCopyTaskMutation() {
  return useMutation(CopyTaskMutation, { refetchQueries: [OrganizationPageQuery] });
}
