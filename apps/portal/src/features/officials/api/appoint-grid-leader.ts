import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { GridLeadersQuery } from './grid-leaders';

export const AppointGridLeaderMutation = graphql(`
  mutation AppointGridLeader($input: GridLeaderInput!) {
    appointGridLeader(input: $input) { id displayName leadsGrid { id } }
  }
`);

export const RemoveGridLeaderMutation = graphql(`
  mutation RemoveGridLeader($input: GridLeaderInput!) {
    removeGridLeader(input: $input) { id displayName leadsGrid { id } }
  }
`);

export function useAppointGridLeaderMutation() {
  return useMutation(AppointGridLeaderMutation, { refetchQueries: [GridLeadersQuery] });
}

export function useRemoveGridLeaderMutation() {
  return useMutation(RemoveGridLeaderMutation, { refetchQueries: [GridLeadersQuery] });
}
