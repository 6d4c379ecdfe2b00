import { Controller, Get, Header, HttpCode, Inject, Res, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { collectDefaultMetrics, register } from 'prom-client';
import type { FastifyReply } from 'fastify';
import { Public } from '../context/decorators';
import { SERVICE_STATUS, ServiceStatus } from '../lifecycle/service-status';

let metricsStarted = false;

/** How long readiness waits for the database before saying it is unavailable. */
const READY_TIMEOUT_MS = 2000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

/**
 * Liveness, readiness and Prometheus metrics for load balancers and monitoring. Their
 * bodies name states, never addresses, ports or driver messages.
 */
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_STATUS) private readonly status: ServiceStatus,
  ) {
    if (!metricsStarted) {
      collectDefaultMetrics({ prefix: 'civicgrid_' });
      metricsStarted = true;
    }
  }

  /** Alive unless the API cannot recover by itself (its embedded database could not be restarted): then an orchestrator should restart it. */
  @Public()
  @Get('health')
  @HttpCode(200)
  health() {
    if (this.status.database === 'failed') throw new ServiceUnavailableException({ status: 'failing', reason: 'database could not be restarted' });
    return { status: 'ok' };
  }

  /** Ready when not shutting down, the database answers and every migration has run. */
  @Public()
  @Get('ready')
  async ready() {
    if (this.status.draining) throw new ServiceUnavailableException({ status: 'unavailable', reason: 'shutting down' });
    let pending: boolean;
    try {
      pending = await within(
        READY_TIMEOUT_MS,
        this.dataSource.query('SELECT 1').then(() => this.dataSource.showMigrations()),
      );
    } catch {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: 'database unavailable' });
    }
    if (pending) throw new ServiceUnavailableException({ status: 'unavailable', reason: 'migrations pending' });
    return { status: 'ready' };
  }

  @Public()
  @Get('metrics')
  @Header('content-type', register.contentType)
  async metrics(@Res({ passthrough: true }) reply: FastifyReply) {
    reply.header('cache-control', 'no-store');
    return register.metrics();
  }
}
