import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const SuspendAllianceMemberMutation = graphql(`
  mutation SuspendAllianceMember($input: AllianceMemberActionInput!) {
    suspendAllianceMember(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name kind } alliance { id name } }
  }
`);

export function useSuspendAllianceMemberMutation() {
  return useMutation(SuspendAllianceMemberMutation, { refetchQueries: ['AllianceReview', 'AlliancePage'] });
}
