import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/**
 * A task as its coordinators see it: every shift with its check-in code and claims (the
 * first 50 per shift: the API's query-cost limit refuses more in one request).
 */
export const ManageTaskQuery = graphql(`
  query ManageTask($id: ID!) {
    task(id: $id) {
      id
      title
      description
      category
      status
      requiresApproval
      requiresCheckInCode
      completedAt
      cancelledAt
      cancelReason
      ...EditableTask
      need {
        id
        title
      }
      organization {
        id
        name
        nameEn
      }
      shifts {
        id
        startsAt
        endsAt
        capacity
        place
        cancelledAt
        cancelReason
        confirmedCount
        waitlistCount
        pendingCount
        checkInCode
        claims(first: 50) {
          totalCount
          pageInfo {
            endCursor
            hasNextPage
          }
          edges {
            cursor
            node {
              id
              status
              createdAt
              checkInAt
              checkOutAt
              volunteer {
                id
                displayName
                phone
              }
              actingProxy {
                id
                displayName
              }
              serviceRecord {
                id
                minutes
                status
              }
            }
          }
        }
      }
    }
  }
`);

export function useManageTask(id: string) {
  return useQuery(ManageTaskQuery, { variables: { id }, pollInterval: 30_000 });
}
