import { Controller, Get, Header, HttpCode, Res, ServiceUnavailableException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { collectDefaultMetrics, register } from 'prom-client';
import type { FastifyReply } from 'fastify';
import { Public } from '../context/decorators';

let metricsStarted = false;

/** Liveness, readiness and Prometheus metrics for load balancers and monitoring. */
@Controller()
export class HealthController {
  constructor(private readonly dataSource: DataSource) {
    if (!metricsStarted) {
      collectDefaultMetrics({ prefix: 'civicgrid_' });
      metricsStarted = true;
    }
  }

  @Public()
  @Get('health')
  @HttpCode(200)
  health() {
    return { status: 'ok' };
  }

  /** Ready when the database answers and every migration has run. */
  @Public()
  @Get('ready')
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      if (pending) throw new Error('migrations pending');
      return { status: 'ready' };
    } catch (err) {
      throw new ServiceUnavailableException({ status: 'unavailable', reason: (err as Error).message });
    }
  }

  @Public()
  @Get('metrics')
  @Header('content-type', register.contentType)
  async metrics(@Res({ passthrough: true }) reply: FastifyReply) {
    reply.header('cache-control', 'no-store');
    return register.metrics();
  }
}
