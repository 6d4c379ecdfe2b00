import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The street offices an official (or administrator) may award honours in the name of: those whose budgets they look after. */
export const HonourOfficesQuery = graphql(`
  query HonourOffices {
    myBudgets {
      organization {
        id
        name
        nameEn
      }
    }
  }
`);

export function useHonourOffices(skip: boolean) {
  return useQuery(HonourOfficesQuery, { skip });
}
