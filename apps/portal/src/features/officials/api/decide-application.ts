import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { OfficialQueueQuery } from './official-queue';

export const OfficialDecideApplicationMutation = graphql(`
  mutation OfficialDecideApplication($input: DecideAllianceApplicationInput!) {
    decideAllianceApplication(input: $input) { id status pledges createdAt joinedAt decisionReason organization { id name nameEn kind } alliance { id name nameEn } }
  }
`);

export function useOfficialDecideApplicationMutation() {
  return useMutation(OfficialDecideApplicationMutation, { refetchQueries: [OfficialQueueQuery] });
}
