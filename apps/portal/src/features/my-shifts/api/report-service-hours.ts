import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { MyReportedServiceQuery } from './my-reported-service';

export const ReportServiceHoursMutation = graphql(`
  mutation ReportServiceHours($input: ReportServiceHoursInput!) {
    reportServiceHours(input: $input) {
      id
      minutes
      status
      servedOn
      description
    }
  }
`);

/** Reports hours served elsewhere; the list of reported hours is fetched again to show it. */
export function useReportServiceHoursMutation() {
  return useMutation(ReportServiceHoursMutation, { refetchQueries: [MyReportedServiceQuery] });
}
