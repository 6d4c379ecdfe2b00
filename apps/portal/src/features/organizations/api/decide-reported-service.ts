import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { PendingServiceReportsQuery } from './pending-service-reports';

export const DecideReportedServiceMutation = graphql(`
  mutation DecideReportedService($input: DecideReportedServiceInput!) {
    decideReportedService(input: $input) {
      id
      status
      verifiedAt
      decisionReason
    }
  }
`);

/** A decided report leaves the list of those awaiting a decision: the list is fetched again. */
export function useDecideReportedServiceMutation() {
  return useMutation(DecideReportedServiceMutation, { refetchQueries: [PendingServiceReportsQuery] });
}
