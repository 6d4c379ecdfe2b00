import { DynamicModule, Global, Inject, Injectable, LoggerService, Module, Scope } from '@nestjs/common';
import pino, { Level, Logger as Pino } from 'pino';
import type { Settings } from '../config/settings';
import { pathOnly, PROBES, serializeError } from './logger-options';

/** The process's one pino logger; contexts log through children of it. */
export const ROOT_LOG = Symbol('ROOT_LOG');

/**
 * Structured JSON lines on stdout (or the destination tests capture). Nothing here uses
 * AsyncLocalStorage: keeping a logger in async context switches on Node's promise hooks
 * for every promise of every request. Lines about a request carry its id explicitly: the
 * request line below, GraphQL errors (see format-error), audit entries.
 */
export function createRootLog(settings: Pick<Settings, 'logLevel' | 'logDestination'>): Pino {
  const options = { level: settings.logLevel, serializers: { err: serializeError } };
  return settings.logDestination ? pino(options, settings.logDestination) : pino(options);
}

type LogCall = (obj: object, msg?: string) => void;

/**
 * A context's logger, injected per consumer: `log.setContext('jobs')` once, then pino's
 * own calls, `log.warn({ code }, 'listener could not connect')`.
 */
@Injectable({ scope: Scope.TRANSIENT })
export class Log {
  private logger: Pino;

  constructor(@Inject(ROOT_LOG) private readonly root: Pino) {
    this.logger = root;
  }

  setContext(context: string): void {
    this.logger = this.root.child({ context });
  }

  trace: LogCall = (obj, msg) => this.logger.trace(obj, msg);
  debug: LogCall = (obj, msg) => this.logger.debug(obj, msg);
  info: LogCall = (obj, msg) => this.logger.info(obj, msg);
  warn: LogCall = (obj, msg) => this.logger.warn(obj, msg);
  error: LogCall = (obj, msg) => this.logger.error(obj, msg);
}

/**
 * Nest's own messages (`Mapped {/graphql, POST} route`, with the context Nest names) and
 * the bootstrap's, into the same log. Accepts Nest's `(message, context)` and
 * `(message, stack, context)` and pino's `(object, message)`.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOG) private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.root.isLevelEnabled(level)) return;
    if (message instanceof Error) {
      this.root[level]({ err: message, ...context(rest.at(-1)) }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      const [msg, ctx] = rest;
      this.root[level]({ ...context(ctx), ...message }, typeof msg === 'string' ? msg : undefined);
    } else {
      const ctx = rest.length ? rest.at(-1) : undefined;
      // Nest passes an error's stack before the context.
      const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? { stack: rest[0] } : {};
      this.root[level]({ ...context(ctx), ...stack }, String(message));
    }
  }
}

function context(value: unknown): { context?: string } {
  return typeof value === 'string' ? { context: value } : {};
}

/** What logRequests needs of the Fastify instance (Nest's adapter brings its own Fastify types). */
interface RequestHooks {
  addHook(name: 'onResponse', hook: (request: { id: string; method: string; url: string }, reply: { statusCode: number; elapsedTime: number }, done: () => void) => void): unknown;
}

/**
 * One line per answered request, as pino-http wrote them: the request's id, method and
 * path (never its query string), the status and the time taken. Probes are left out; a
 * 4xx is the client's mistake, logged at info so nobody can flood the error log.
 */
export function logRequests(server: RequestHooks, root: Pino): void {
  server.addHook('onResponse', (request, reply, done) => {
    const url = pathOnly(request.url);
    if (!PROBES.has(url)) {
      const level = reply.statusCode >= 500 ? 'error' : 'info';
      if (root.isLevelEnabled(level)) {
        root[level]({ req: { id: request.id, method: request.method, url }, res: { statusCode: reply.statusCode }, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
      }
    }
    done();
  });
}

/** The loggers, for every module: `Log` per consumer, `AppLogger` for Nest itself. */
@Global()
@Module({})
export class LoggingModule {
  static forRoot(settings: Pick<Settings, 'logLevel' | 'logDestination'>): DynamicModule {
    return {
      module: LoggingModule,
      providers: [{ provide: ROOT_LOG, useValue: createRootLog(settings) }, Log, AppLogger],
      exports: [ROOT_LOG, Log, AppLogger],
    };
  }
}
