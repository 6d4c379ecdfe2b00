import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** An organisation's ADMIN (or an official) awards a volunteer an honour, with a reason. */
export const AwardHonourMutation = graphql(`
  mutation AwardHonour($input: AwardHonourInput!) {
    awardHonour(input: $input) {
      ...HonourFields
    }
  }
`);

export function useAwardHonourMutation() {
  return useMutation(AwardHonourMutation);
}
