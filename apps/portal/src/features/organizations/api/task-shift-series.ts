import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** A task's recurring shifts as its coordinators see them: the rule, skipped dates and the next dates. */
export const TaskShiftSeriesQuery = graphql(`
  query TaskShiftSeries($id: ID!) {
    task(id: $id) {
      id
      status
      shiftSeries {
        id
        rrule
        timeZone
        startTime
        endTime
        capacity
        exceptions
        recurrence {
          frequency
          interval
          byWeekday
          until
          count
        }
        nextOccurrences(first: 5) {
          date
          startsAt
          endsAt
        }
      }
    }
  }
`);

export function useTaskShiftSeries(id: string) {
  return useQuery(TaskShiftSeriesQuery, { variables: { id } });
}
