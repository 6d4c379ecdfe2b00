import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const TaskDetailQuery = graphql(`
  query TaskDetail($id: ID!, $onBehalfOf: ID) {
    task(id: $id) {
      id
      title
      description
      category
      status
      requiredSkills
      requiresApproval
      requiresCheckInCode
      skillsMandatory
      minimumAge
      cancelledAt
      cancelReason
      averageRating
      viewerReview {
        id
        rating
        comment
      }
      reviews(first: 20) {
        totalCount
        edges {
          cursor
          node {
            id
            rating
            comment
            createdAt
            reviewer {
              id
              displayName
            }
          }
        }
      }
      need {
        id
        title
      }
      organization {
        id
        name
        nameEn
        kind
        verified
      }
      region {
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
        ...ClaimActionShift
        # The task page shows the claim's full status line, hours included.
        viewerClaim(onBehalfOf: $onBehalfOf) {
          id
          serviceRecord {
            id
            minutes
            status
          }
        }
        series {
          id
          recurrence {
            frequency
            interval
            byWeekday
            until
            count
          }
        }
      }
    }
  }
`);

/** `onBehalfOf`: the resident acted for, whose claims the shifts' buttons show. */
export function useTaskDetail(id: string, onBehalfOf: string | null = null) {
  return useQuery(TaskDetailQuery, { variables: { id, onBehalfOf }, pollInterval: 30_000 });
}
