import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const DecideMembershipMutation = graphql(`
  mutation DecideMembership($input: DecideMembershipInput!) {
    decideMembership(input: $input) { id role status seniorTitle user { id displayName phone } organization { id name } }
  }
`);

export function useDecideMembershipMutation() {
  return useMutation(DecideMembershipMutation, { refetchQueries: ['PendingMembers', 'OrganizationPage', 'MyInvitedMemberships', 'MyOrganizations', 'Session'] });
}
