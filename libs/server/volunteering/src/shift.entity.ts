import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A time slot of a task with a number of places. The counts are kept by a database
 * trigger on shift_claim, and a CHECK keeps confirmed_count within capacity: the one
 * guard every path into an occupying status passes.
 */
@Entity('shift')
export class ShiftEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int' })
  capacity: number;

  /** claims holding a place (HOLDS_PLACE in claim-status.ts) */
  @Column({ name: 'confirmed_count', type: 'int', default: 0 })
  confirmedCount: number;

  @Column({ name: 'waitlist_count', type: 'int', default: 0 })
  waitlistCount: number;

  @Column({ name: 'pending_count', type: 'int', default: 0 })
  pendingCount: number;

  /** the recurring shift this is an occurrence of, if any */
  @Column({ name: 'series_id', type: 'uuid', nullable: true })
  seriesId: string | null;

  /** the occurrence's local date in its series (its identity there, kept if the shift is moved) */
  @Column({ name: 'occurrence_date', type: 'date', nullable: true })
  occurrenceDate: string | null;
  /** where volunteers meet, when it differs from the task's description */
  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'check_in_code', type: 'text' })
  checkInCode: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
