import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Adds points to a street office's budget (the answer updates its figures in the cache). */
export const AllocateBudgetMutation = graphql(`
  mutation AllocateBudget($input: AllocateBudgetInput!) {
    allocateBudget(input: $input) {
      ...BudgetFields
    }
  }
`);

export function useAllocateBudgetMutation() {
  return useMutation(AllocateBudgetMutation);
}
