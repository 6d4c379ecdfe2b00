import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { AlliancePageQuery } from './alliance';

export const UpdatePledgeActivityMutation = graphql(`
  mutation UpdatePledgeActivity($input: UpdatePledgeActivityInput!) {
    updatePledgeActivity(input: $input) { id pledge note quantity unit occurredAt recordedAt changeableUntil viewerMayChange }
  }
`);

/** Corrects a record; the alliance page refetches, as its totals change too. */
export function useUpdatePledgeActivityMutation() {
  return useMutation(UpdatePledgeActivityMutation, { refetchQueries: [AlliancePageQuery] });
}
