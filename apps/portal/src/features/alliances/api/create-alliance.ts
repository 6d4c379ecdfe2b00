import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const CreateAllianceMutation = graphql(`
  mutation CreateAlliance($input: CreateAllianceInput!) {
    createAlliance(input: $input) { id name }
  }
`);

export function useCreateAllianceMutation() {
  return useMutation(CreateAllianceMutation);
}
