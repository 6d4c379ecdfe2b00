import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { RequestContext, SETTINGS, Settings } from '@civicgrid/platform';
import { TasksService } from './tasks.service';

const EVERY_MS = 60_000;
const SWEEP_LOCK = 7_240_010;

/**
 * Once a minute, completes tasks whose last shift has ended with every claim settled.
 * One replica sweeps at a time (an advisory lock); tasks also complete at once when
 * their last claim settles, so this only catches the rest.
 */
@Injectable()
export class TaskCompletionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly tasks: TasksService,
    private readonly dataSource: DataSource,
    private readonly log: PinoLogger,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onApplicationBootstrap(): void {
    // Tests drive the sweep themselves.
    if (this.settings.env === 'test') return;
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    }, EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [SWEEP_LOCK]);
      if (!locked) return 0;
      try {
        const done = await this.tasks.completeFinishedTasks(RequestContext.system());
        if (done) this.log.info({ done }, 'tasks completed');
        return done;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SWEEP_LOCK]);
      }
    } catch (err) {
      this.log.warn({ message: (err as Error).message }, 'task completion sweep failed');
      return 0;
    } finally {
      await runner.release();
    }
  }
}
