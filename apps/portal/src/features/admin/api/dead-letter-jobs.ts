import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Jobs that failed every try (a delivery the provider kept refusing): administrators only. */
export const DeadLetterJobsQuery = graphql(`
  query DeadLetterJobs($first: Int) {
    deadLetterJobs(first: $first) {
      id
      queue
      createdOn
      data
    }
  }
`);

export function useDeadLetterJobs() {
  return useQuery(DeadLetterJobsQuery, { variables: { first: 20 } });
}
