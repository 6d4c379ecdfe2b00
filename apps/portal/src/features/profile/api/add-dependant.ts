import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';
import { ProfileQuery } from './profile';

/** Signs a minor up under the signed-in guardian's account; the profile lists them after. */
export const AddDependantMutation = graphql(`
  mutation AddDependant($input: AddDependantInput!) {
    addDependant(input: $input) {
      id
      displayName
      birthDate
    }
  }
`);

export function useAddDependantMutation() {
  return useMutation(AddDependantMutation, { refetchQueries: [ProfileQuery], awaitRefetchQueries: true });
}
