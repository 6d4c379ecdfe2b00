import { Injectable } from '@nestjs/common';

/**
 * The time that rules read (token lifetimes, rate-limit windows, locks, later SLA
 * clocks). One injectable instance per app: tests move it with `travel` instead of
 * sleeping; production never does.
 */
@Injectable()
export class Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Moves this app's time forward (or back) by `ms`. For tests only. */
  travel(ms: number): void {
    this.offsetMs += ms;
  }

  /** Back to the real time. */
  reset(): void {
    this.offsetMs = 0;
  }
}
