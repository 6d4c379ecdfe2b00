import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { relayStylePagination } from '@apollo/client/utilities';

/** Connections page with `first/after`; each list keeps its pages apart by its filter. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          openShifts: relayStylePagination(['filter']),
          myClaims: relayStylePagination(['filter', 'volunteerId']),
          myServiceRecords: relayStylePagination(),
          proxyResidents: relayStylePagination(),
          organizations: relayStylePagination(['filter']),
          needs: relayStylePagination(['filter']),
          alliances: relayStylePagination(['regionId']),
          myInvitations: relayStylePagination(['status']),
          pendingAllianceApplications: relayStylePagination(),
        },
      },
      Shift: { fields: { claims: relayStylePagination(['filter']) } },
      Organization: { fields: { members: relayStylePagination(['status']), tasks: relayStylePagination() } },
      Alliance: { fields: { members: relayStylePagination(['status']), activity: relayStylePagination() } },
      Task: { fields: { reviews: relayStylePagination() } },
    },
  });
}

export interface ApolloOptions {
  uri?: string;
  getToken(): string | null;
  /** The API no longer accepts our token (it expired or was revoked). */
  onTokenRejected(): void;
  /** The request did not reach the API or its answer was not GraphQL. */
  onTransportError(error: unknown): void;
}

export function createApolloClient({ uri = '/graphql', getToken, onTokenRejected, onTransportError }: ApolloOptions) {
  const auth = new SetContextLink((prev) => {
    const token = getToken();
    return token ? { headers: { ...(prev.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } } : {};
  });

  // The one error link: transport failures are reported once, here; GraphQL errors are
  // left to the screen that made the request, which shows them next to the input at fault.
  const errors = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error)) {
      const rejected = error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions?.key === 'auth.required');
      if (rejected && getToken()) onTokenRejected();
      return;
    }
    onTransportError(error);
  });

  return new ApolloClient({
    link: ApolloLink.from([errors, auth, new HttpLink({ uri })]),
    cache: createCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
