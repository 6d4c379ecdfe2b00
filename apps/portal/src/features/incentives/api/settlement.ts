import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** A merchant's statement for one month (Asia/Shanghai), with the CSV of the same figures. */
export const SettlementStatementQuery = graphql(`
  query SettlementStatement($organizationId: ID!, $month: String!) {
    settlementStatement(organizationId: $organizationId, month: $month) {
      month
      redemptions
      points
      amountFen
      rateFen
      csv
      merchant {
        id
        name
        nameEn
      }
      lines {
        redemptions
        points
        reward {
          id
          title
        }
      }
    }
  }
`);

/** The alliance's settlement rate, for its steward's admins and officials. */
export const AllianceSettlementRateQuery = graphql(`
  query AllianceSettlementRate($id: ID!) {
    alliance(id: $id) {
      id
      settlementRateFen
    }
  }
`);

export const SetSettlementRateMutation = graphql(`
  mutation SetSettlementRate($input: SetSettlementRateInput!) {
    setSettlementRate(input: $input) {
      id
      settlementRateFen
    }
  }
`);

export function useSettlementStatement(organizationId: string, month: string) {
  return useQuery(SettlementStatementQuery, { variables: { organizationId, month } });
}

export function useAllianceSettlementRate(id: string) {
  return useQuery(AllianceSettlementRateQuery, { variables: { id } });
}

export function useSetSettlementRateMutation() {
  return useMutation(SetSettlementRateMutation);
}
