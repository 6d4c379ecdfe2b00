import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { SessionQuery } from '../../../lib/auth/session';
import { OrganizationPageQuery } from './organization';

export const LeaveOrganizationMutation = graphql(`
  mutation LeaveOrganization($organizationId: ID!) {
    leaveOrganization(organizationId: $organizationId) { id role status seniorTitle user { id displayName phone } }
  }
`);

export function useLeaveOrganizationMutation() {
  return useMutation(LeaveOrganizationMutation, { refetchQueries: [OrganizationPageQuery, SessionQuery] });
}
