import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useAuth } from './AuthProvider';

/** What every page may need to know about the signed-in person. */
export const SessionQuery = graphql(`
  query Session {
    me {
      id
      displayName
      phone
      locale
      elderMode
      role
      leadsGrid {
        id
        name
        nameEn
      }
      memberships {
        id
        role
        organization {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export function useSession() {
  const { token } = useAuth();
  const { data, loading, error } = useQuery(SessionQuery, { skip: !token });
  const me = token ? (data?.me ?? null) : null;
  return { me, signedIn: Boolean(token), loading: Boolean(token) && loading && !data, error };
}
