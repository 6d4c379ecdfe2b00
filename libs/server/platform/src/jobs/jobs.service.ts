import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Log } from '../logging/log';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { Gauge } from 'prom-client';
import { processMetric } from '../health/metrics';
import { Clock } from '../clock/clock';
import { SETTINGS, Settings } from '../config/settings';
import { RequestContext } from '../context/request-context';
import { authorize } from '../policy/policy';
import { DATABASE_URL } from '../database/database.module';
import { TransactionRunner } from '../database/transactions';

/** The job queue's tables live in their own schema, created and upgraded by pg-boss itself. */
export const JOBS_SCHEMA = 'pgboss';

export interface JobDefinition<T extends object> {
  /** queue name, `<context>.<job>` */
  name: string;
  handle: (ctx: RequestContext, data: T, job: { id: string; retryCount: number }) => Promise<void>;
  /** a cron expression (UTC) to run the job on a schedule, once per tick across all replicas */
  cron?: string;
  /** tries after the first (default 3), with exponential backoff from retryDelaySeconds (default 10) */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** how long one run may take (default 5 minutes) */
  expireInSeconds?: number;
  /** runs when a job has failed every try and lands in the dead-letter queue */
  onDead?: (ctx: RequestContext, data: T) => Promise<void>;
}

export interface SendOptions {
  /** not before this time */
  startAfter?: Date;
  /** at most one queued job with this key in the queue */
  singletonKey?: string;
}

function gauge(name: string, help: string, labels: string[], collect: (g: Gauge) => Promise<void>): void {
  processMetric(
    name,
    () =>
      new Gauge({
        name,
        help,
        labelNames: labels,
        async collect() {
          await collect(this).catch(() => undefined);
        },
      }),
  );
}

