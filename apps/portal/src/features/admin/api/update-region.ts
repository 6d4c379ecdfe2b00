import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const UpdateRegionMutation = graphql(`
  mutation UpdateRegion($input: UpdateRegionInput!) {
    updateRegion(input: $input) { ...AdminRegion }
  }
`);

export function useUpdateRegionMutation() {
  return useMutation(UpdateRegionMutation);
}
