import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** A task's recurring shifts as a volunteer sees them: how each repeats, its next dates, and whether they claim every one. */
export const TaskSeriesQuery = graphql(`
  query TaskSeries($id: ID!) {
    task(id: $id) {
      id
      status
      shiftSeries {
        id
        startTime
        endTime
        exceptions
        recurrence {
          frequency
          interval
          byWeekday
          until
          count
        }
        nextOccurrences(first: 3) {
          date
          startsAt
          endsAt
        }
        viewerStandingClaim {
          id
        }
      }
    }
  }
`);

export function useTaskSeries(id: string) {
  return useQuery(TaskSeriesQuery, { variables: { id } });
}
