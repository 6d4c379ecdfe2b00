import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { ShiftFilter } from '../../../gql/graphql';

/** The board's shifts; each card's claim is that of the resident acted for when `onBehalfOf` is set. */
export const OpenShiftsQuery = graphql(`
  query OpenShifts($filter: ShiftFilter, $first: Int, $after: String, $onBehalfOf: ID) {
    openShifts(filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountExact
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...ShiftCardShift
        }
      }
    }
  }
`);

export const BOARD_PAGE_SIZE = 20;
/** Places change as others claim; while the live feed is down the board refreshes its counts this often. */
export const BOARD_POLL_MS = 20_000;

/** `skipPoll` answers true to leave a poll out (Apollo's `skipPollAttempt`). */
export function useOpenShifts(filter: ShiftFilter, onBehalfOf: string | null, skip = false, pollInterval = BOARD_POLL_MS, skipPoll?: () => boolean) {
  return useQuery(OpenShiftsQuery, {
    variables: { filter, first: BOARD_PAGE_SIZE, onBehalfOf },
    pollInterval,
    skipPollAttempt: skipPoll,
    notifyOnNetworkStatusChange: true,
    skip,
  });
}
