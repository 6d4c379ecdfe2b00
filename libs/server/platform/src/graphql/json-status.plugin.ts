import type { ApolloServerPlugin } from '@apollo/server';
import Negotiator from 'negotiator';

const JSON = 'application/json';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
/** Apollo's codes for a document that does not parse or validate, or variables that do not coerce. */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

/** The media type Apollo answers with for this Accept header (the same negotiation Apollo does). */
export function responseMediaType(accept: string | undefined | null): string | undefined {
  if (!accept) return JSON;
  return new Negotiator({ headers: { accept } }).mediaType([JSON, GRAPHQL_RESPONSE_JSON]);
}

/**
 * GraphQL over HTTP: a client that reads `application/json` (the legacy type) learns of
 * a request error from the `errors` of a 200 response; only `application/graphql-response+json`
 * carries it in a 4xx status. Apollo answers 400 to both, so a parse, validation or
 * variable error here becomes 200 for the legacy type. Refusals before GraphQL runs (CSRF
 * prevention, batching, a body that is not JSON) never reach this plugin and stay 4xx.
 */
export function legacyJsonStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, errors }) {
          if (response.http.status !== 400 || response.body.kind !== 'single' || response.body.singleResult.data !== undefined) return;
          // Only errors of the GraphQL request itself; malformed parameters stay 400.
          if (!errors?.length || !errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)))) return;
          if (responseMediaType(request.http?.headers.get('accept')) === JSON) response.http.status = 200;
        },
      };
    },
  };
}
