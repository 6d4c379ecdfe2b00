import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const RecordServiceHoursMutation = graphql(`
  mutation RecordServiceHours($input: RecordServiceHoursInput!) {
    recordServiceHours(input: $input) {
      id
      source
      minutes
      status
      servedOn
      volunteer {
        id
        displayName
      }
    }
  }
`);

export function useRecordServiceHoursMutation() {
  return useMutation(RecordServiceHoursMutation);
}
