import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditResolver } from './audit/audit.resolver';
import { AuditService } from './audit/audit.service';
import { TokenService } from './auth/token.service';
import { Clock } from './clock/clock';
import { RateLimiter } from './rate-limit/rate-limiter';
import { PgListenerService } from './database/pg-listener.service';
import { EventBus } from './events/event-bus';
import { EventDispatcher } from './events/event-dispatcher';
import { JobsService } from './jobs/jobs.service';
import { JobsResolver } from './jobs/jobs.resolver';
import { MaintenanceJobs } from './jobs/maintenance.jobs';
import { LiveHub } from './live/live-hub';
import { SETTINGS, Settings } from './config/settings';
import { AccessGuard } from './context/access.guard';
import { inputValidationPipe } from './errors/validation.pipe';
import { PassThroughGraphQLFilter } from './errors/graphql-exception.filter';
import { HealthController } from './health/health.controller';
import { LoggingModule } from './logging/log';
import { SERVICE_STATUS, ServiceStatus } from './lifecycle/service-status';

/** Cross-cutting services every context uses: settings, logs, auth tokens, audit, guards. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(settings: Settings, status: ServiceStatus = new ServiceStatus()): DynamicModule {
    return {
      module: PlatformModule,
      imports: [LoggingModule.forRoot(settings), TypeOrmModule.forFeature([AuditEntryEntity])],
      controllers: [HealthController],
      providers: [
        { provide: SETTINGS, useValue: settings },
        { provide: SERVICE_STATUS, useValue: status },
        Clock,
        TokenService,
        RateLimiter,
        AuditService,
        PgListenerService,
        EventBus,
        EventDispatcher,
        JobsService,
        JobsResolver,
        MaintenanceJobs,
        LiveHub,
        AuditResolver,
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: inputValidationPipe },
        { provide: APP_FILTER, useClass: PassThroughGraphQLFilter },
      ],
      exports: [SETTINGS, SERVICE_STATUS, Clock, PgListenerService, TokenService, RateLimiter, AuditService, EventBus, EventDispatcher, JobsService, LiveHub, LoggingModule],
    };
  }
}
