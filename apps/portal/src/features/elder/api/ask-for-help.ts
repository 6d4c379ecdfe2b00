import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Asking for help publishes a need in the person's home region (the needs board's publishNeed). */
export const ElderAskForHelpMutation = graphql(`
  mutation ElderAskForHelp($input: PublishNeedInput!) {
    publishNeed(input: $input) {
      id
      title
      status
    }
  }
`);

export function useElderAskForHelp() {
  return useMutation(ElderAskForHelpMutation);
}
