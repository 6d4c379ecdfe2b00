import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { MyAdminOrganizationsQuery } from './my-admin-organizations';
import { AlliancePageQuery } from './alliance';

export const LeaveAllianceMutation = graphql(`
  mutation LeaveAlliance($input: AllianceMemberActionInput!) {
    leaveAlliance(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } }
  }
`);

export function useLeaveAllianceMutation() {
  return useMutation(LeaveAllianceMutation, { refetchQueries: [AlliancePageQuery, MyAdminOrganizationsQuery] });
}
