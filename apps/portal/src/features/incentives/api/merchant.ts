import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** The merchant organisation the counter and management pages belong to, with its alliances. */
export const MerchantQuery = graphql(`
  query Merchant($id: ID!) {
    organization(id: $id) {
      id
      name
      nameEn
      kind
      allianceMemberships {
        id
        status
        alliance {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export function useMerchant(id: string) {
  return useQuery(MerchantQuery, { variables: { id } });
}
