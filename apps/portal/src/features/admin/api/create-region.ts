import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CreateRegionMutation = graphql(`
  mutation CreateRegion($input: CreateRegionInput!) {
    createRegion(input: $input) { ...AdminRegion }
  }
`);

export function useCreateRegionMutation() {
  return useMutation(CreateRegionMutation);
}
