import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Points per verified hour and the two-person threshold of a street office. */
export const ConfigureBudgetMutation = graphql(`
  mutation ConfigureBudget($input: ConfigureBudgetInput!) {
    configureBudget(input: $input) {
      ...BudgetFields
    }
  }
`);

export function useConfigureBudgetMutation() {
  return useMutation(ConfigureBudgetMutation);
}
