import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  abuseValidationRules,
  ActorLoader,
  AppLogger,
  attachSubscriptions,
  EmbeddedPostgresHandle,
  HttpDrain,
  loadSettings,
  logRequests,
  requestIdFor,
  ROOT_LOG,
  ServiceStatus,
  Settings,
  startEmbeddedPostgres,
  TokenService,
} from '@civicgrid/platform';
import { loadDemoData } from '@civicgrid/seed';
import { AppModule } from './app.module';
import { ensureDatabase } from '@civicgrid/platform';

export interface RunningApi {
  app: NestFastifyApplication;
  settings: Settings;
  url: string;
  embedded?: EmbeddedPostgresHandle;
  demoLoaded: boolean;
  close(): Promise<void>;
}

/**
 * Request bodies larger than this are refused before parsing. GraphQL documents are small;
 * the largest variable is an organisation's seal (up to 300 kB, ≈400 kB as a base64 data URL).
 */
const BODY_LIMIT = 512 * 1024;

/**
 * Starts the API: the embedded PostgreSQL when no DATABASE_URL is set, migrations,
 * demo data on an empty demo database, then the HTTP server. Used by main.ts and tests.
 */
export async function startApi(overrides: Partial<Settings> = {}, opts: { listen?: boolean } = {}): Promise<RunningApi> {
  const settings = { ...loadSettings(), ...overrides };
  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = settings.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: settings.dataDir, port: settings.embeddedPgPort, log: (l) => settings.logLevel === 'debug' && console.error(l) });
    databaseUrl = await ensureDatabase(embedded.url, 'civicgrid');
  }
  const status = new ServiceStatus();
  let app: NestFastifyApplication | undefined;
  try {
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register(settings, databaseUrl, status),
      // The drain below closes connections itself, once in-flight requests are answered.
      new FastifyAdapter({ bodyLimit: BODY_LIMIT, trustProxy: settings.trustProxy, genReqId: requestIdFor, forceCloseConnections: false }),
      { bufferLogs: true },
    );
    app.useLogger(app.get(AppLogger));
    logRequests(app.getHttpAdapter().getInstance(), app.get(ROOT_LOG));
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (request, reply, done) => {
        reply.header('x-request-id', request.id);
        done();
      });
    app.enableShutdownHooks();
    await app.init();
    const logger = app.get(AppLogger);
    // The API owns its embedded PostgreSQL: if it dies, start it again on the same data.
    embedded?.supervise({
      down: ({ code, signal }) => {
        status.database = 'restarting';
        logger.error({ code, signal }, 'embedded PostgreSQL exited; restarting it');
      },
      up: ({ attempts, downForMs }) => {
        status.database = 'up';
        logger.warn({ attempts, downForMs }, 'embedded PostgreSQL is back');
      },
      gaveUp: () => {
        status.database = 'failed';
        logger.error({}, 'embedded PostgreSQL could not be restarted; /health now fails');
      },
    });
    const drain = new HttpDrain(app.getHttpServer(), status);
    const subscriptions = attachSubscriptions(app.getHttpServer(), app.get(GraphQLSchemaHost).schema, {
      path: '/graphql',
      tokens: app.get(TokenService),
      actorLoader: app.get(ActorLoader),
      log: logger,
      validationRules: abuseValidationRules(),
    });
    let demoLoaded = false;
    if (settings.demoData) {
      demoLoaded = await loadDemoData(app.get(DataSource), (m) => logger.log(m, 'DemoData'));
    }
    if (opts.listen !== false) await app.listen(settings.apiPort, settings.apiHost);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : settings.apiPort;
    const running: RunningApi = {
      app,
      settings,
      embedded,
      demoLoaded,
      url: `http://${settings.apiHost}:${port}`,
      // Answer what was sent, then close the pool, then stop PostgreSQL.
      close: async () => {
        await subscriptions.close();
        await drain.drain({ timeoutMs: 10_000 });
        await app?.close();
        await embedded?.stop();
      },
    };
    return running;
  } catch (err) {
    await app?.close().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
}
