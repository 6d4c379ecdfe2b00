import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const StewardDecideApplicationMutation = graphql(`
  mutation StewardDecideApplication($input: DecideAllianceApplicationInput!) {
    decideAllianceApplication(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name kind } alliance { id name } }
  }
`);

export function useStewardDecideApplicationMutation() {
  return useMutation(StewardDecideApplicationMutation, { refetchQueries: ['AllianceReview', 'AlliancePage'] });
}
