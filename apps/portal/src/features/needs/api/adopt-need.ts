import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const AdoptNeedMutation = graphql(`
  mutation AdoptNeed($input: AdoptNeedInput!) {
    adoptNeed(input: $input) { id status organization { id } need { id status adoptedBy { id name nameEn } } }
  }
`);

export function useAdoptNeedMutation() {
  return useMutation(AdoptNeedMutation);
}
