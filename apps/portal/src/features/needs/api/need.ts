import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const NeedPageQuery = graphql(`
  query NeedPage($id: ID!) {
    need(id: $id) {
      id title description category status supportCount viewerSupports createdAt
      region { id name nameEn }
      postedBy { id displayName }
      onBehalfOf { id displayName }
      adoptedBy { id name nameEn }
      task { id title status organization { id } }
    }
  }
`);

export function useNeedPage(id: string) {
  return useQuery(NeedPageQuery, { variables: { id } });
}
