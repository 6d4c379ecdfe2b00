import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Params } from 'nestjs-pino';
import { Settings } from '../config/settings';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const PROBES = new Set(['/health', '/ready', '/metrics']);

/**
 * The request id: the caller's `x-request-id` when it is sane, else a new UUID. Given to
 * Fastify as its genReqId, so logs, audit entries and the response header share it.
 */
export function requestIdFor(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Structured JSON logs with a request id on every line (taken from `x-request-id` when sane). */
export function loggerOptions(settings: Settings): Params {
  return {
    pinoHttp: {
      level: settings.logLevel,
      // Fastify has already set req.id (see requestIdFor); this only serves other servers.
      genReqId: (req: IncomingMessage) => requestIdFor(req),
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.phone'], censor: '[redacted]' },
      // Probes are polled every few seconds: keep them out of the log. (pino-http deletes
      // `autoLogging` from the options it is given, so a level is the durable way.)
      customLogLevel: (req: IncomingMessage, res: { statusCode: number }, err?: Error) =>
        PROBES.has((req.url ?? '').split('?')[0]) ? 'silent' : err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    },
  };
}
