import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { SessionQuery } from '../../../lib/auth/session';
import { MyOrganizationsQuery } from './my-organizations';
import { MyInvitedMembershipsQuery } from './my-invited-memberships';
import { OrganizationPageQuery } from './organization';
import { PendingMembersQuery } from './pending-members';

export const DecideMembershipMutation = graphql(`
  mutation DecideMembership($input: DecideMembershipInput!) {
    decideMembership(input: $input) { id role status seniorTitle user { id displayName phone } organization { id name nameEn } }
  }
`);

export function useDecideMembershipMutation() {
  return useMutation(DecideMembershipMutation, { refetchQueries: [PendingMembersQuery, OrganizationPageQuery, MyInvitedMembershipsQuery, MyOrganizationsQuery, SessionQuery] });
}
