import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Log } from '../logging/log';
import { DATABASE_URL } from './database.module';
import { PgListener } from './pg-listener';

/**
 * The app's one LISTEN connection, shared by the event dispatcher (wake-ups) and live
 * updates (events for subscriptions). Channels are registered at module start.
 */
@Injectable()
export class PgListenerService extends PgListener implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(DATABASE_URL) url: string, log: Log) {
    log.setContext('listener');
    super(url, log);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
