import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The last check of the books, for administrators (null before the first night). */
export const LastTrialBalanceQuery = graphql(`
  query LastTrialBalance {
    lastTrialBalance {
      ...TrialBalanceFigures
    }
  }
`);

export const CheckLedgerMutation = graphql(`
  mutation CheckLedger {
    checkLedger {
      ...TrialBalanceFigures
    }
  }
`);

export const PersonLedgerQuery = graphql(`
  query PersonLedger($userId: ID!, $currency: Currency, $first: Int, $after: String) {
    userLedger(userId: $userId, currency: $currency, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...CorrectableEntry
        }
      }
    }
  }
`);

export const ReverseTransferMutation = graphql(`
  mutation ReverseTransfer($input: ReverseTransferInput!) {
    reverseTransfer(input: $input) {
      ...CorrectableEntry
    }
  }
`);

export const LEDGER_PAGE_SIZE = 20;

export function useLastTrialBalance() {
  return useQuery(LastTrialBalanceQuery);
}

export function useCheckLedger() {
  return useMutation(CheckLedgerMutation, { refetchQueries: [LastTrialBalanceQuery] });
}

export function usePersonLedger() {
  return useLazyQuery(PersonLedgerQuery, { fetchPolicy: 'network-only' });
}

export function useReverseTransfer() {
  return useMutation(ReverseTransferMutation);
}
