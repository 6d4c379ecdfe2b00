import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** A street office's budget as the officials' page shows it. */
export const BudgetFields = graphql(`
  fragment BudgetFields on Budget {
    organization {
      id
      name
      nameEn
    }
    allocated
    issued
    pendingApproval
    remaining
    pointsPerHour
    approvalThreshold
    viewerCanIssue
    viewerCanAllocate
  }
`);

/** The street offices whose budgets the signed-in official (or administrator) looks after. */
export const MyBudgetsQuery = graphql(`
  query MyBudgets {
    myBudgets {
      ...BudgetFields
    }
  }
`);

export function useMyBudgets() {
  return useQuery(MyBudgetsQuery);
}
