import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { AlliancePageQuery } from './alliance';
import { AllianceReviewQuery } from './alliance-review';

export const StewardDecideApplicationMutation = graphql(`
  mutation StewardDecideApplication($input: DecideAllianceApplicationInput!) {
    decideAllianceApplication(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } }
  }
`);

export function useStewardDecideApplicationMutation() {
  return useMutation(StewardDecideApplicationMutation, { refetchQueries: [AllianceReviewQuery, AlliancePageQuery] });
}
