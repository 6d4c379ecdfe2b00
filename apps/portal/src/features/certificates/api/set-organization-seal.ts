import { useMutation } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** Uploads (a PNG or JPEG data URL) or, with null, removes the seal printed on certificates. */
export const SetOrganizationSealMutation = graphql(`
  mutation SetOrganizationSeal($organizationId: ID!, $imageDataUrl: String) {
    setOrganizationSeal(organizationId: $organizationId, imageDataUrl: $imageDataUrl) {
      id
      hasSeal
    }
  }
`);

export function useSetOrganizationSealMutation() {
  return useMutation(SetOrganizationSealMutation);
}
