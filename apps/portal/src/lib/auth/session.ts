import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { useAuth } from './AuthProvider';

/**
 * What every page may need to know about the signed-in person, and the header's figures
 * (invitations waiting, unread notifications): one request for the shell, whose badges then
 * read these fields from the cache.
 */
export const SessionQuery = graphql(`
  query Session {
    pendingInvitationCount
    unreadNotificationCount
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
  // Read by the shell, the providers and every claim button: one request per page load (cache-first),
  // not one per component mounting; what changes the session refetches it.
  const { data, loading, error } = useQuery(SessionQuery, { skip: !token, fetchPolicy: 'cache-first' });
  const me = token ? (data?.me ?? null) : null;
  return { me, signedIn: Boolean(token), loading: Boolean(token) && loading && !data, error };
}
