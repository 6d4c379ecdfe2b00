import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const ReinstateAllianceMemberMutation = graphql(`
  mutation ReinstateAllianceMember($input: AllianceMemberActionInput!) {
    reinstateAllianceMember(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name kind } alliance { id name } }
  }
`);

export function useReinstateAllianceMemberMutation() {
  return useMutation(ReinstateAllianceMemberMutation, { refetchQueries: ['AllianceReview', 'AlliancePage'] });
}
