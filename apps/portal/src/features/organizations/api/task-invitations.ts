import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Every shift's invitations of a task, in one request (the API batches them per request). */
export const TaskInvitationsQuery = graphql(`
  query TaskInvitations($id: ID!) {
    task(id: $id) {
      id
      shifts {
        ...ShiftInvitations
      }
    }
  }
`);

export function useTaskInvitations(taskId: string) {
  return useQuery(TaskInvitationsQuery, { variables: { id: taskId }, pollInterval: 30_000 });
}
