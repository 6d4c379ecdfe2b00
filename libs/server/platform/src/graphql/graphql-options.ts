import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import type { FastifyRequest } from 'fastify';
import { ActorLoader } from '../context/actor';
import { RequestContext } from '../context/request-context';
import { formatGraphQLError, REQUEST_ID } from '../errors/format-error';
import { TokenService } from '../auth/token.service';
import { Settings } from '../config/settings';
import { StrictDateTime, withUuidIds } from './scalars';
import { JitExecutor } from './jit-executor';
import { legacyJsonStatusPlugin } from './json-status.plugin';

/** The abuse limits: deep, wide or expensive documents are refused before they run. */
export const ABUSE_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 20000,
  maxTokens: 3000,
  maxDirectives: 20,
};

interface ErrorLogger {
  error(obj: object, msg: string): void;
}

function armor() {
  return new ApolloArmor({
    maxDepth: { n: ABUSE_LIMITS.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: ABUSE_LIMITS.maxAliases },
    costLimit: { maxCost: ABUSE_LIMITS.maxCost, ignoreIntrospection: true },
    // Armor's token limit re-parses the document in a plugin hook, where any syntax error
    // becomes an unexpected error (HTTP 500, logged at error). graphql-js counts tokens
    // itself in Apollo's own parse (parseOptions below), which answers 400 like any
    // other syntax error.
    maxTokens: { enabled: false },
    maxDirectives: { n: ABUSE_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** Marks a request's errors with its id before formatError logs them (the log keeps no async context). */
function requestIdOnErrors(): ApolloServerPlugin<{ ctx: RequestContext }> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) (e as { [REQUEST_ID]?: string })[REQUEST_ID] = contextValue.ctx?.requestId;
        },
      };
    },
  };
}

/** The document limits as validation rules, for transports other than Apollo's (subscriptions). */
export function abuseValidationRules() {
  return armor().validationRules;
}

export function graphqlOptions(settings: Settings, tokens: TokenService, actorLoader: ActorLoader, logger: ErrorLogger): ApolloDriverConfig {
  const protection = armor();
  const production = settings.env === 'production';
  const jit = new JitExecutor();
  const config: ApolloDriverConfig = {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    playground: false,
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    // Cache hints are not used (responses are per person); the default cache-control
    // plugin would wrap every field's resolver to collect them.
    plugins: [...protection.plugins, legacyJsonStatusPlugin(), requestIdOnErrors(), ApolloServerPluginCacheControlDisabled()],
    validationRules: protection.validationRules,
    parseOptions: { maxTokens: ABUSE_LIMITS.maxTokens },
    buildSchemaOptions: { numberScalarMode: 'integer', scalarsMap: [{ type: Date, scalar: StrictDateTime }] },
    transformSchema: (schema) => jit.use(withUuidIds(schema)),
    formatError: (formatted: GraphQLFormattedError, error: unknown) => formatGraphQLError(formatted, error, logger),
    // Apollo's Fastify integration passes (request, reply); other transports pass { req }.
    context: (arg: FastifyRequest | { req: FastifyRequest }) => {
      const req = 'raw' in arg ? arg : arg.req;
      const token = tokens.fromHeader(req.headers.authorization);
      const ua = req.headers['user-agent'];
      const ctx = RequestContext.forRequest({
        requestId: String(req.id),
        ip: req.ip,
        userId: token.claims?.userId,
        sessionId: token.claims?.sessionId,
        tokenError: token.error,
        userAgent: typeof ua === 'string' ? ua : undefined,
        actorLoader,
      });
      return { req, ctx };
    },
  };
  // Execution by graphql-jit (see JitExecutor). Nest's type leaves out `gateway`, but
  // hands every option to Apollo Server, which then takes the schema from it.
  return Object.assign(config, { gateway: jit });
}
