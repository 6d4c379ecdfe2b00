import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, ValueTransformer } from 'typeorm';

/** The driver reads `date[]` as Dates at local midnight: back to YYYY-MM-DD, the form everything else uses. */
const localDates: ValueTransformer = {
  to: (v: string[] | undefined) => v,
  from: (v: (Date | string)[] | null) =>
    (v ?? []).map((d) => (typeof d === 'string' ? d.slice(0, 10) : `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)),
};
/** `time(0)` reads as HH:MM:SS; a series' times are whole minutes. */
const wholeMinutes: ValueTransformer = { to: (v: string | undefined) => v, from: (v: string | null) => (v == null ? v : v.slice(0, 5)) };

/**
 * A recurring shift of a task: an RRULE (recurrence.ts), computed in the series' zone
 * from its first occurrence's local date and time. Occurrences are ordinary shifts,
 * made a rolling window ahead (`materializedUntil`).
 */
@Entity('shift_series')
export class ShiftSeriesEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  /** the RRULE value, e.g. FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE;COUNT=10 */
  @Column({ type: 'text' })
  rrule: string;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  /** the first occurrence's local date, YYYY-MM-DD */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  /** local wall time of every occurrence's start, HH:MM */
  @Column({ name: 'start_time', type: 'time', transformer: wholeMinutes })
  startTime: string;

  @Column({ name: 'duration_minutes', type: 'int' })
  durationMinutes: number;

  @Column({ type: 'int' })
  capacity: number;

  /** local dates skipped */
  @Column({ type: 'date', array: true, transformer: localDates })
  exceptions: string[];

  /** the last occurrence's start for a rule that ends; null while it runs on */
  @Column({ name: 'final_starts_at', type: 'timestamptz', nullable: true })
  finalStartsAt: Date | null;

  /** occurrences starting before this have been made shifts (those already past when the window reached them are not) */
  @Column({ name: 'materialized_until', type: 'timestamptz', nullable: true })
  materializedUntil: Date | null;

  /** the series this one continues after a "this and following" change */
  @Column({ name: 'split_from_id', type: 'uuid', nullable: true })
  splitFromId: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type SeriesClaimEndReason = 'CANCELLED' | 'PROXY_REVOKED';

/** A volunteer's standing claim on every occurrence of a series, made by them or their proxy. */
@Entity('shift_series_claim')
export class ShiftSeriesClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'series_id', type: 'uuid' })
  seriesId: string;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ name: 'acting_proxy_id', type: 'uuid', nullable: true })
  actingProxyId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: SeriesClaimEndReason | null;
}
