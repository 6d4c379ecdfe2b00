import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { Currency } from '../../../gql/graphql';

export const HISTORY_PAGE_SIZE = 20;

/** One line of the wallet's history. */
export const LedgerEntryFields = graphql(`
  fragment LedgerEntryFields on LedgerEntry {
    id
    currency
    amount
    balanceAfter
    kind
    memo
    counterparty
    createdAt
  }
`);

/** The signed-in person's ledger entries in one currency, newest first. */
export const PointsHistoryQuery = graphql(`
  query PointsHistory($currency: Currency, $first: Int, $after: String) {
    pointsHistory(currency: $currency, first: $first, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        cursor
        node {
          ...LedgerEntryFields
        }
      }
    }
  }
`);

export function usePointsHistory(currency: Currency) {
  return useQuery(PointsHistoryQuery, { variables: { currency, first: HISTORY_PAGE_SIZE } });
}
