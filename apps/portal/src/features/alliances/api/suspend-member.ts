import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { AlliancePageQuery } from './alliance';
import { AllianceReviewQuery } from './alliance-review';

export const SuspendAllianceMemberMutation = graphql(`
  mutation SuspendAllianceMember($input: AllianceMemberActionInput!) {
    suspendAllianceMember(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } }
  }
`);

export function useSuspendAllianceMemberMutation() {
  return useMutation(SuspendAllianceMemberMutation, { refetchQueries: [AllianceReviewQuery, AlliancePageQuery] });
}