/**
 * Jobs on pg-boss, on the app's own PostgreSQL: delayed jobs ("at dueAt"), cron jobs
 * (one run per tick whatever the number of replicas), retries with exponential backoff
 * and, when they run out, a dead-letter queue per job (`<name>.dead`, visible to admins
 * and on /metrics). A job due while the API was down runs once it is back.
 *
 * `send` inside a service's transaction inserts the job in that transaction: it exists
 * if and only if the change that asked for it committed.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private boss?: PgBoss;
  private readonly definitions = new Map<string, JobDefinition<object>>();

  constructor(
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly log: Log,
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {
    log.setContext('jobs');
    const q = (sql: string) => (this.boss ? this.boss.getDb().executeSql(sql, []).then((r) => r.rows) : Promise.resolve([]));
    gauge('civicgrid_job_queue_depth', 'Jobs waiting to run (created or to be retried), per queue', ['queue'], async (g) => {
      g.reset();
      for (const r of await q(`SELECT name, count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE state IN ('created','retry') GROUP BY name`)) g.set({ queue: r.name }, r.n);
    });
    gauge('civicgrid_job_failed', 'Jobs that failed for good (kept until purged), per queue', ['queue'], async (g) => {
      g.reset();
      for (const r of await q(`SELECT name, count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE state = 'failed' GROUP BY name`)) g.set({ queue: r.name }, r.n);
    });
    gauge('civicgrid_job_oldest_due_seconds', 'Age of the oldest job that is due and not yet running, per queue', ['queue'], async (g) => {
      g.reset();
      for (const r of await q(
        `SELECT name, extract(epoch FROM now() - min(start_after))::float AS age FROM ${JOBS_SCHEMA}.job WHERE state IN ('created','retry') AND start_after <= now() GROUP BY name`,
      ))
        g.set({ queue: r.name }, r.age);
    });
  }

  /** Registers a job (at module start, before the app boots). */
  define<T extends object>(definition: JobDefinition<T>): void {
    if (this.definitions.has(definition.name)) throw new Error(`job ${definition.name} defined twice`);
    this.definitions.set(definition.name, definition as unknown as JobDefinition<object>);
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.url,
      schema: JOBS_SCHEMA,
      application_name: 'civicgrid-jobs',
      max: 4,
      // Only replicas that work jobs run the scheduler and maintenance.
      schedule: this.settings.jobsWork,
      supervise: this.settings.jobsWork,
    });
    boss.on('error', (err) => this.log.warn({ err }, 'job queue error'));
    await this.inTurn(async () => {
      // pg-boss's own start creates queues too (the scheduler's).
      await boss.start();
      await this.createQueues(boss);
    });
    this.boss = boss;
    for (const d of this.definitions.values()) {
      const dead = `${d.name}.dead`;
      if (d.cron && this.settings.jobsWork) await boss.schedule(d.name, d.cron, {}, { tz: 'UTC' });
      if (this.settings.jobsWork) {
        // One job per fetch: pg-boss fails a whole batch when its handler throws, which
        // would run the batch's finished jobs again and spend the others' retries unrun.
        await boss.work<object>(d.name, { batchSize: 1, pollingIntervalSeconds: this.settings.jobsPollSeconds, includeMetadata: true }, async ([job]) => {
          await d.handle(RequestContext.system(`job-${job.id}`), job.data, { id: job.id, retryCount: job.retryCount });
        });
        const onDead = d.onDead;
        if (onDead) {
          await boss.work<object>(dead, { batchSize: 1, pollingIntervalSeconds: this.settings.jobsPollSeconds }, async ([job]) => {
            await onDead(RequestContext.system(`job-${job.id}`), job.data);
          });
        }
      }
    }
  }

  /**
   * Replicas starting together on a fresh database would deadlock in pg-boss's
   * create_queue (each makes a partition of the job table), so they start pg-boss and
   * create the queues in turn, under a session advisory lock held on a connection of its own.
   */
  private async inTurn(work: () => Promise<void>): Promise<void> {
    const lock = new Client({ connectionString: this.url, application_name: 'civicgrid-jobs-setup' });
    await lock.connect();
    try {
      await lock.query(`SELECT pg_advisory_lock(hashtext('civicgrid.jobs.create-queues'))`);
      await work();
    } finally {
      await lock.end(); // ends the session, and with it the lock
    }
  }

  /** Creates (or updates) every queue. */
  private async createQueues(boss: PgBoss): Promise<void> {
    for (const d of this.definitions.values()) {
      const dead = `${d.name}.dead`;
      if (!(await boss.getQueue(dead))) await boss.createQueue(dead);
      const retryDelay = this.settings.jobsRetryDelaySeconds ?? d.retryDelaySeconds ?? 10;
      const options = { name: d.name, retryLimit: d.retryLimit ?? 3, retryDelay, retryBackoff: true, expireInSeconds: d.expireInSeconds ?? 300, deadLetter: dead };
      if (await boss.getQueue(d.name)) await boss.updateQueue(d.name, options);
      else await boss.createQueue(d.name, options);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 10_000 });
  }

  private queue(): PgBoss {
    if (!this.boss) throw new Error('the job queue has not started');
    return this.boss;
  }

  /** A pg-boss connection that runs in the context's transaction when one is open. */
  private db(ctx: RequestContext): PgBoss.Db | undefined {
    if (!ctx.transaction) return undefined;
    const em = this.tx.manager(ctx);
    return { executeSql: async (text, values) => ({ rows: await em.query(text, values) }) };
  }

  /**
   * Queues a job; returns its id (null when a singleton key already holds a place). A
   * start time is turned into a delay from the app's Clock, which the queue then counts
   * in the database's time: the two agree however the clock was moved.
   */
  async send<T extends object>(ctx: RequestContext, name: string, data: T, opts: SendOptions = {}): Promise<string | null> {
    if (!this.definitions.has(name)) throw new Error(`unknown job ${name}`);
    const delay = opts.startAfter ? Math.max(0, Math.ceil((opts.startAfter.getTime() - this.clock.nowMs()) / 1000)) : undefined;
    return this.queue().send(name, data, { startAfter: delay, singletonKey: opts.singletonKey, db: this.db(ctx) });
  }

  /** Jobs that failed every try, newest first (what the dead-letter queues hold), for administrators. */
  /** Jobs that failed every try, newest first: for administrators (`audit.read`). */
  async deadLetters(ctx: RequestContext, limit = 100): Promise<{ id: string; queue: string; data: object; createdOn: Date }[]> {
    authorize(await ctx.requireActor(), 'audit.read');
    const rows = await this.queue()
      .getDb()
      .executeSql(`SELECT id, name, data, created_on FROM ${JOBS_SCHEMA}.job WHERE name LIKE '%.dead' ORDER BY created_on DESC LIMIT $1`, [limit]);
    return rows.rows.map((r: { id: string; name: string; data: object; created_on: Date }) => ({ id: r.id, queue: r.name.replace(/\.dead$/, ''), data: r.data, createdOn: r.created_on }));
  }

  async cancel(ctx: RequestContext, name: string, ids: string[]): Promise<void> {
    if (ids.length) await this.queue().cancel(name, ids, { db: this.db(ctx) });
  }
}
