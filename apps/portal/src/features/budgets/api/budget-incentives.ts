import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';
import type { IncentiveStatus } from '../../../gql/graphql';

/** One incentive as the office's queue and history show it. */
export const IncentiveFields = graphql(`
  fragment IncentiveFields on Incentive {
    id
    points
    reason
    status
    recipientName
    createdAt
    decidedAt
    decidedReason
    viewerCanDecide
    issuedBy {
      id
      displayName
    }
    approvedBy {
      id
      displayName
    }
  }
`);

export const BUDGET_INCENTIVES_PAGE = 20;

/** The incentives of one street office's budget, newest first; by status for the approval queue. */
export const BudgetIncentivesQuery = graphql(`
  query BudgetIncentives($organizationId: ID!, $status: IncentiveStatus, $first: Int, $after: String) {
    budgetIncentives(organizationId: $organizationId, status: $status, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...IncentiveFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export function useBudgetIncentives(organizationId: string, status?: IncentiveStatus) {
  return useQuery(BudgetIncentivesQuery, { variables: { organizationId, status, first: BUDGET_INCENTIVES_PAGE }, notifyOnNetworkStatusChange: true });
}
