import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { BudgetIncentivesQuery } from './budget-incentives';
import { MyBudgetsQuery } from './my-budgets';

/** Awards points from a budget; above the threshold it waits for a second official. */
export const IssueIncentiveMutation = graphql(`
  mutation IssueIncentive($input: IssueIncentiveInput!) {
    issueIncentive(input: $input) {
      ...IncentiveFields
    }
  }
`);

export function useIssueIncentiveMutation() {
  // The budget's figures and its lists change together; read them again.
  return useMutation(IssueIncentiveMutation, { refetchQueries: [MyBudgetsQuery, BudgetIncentivesQuery] });
}
