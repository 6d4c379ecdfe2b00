import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus, JobsService, LiveHub } from '@civicgrid/platform';
import { SHIFT_CANCELLED, SHIFT_RESCHEDULED, ShiftCancelledPayload, ShiftRescheduledPayload } from './shift-series.events';
import { ShiftSeriesService } from './shift-series.service';
import { SHIFT_UPDATED } from './volunteering.events';

/** The job that moves every recurring shift's window on (hourly; a series' first window is made when it is added). */
export const MATERIALIZE_JOB = 'volunteering.materializeShiftSeries';

/**
 * Recurring shifts' side effects: the hourly job that makes occurrences, and the board
 * following occurrences that move or are called off (their claimants are told by
 * VolunteeringNotifier, as for any shift).
 */
@Injectable()
export class ShiftSeriesNotifier implements OnModuleInit {
  constructor(
    private readonly events: EventBus,
    private readonly jobs: JobsService,
    private readonly live: LiveHub,
    private readonly series: ShiftSeriesService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe<ShiftRescheduledPayload | ShiftCancelledPayload>([SHIFT_RESCHEDULED, SHIFT_CANCELLED], 'volunteering.liveSeriesShifts', (ctx, e) =>
      this.live.publish(ctx, SHIFT_UPDATED, { shiftId: e.payload.shiftId, regionPath: e.payload.regionPath }),
    );
    this.jobs.define({ name: MATERIALIZE_JOB, cron: '11 * * * *', retryLimit: 1, handle: (ctx) => this.series.materializeDue(ctx).then(() => undefined) });
  }
}
