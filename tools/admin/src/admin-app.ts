/**
 * The API's own services on the configured database, without its HTTP server: the
 * platform (settings, logs, audit), the database with the API's migrations (run first,
 * under the API's migration lock), geo and identity. Jobs and event delivery stay off and
 * demo data is never loaded: the tool writes what it is told and leaves the rest to the API.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MigrationInterface } from 'typeorm';
import { GeoModule, RegionsAdminService } from '@civicgrid/geo';
import { IdentityModule, UsersService } from '@civicgrid/identity';
import { DatabaseModule, EmbeddedPostgresHandle, ensureDatabase, loadSettings, PlatformModule, runningEmbeddedPostgres, Settings, startEmbeddedPostgres } from '@civicgrid/platform';

type MigrationClass = new () => MigrationInterface;
const ROOT = join(__dirname, '../../..');

/**
 * The API's timeline of migrations (apps/api/src/migrations/index.ts), loaded by file at
 * run time as the data generator does: the API is the composition root, which nothing imports.
 */
function apiMigrations(): MigrationClass[] {
  const { MIGRATIONS } = require(join(ROOT, 'apps/api/src/migrations/index.ts')) as { MIGRATIONS: MigrationClass[] };
  return MIGRATIONS;
}

@Module({})
class AdminModule {
  static register(settings: Settings, databaseUrl: string): DynamicModule {
    return {
      module: AdminModule,
      imports: [PlatformModule.forRoot(settings), DatabaseModule.forRoot({ url: databaseUrl, migrations: apiMigrations() }), GeoModule, IdentityModule],
    };
  }
}

export interface AdminApp {
  users: UsersService;
  regions: RegionsAdminService;
  /** which database, in words */
  where: string;
  close(): Promise<void>;
}

/**
 * Opens the database the API would use: DATABASE_URL when set; otherwise the embedded
 * PostgreSQL under CIVICGRID_DATA_DIR (default .data/postgres), the running one if the API
 * has it up, else started for the length of the command.
 */
export async function openAdminApp(env: NodeJS.ProcessEnv = process.env): Promise<AdminApp> {
  const settings: Settings = {
    // The tool signs no tokens: a throwaway secret keeps the settings from writing one beside the data.
    ...loadSettings({ ...env, JWT_SECRET: env.JWT_SECRET || randomBytes(48).toString('base64url') }),
    demoData: false,
    eventsDispatch: false,
    jobsWork: false,
    logLevel: env.LOG_LEVEL || 'warn',
  };
  let embedded: EmbeddedPostgresHandle | undefined;
  let databaseUrl = settings.databaseUrl;
  let where = 'the database at DATABASE_URL';
  if (!databaseUrl) {
    const running = runningEmbeddedPostgres(settings.dataDir);
    if (running) {
      where = `the embedded PostgreSQL running on ${settings.dataDir}`;
      databaseUrl = await ensureDatabase(running.url, 'civicgrid');
    } else {
      where = `the embedded PostgreSQL on ${settings.dataDir}`;
      embedded = await startEmbeddedPostgres({ dataDir: settings.dataDir, port: settings.embeddedPgPort });
      databaseUrl = await ensureDatabase(embedded.url, 'civicgrid');
    }
  }
  try {
    const app = await NestFactory.createApplicationContext(AdminModule.register(settings, databaseUrl), { logger: ['error', 'warn'] });
    return {
      users: app.get(UsersService),
      regions: app.get(RegionsAdminService),
      where,
      close: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
