import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Log } from '../logging/log';
import { DataSource, MigrationInterface } from 'typeorm';
import { SETTINGS, Settings } from '../config/settings';
import { DbLogger } from './db-logger';
import { TransactionRunner } from './transactions';

type MigrationClass = new () => MigrationInterface;
const MIGRATION_LOCK = 7_240_001;

/** The URL of the database the app uses, for the few parts that need connections of their own (LISTEN, the job queue). */
export const DATABASE_URL = Symbol('DATABASE_URL');

/**
 * Runs pending migrations at start under an advisory lock, so replicas starting together
 * migrate once. `synchronize` is never used.
 */
@Injectable()
export class MigrationRunner implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly log: Log,
  ) {}

  async onModuleInit(): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      const done = await this.dataSource.runMigrations({ transaction: 'each' });
      if (done.length) this.log.info({ migrations: done.map((m) => m.name) }, 'migrations applied');
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  }
}

@Module({})
export class DatabaseModule {
  static forRoot(opts: { url: string; migrations: MigrationClass[] }): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [SETTINGS, Log],
          useFactory: (settings: Settings, log: Log) => {
            log.setContext('database');
            return {
              type: 'postgres' as const,
              url: opts.url,
              autoLoadEntities: true,
              synchronize: false,
              migrationsRun: false,
              migrations: opts.migrations,
              migrationsTableName: 'schema_migration',
              logger: new DbLogger(log),
              logging: ['query', 'error', 'warn', 'migration'],
              maxQueryExecutionTime: 2000,
              poolSize: settings.db.poolMax,
              connectTimeoutMS: settings.db.connectTimeoutMs,
              applicationName: 'civicgrid-api',
              extra: {
                statement_timeout: settings.db.statementTimeoutMs,
                idle_in_transaction_session_timeout: 60_000,
              },
              // A database restart must not crash the API: log and let the pool reconnect.
              poolErrorHandler: (err: Error & { code?: string }) => log.warn({ code: err.code }, 'database connection lost'),
              retryAttempts: 10,
              retryDelay: 1000,
            };
          },
        }),
      ],
      providers: [MigrationRunner, TransactionRunner, { provide: DATABASE_URL, useValue: opts.url }],
      exports: [TransactionRunner, DATABASE_URL],
    };
  }
}
