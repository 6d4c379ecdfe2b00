import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { BudgetIncentivesQuery } from './budget-incentives';
import { MyBudgetsQuery } from './my-budgets';

/** The second official's approval or rejection of an incentive above the threshold. */
export const DecideIncentiveMutation = graphql(`
  mutation DecideIncentive($input: DecideIncentiveInput!) {
    decideIncentive(input: $input) {
      ...IncentiveFields
    }
  }
`);

export function useDecideIncentiveMutation() {
  return useMutation(DecideIncentiveMutation, { refetchQueries: [MyBudgetsQuery, BudgetIncentivesQuery] });
}
