import { useQuery } from '@apollo/client/react';
import { graphql } from '../../../gql';

/** An honour as the profile lists it. */
export const HonourFields = graphql(`
  fragment HonourFields on Honour {
    id
    title
    reason
    awardedAt
    awardedBy {
      id
      name
      nameEn
    }
  }
`);

/** The signed-in person's star level, the hours it rests on, and their honours. */
export const MyHonoursQuery = graphql(`
  query MyHonours {
    me {
      id
      starLevel
      verifiedServiceMinutes
      honours {
        ...HonourFields
      }
    }
  }
`);

export function useMyHonours() {
  return useQuery(MyHonoursQuery);
}
