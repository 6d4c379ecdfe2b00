import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { PreviewShiftSeriesInput } from '../../gql/graphql';

/** The dates a rule would make, computed by the API as the series itself will be (one implementation of the rules). */
export const PreviewShiftSeriesQuery = graphql(`
  query PreviewShiftSeries($input: PreviewShiftSeriesInput!) {
    previewShiftSeries(input: $input) {
      rrule
      totalCount
      windowCount
      occurrences {
        date
        startsAt
        endsAt
      }
    }
  }
`);

export function usePreviewShiftSeries(input: PreviewShiftSeriesInput | null) {
  return useQuery(PreviewShiftSeriesQuery, { variables: { input: input! }, skip: !input, fetchPolicy: 'cache-first' });
}
