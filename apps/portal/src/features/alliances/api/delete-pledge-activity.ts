import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { AlliancePageQuery } from './alliance';

export const DeletePledgeActivityMutation = graphql(`
  mutation DeletePledgeActivity($input: DeletePledgeActivityInput!) {
    deletePledgeActivity(input: $input) { id }
  }
`);

/** Deletes a record; the alliance page (feed, count, totals) refetches. */
export function useDeletePledgeActivityMutation() {
  return useMutation(DeletePledgeActivityMutation, { refetchQueries: [AlliancePageQuery], awaitRefetchQueries: true });
}
