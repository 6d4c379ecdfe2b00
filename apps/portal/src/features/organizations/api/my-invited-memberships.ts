import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

export const MyInvitedMembershipsQuery = graphql(`
  query MyInvitedMemberships {
    myMemberships(status: INVITED) { id role status organization { id name nameEn kind } }
  }
`);

export function useMyInvitedMemberships() {
  return useQuery(MyInvitedMembershipsQuery);
}
