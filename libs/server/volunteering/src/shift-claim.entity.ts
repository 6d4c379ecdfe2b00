import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ClaimStatus } from './claim-status';

/** A volunteer's claim on a shift, from claiming through attendance. */
@Entity('shift_claim')
export class ShiftClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** arrival order (an identity column): the waitlist is served by it */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId: string;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  /** who claimed on the volunteer's behalf, with their proxy grant */
  @Column({ name: 'acting_proxy_id', type: 'uuid', nullable: true })
  actingProxyId: string | null;

  @Column({ type: 'text' })
  status: ClaimStatus;

  /** claims made together (a volunteer and companions) share it: seated together or waiting together */
  @Column({ name: 'party_id', type: 'uuid', nullable: true })
  partyId: string | null;

  @Column({ name: 'check_in_at', type: 'timestamptz', nullable: true })
  checkInAt: Date | null;

  @Column({ name: 'check_out_at', type: 'timestamptz', nullable: true })
  checkOutAt: Date | null;

  @Column({ name: 'checked_in_by_id', type: 'uuid', nullable: true })
  checkedInById: string | null;

  /** wrong check-in codes given for this claim */
  @Column({ name: 'check_in_failures', type: 'integer', default: 0 })
  checkInFailures: number;

  /** set when too many wrong codes were given: only a coordinator can check the volunteer in then */
  @Column({ name: 'check_in_locked_at', type: 'timestamptz', nullable: true })
  checkInLockedAt: Date | null;

  /** the volunteer shares their phone with the organisers of this shift (only this one) */
  @Column({ name: 'phone_shared', type: 'boolean', default: false })
  phoneShared: boolean;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
