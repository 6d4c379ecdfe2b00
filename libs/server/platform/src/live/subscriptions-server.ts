import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { DocumentNode, GraphQLError, GraphQLSchema, parse, specifiedRules, ValidationRule, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { AccessClaims, TokenService } from '../auth/token.service';
import { ActorLoader } from '../context/actor';
import { RequestContext } from '../context/request-context';
import { formatGraphQLError } from '../errors/format-error';
import { pathOnly, requestIdFor } from '../logging/logger-options';
import { ABUSE_LIMITS } from '../graphql/graphql-options';

interface Log {
  error(obj: object, msg: string): void;
  warn?(obj: object, msg: string): void;
}

export interface SubscriptionsServer {
  close(): Promise<void>;
}

type SocketExtra = {
  request: IncomingMessage;
  claims?: AccessClaims;
} & Record<PropertyKey, unknown>;

/** An error as HTTP answers it: a code from the fixed set, no internals. */
function formatted(e: GraphQLError, log: Log) {
  return formatGraphQLError(e.toJSON(), e, log);
}

/**
 * GraphQL subscriptions over graphql-ws on the same path as queries. The client signs in
 * with `connection_init` (`{ authorization: 'Bearer <accessToken>' }`); a token that does
 * not verify closes the socket (4403). Each subscription gets a RequestContext like an
 * HTTP request, so the same guards and policy apply; errors carry the same codes.
 */
export function attachSubscriptions(
  server: Server,
  schema: GraphQLSchema,
  opts: { path: string; tokens: TokenService; actorLoader: ActorLoader; log: Log; validationRules?: readonly ValidationRule[] },
): SubscriptionsServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (pathOnly(req.url) !== opts.path) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };
  server.on('upgrade', onUpgrade);

  const disposable = useServer<Record<string, unknown>, SocketExtra>(
    {
      schema,
      connectionInitWaitTimeout: 10_000,
      onConnect: (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (header === undefined || header === null || header === '') return true; // anonymous: public subscriptions only
        const token = opts.tokens.fromHeader(String(header));
        if (!token.claims) return false;
        ctx.extra.claims = token.claims;
        return true;
      },
      onSubscribe: (_ctx, _id, payload) => {
        // The same document limits as over HTTP (tokens, depth, aliases, cost…), checked in
        // the one parse and validation graphql-ws then executes as is.
        if (!opts.validationRules?.length) return;
        let document: DocumentNode;
        try {
          document = parse(payload.query, { maxTokens: ABUSE_LIMITS.maxTokens });
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = validate(schema, document, [...specifiedRules, ...opts.validationRules]);
        if (errors.length) return errors;
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      context: (ctx) => {
        const req = ctx.extra.request;
        const requestContext = RequestContext.forRequest({
          requestId: requestIdFor(req),
          ip: req.socket.remoteAddress ?? 'unknown',
          userId: ctx.extra.claims?.userId,
          sessionId: ctx.extra.claims?.sessionId,
          actorLoader: opts.actorLoader,
        });
        return { req, ctx: requestContext };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors?.length) return;
        return { ...result, errors: result.errors.map((e) => formatted(e, opts.log)) } as never;
      },
      onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatted(e, opts.log)) as never,
    },
    wss,
  );

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      // Clients reconnect to another replica (graphql-ws retries), so going away is enough.
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
