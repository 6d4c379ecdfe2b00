import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Remembers the language and elder mode chosen in the header on the signed-in profile. */
export const UpdatePreferencesMutation = graphql(`
  mutation UpdatePreferences($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      id
      locale
      elderMode
    }
  }
`);

export function useUpdatePreferences() {
  return useMutation(UpdatePreferencesMutation);
}
