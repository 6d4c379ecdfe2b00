import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { AlliancePageQuery } from './alliance';
import { AllianceReviewQuery } from './alliance-review';

export const ReinstateAllianceMemberMutation = graphql(`
  mutation ReinstateAllianceMember($input: AllianceMemberActionInput!) {
    reinstateAllianceMember(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } }
  }
`);

export function useReinstateAllianceMemberMutation() {
  return useMutation(ReinstateAllianceMemberMutation, { refetchQueries: [AllianceReviewQuery, AlliancePageQuery] });
}
