import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { AllianceReviewQuery } from './alliance-review';
import { MyAdminOrganizationsQuery } from './my-admin-organizations';

export const ApplyToAllianceMutation = graphql(`
  mutation ApplyToAlliance($input: ApplyToAllianceInput!) {
    applyToAlliance(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } }
  }
`);

export function useApplyToAllianceMutation() {
  return useMutation(ApplyToAllianceMutation, { refetchQueries: [MyAdminOrganizationsQuery, AllianceReviewQuery] });
}
