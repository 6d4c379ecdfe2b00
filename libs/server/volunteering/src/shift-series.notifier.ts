import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobsService } from '@civicgrid/platform';
import { ShiftSeriesService } from './shift-series.service';

/** The job that moves every recurring shift's window on (hourly; a series' first window is made when it is added). */
export const MATERIALIZE_JOB = 'volunteering.materializeShiftSeries';

/**
 * Recurring shifts' job: the hourly one that makes occurrences. Occurrences that move or
 * are called off are told to their claimants by VolunteeringNotifier, as any shift's, and
 * the board follows them in the change's transaction.
 */
@Injectable()
export class ShiftSeriesNotifier implements OnModuleInit {
  constructor(
    private readonly jobs: JobsService,
    private readonly series: ShiftSeriesService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({ name: MATERIALIZE_JOB, cron: '11 * * * *', retryLimit: 1, handle: (ctx) => this.series.materializeDue(ctx).then(() => undefined) });
  }
}
