import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const TaskDetailQuery = graphql(`
  query TaskDetail($id: ID!) {
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
        viewerClaim {
          id
          status
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

export function useTaskDetail(id: string) {
  return useQuery(TaskDetailQuery, { variables: { id }, pollInterval: 30_000 });
}
