import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { AlliancePageQuery } from './alliance';

export const RecordPledgeActivityMutation = graphql(`
  mutation RecordPledgeActivity($input: RecordPledgeActivityInput!) {
    recordPledgeActivity(input: $input) { id pledge note quantity unit occurredAt recordedAt changeableUntil viewerMayChange member { id pledges organization { id name nameEn } } }
  }
`);

export function useRecordPledgeActivityMutation() {
  return useMutation(RecordPledgeActivityMutation, { refetchQueries: [AlliancePageQuery] });
}
