import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type Reference } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { relayStylePagination } from '@apollo/client/utilities';
import { defer, mergeMap, of } from 'rxjs';
import type { LiveConnection } from './live';
import { createStartupRetryLink, type StartupRetryOptions } from './startup';

/** Connections page with `first/after`; each list keeps its pages apart by its filter. */
export function createCache(): InMemoryCache {
  return new InMemoryCache({
    typePolicies: {
      Query: {
        fields: {
          openShifts: relayStylePagination(['filter']),
          myClaims: relayStylePagination(['filter', 'volunteerId']),
          myServiceRecords: relayStylePagination(),
          myReportedService: relayStylePagination(['volunteerId']),
          proxyResidents: relayStylePagination(),
          organizations: relayStylePagination(['filter']),
          needs: relayStylePagination(['filter']),
          alliances: relayStylePagination(['regionId']),
          myInvitations: relayStylePagination(['status']),
          pendingAllianceApplications: relayStylePagination(),
          notifications: relayStylePagination(['unreadOnly']),
          devMessages: relayStylePagination(),
          userLedger: relayStylePagination(['userId', 'currency']),
          pointsHistory: relayStylePagination(['currency']),
          rewards: relayStylePagination(['filter']),
          myRedemptions: relayStylePagination(),
          merchantRedemptions: relayStylePagination(['organizationId']),
          // A level already read as a region's `children` (the board reads its home's levels
          // in one request) answers `regions(parentId)` from the cache.
          regions: {
            read(existing, { args, readField, toReference }) {
              if (existing !== undefined || !args?.parentId) return existing;
              return readField<readonly Reference[]>('children', toReference({ __typename: 'Region', id: args.parentId as string }));
            },
          },
          incentives: relayStylePagination(['regionId']),
          budgetIncentives: relayStylePagination(['organizationId', 'status']),
          myCertificates: relayStylePagination(),
          organizationCertificates: relayStylePagination(['organizationId', 'status']),
        },
      },
      Shift: {
        fields: {
          claims: relayStylePagination(['filter']),
          // The viewer's own claim and that of a resident acted for are kept apart; without
          // `onBehalfOf` (or with null) it is the viewer's, one entry however it was asked.
          viewerClaim: { keyArgs: (args) => (args?.onBehalfOf ? ['onBehalfOf'] : false) },
        },
      },
      Organization: { fields: { members: relayStylePagination(['status']), tasks: relayStylePagination(), pendingServiceReports: relayStylePagination() } },
      Alliance: { fields: { members: relayStylePagination(['status']), activity: relayStylePagination() } },
      Task: { fields: { reviews: relayStylePagination() } },
      // A budget has no id of its own: it is its street office's.
      Budget: { keyFields: ['organization', ['id']] },
    },
  });
}

/** The session as the client needs it (see lib/auth/session-store). */
export interface ApolloSession {
  /** The token to send now (renewed first when about to expire), or null when signed out. */
  validAccessToken(): Promise<string | null>;
  /** The API refused this token: the one to retry with, or null (the session has ended). */
  renewRejected(rejected: string): Promise<string | null>;
  /** The current session, if any. */
  current(): { accessToken: string } | null;
}

export interface ApolloOptions {
  uri?: string;
  /** For tests: the fetch the HTTP link uses. */
  fetch?: typeof fetch;
  session: ApolloSession;
  /** The API no longer accepts our token (it expired or was revoked). */
  onTokenRejected(): void;
  /** The request did not reach the API or its answer was not GraphQL. */
  onTransportError(error: unknown): void;
  /** Where subscriptions go (see live.ts); without it the client has none. */
  live?: LiveConnection;
  /** While the API starts, queries wait for it (see startup.ts); this hears when they wait and when it answers. */
  onApiStarting?(starting: boolean): void;
  /** For tests: the waits between retries while the API starts. */
  startupBackoffMs?: StartupRetryOptions['backoffMs'];
  /** For tests: the clock that limits the wait for the API. */
  startupNow?: StartupRetryOptions['now'];
}

/** An expired or revoked access token (a signed-out request gets `auth.required` instead). */
export function isInvalidTokenResult(result: ApolloLink.Result): boolean {
  const errors = (result as { errors?: readonly { extensions?: Record<string, unknown> }[] }).errors;
  return Array.isArray(errors) && errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions?.key === 'auth.invalidToken');
}

/**
 * Sends the access token, renewed before it expires; when the API still calls it invalid
 * (revoked, or the clock was off), renews once and retries the operation once.
 */
export function createAuthLink(session: ApolloSession): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const base = { ...(operation.getContext().headers as Record<string, string> | undefined) };
    const send = (token: string | null) => {
      const headers = { ...base };
      if (token) headers.authorization = `Bearer ${token}`;
      else delete headers.authorization;
      operation.setContext({ headers });
      return forward(operation);
    };
    return defer(() => session.validAccessToken()).pipe(
      mergeMap((token) =>
        send(token).pipe(
          mergeMap((result) => {
            if (!token || !isInvalidTokenResult(result)) return of(result);
            return defer(() => session.renewRejected(token).catch(() => null)).pipe(mergeMap((next) => (next && next !== token ? send(next) : of(result))));
          }),
        ),
      ),
    );
  });
}

export function createApolloClient({ uri = '/graphql', fetch, session, onTokenRejected, onTransportError, live, onApiStarting = () => undefined, startupBackoffMs, startupNow }: ApolloOptions) {
  // The one error link: transport failures are reported once, here; GraphQL errors are
  // left to the screen that made the request, which shows them next to the input at fault.
  const errors = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error)) {
      const rejected = error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions?.key === 'auth.required');
      if (rejected && session.current()) onTokenRejected();
      return;
    }
    onTransportError(error);
  });

  // A query that meets an API still starting waits for it inside the error link, so the
  // visitor sees "starting up" and then the page, not a network error.
  const startup = createStartupRetryLink({ onStarting: onApiStarting, backoffMs: startupBackoffMs, now: startupNow });
  const http = ApolloLink.from([errors, startup, createAuthLink(session), new HttpLink({ uri, fetch })]);
  // Subscriptions bypass the error link: a dropped socket is not an outage to announce
  // (graphql-ws retries, and the screens poll meanwhile).
  return new ApolloClient({
    link: live ? ApolloLink.split((op) => String(op.operationType) === 'subscription', live.link, http) : http,
    cache: createCache(),
    defaultOptions: DEFAULT_OPTIONS,
  });
}

/** Screens show what the cache holds and refresh it from the API; reads shared by many (the session) opt out. */
export const DEFAULT_OPTIONS: ApolloClient.DefaultOptions = { watchQuery: { fetchPolicy: 'cache-and-network' } };
