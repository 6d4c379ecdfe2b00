import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { TaskDetailQuery } from './task-detail';
import { TaskSeriesQuery } from './task-series';

/** Claims every occurrence of a recurring shift; the answer says what became of each. */
export const ClaimShiftSeriesMutation = graphql(`
  mutation ClaimShiftSeries($input: ClaimShiftSeriesInput!) {
    claimShiftSeries(input: $input) {
      standingClaim {
        id
        volunteer {
          id
          displayName
        }
      }
      occurrences {
        outcome
        shift {
          id
          startsAt
          endsAt
        }
        claim {
          id
          status
        }
      }
    }
  }
`);

export function useClaimShiftSeriesMutation() {
  return useMutation(ClaimShiftSeriesMutation, { refetchQueries: [TaskDetailQuery, TaskSeriesQuery] });
}

export const StopClaimingShiftSeriesMutation = graphql(`
  mutation StopClaimingShiftSeries($input: StopClaimingShiftSeriesInput!) {
    stopClaimingShiftSeries(input: $input) {
      id
      endedAt
    }
  }
`);

export function useStopClaimingShiftSeriesMutation() {
  return useMutation(StopClaimingShiftSeriesMutation, { refetchQueries: [TaskDetailQuery, TaskSeriesQuery] });
}
