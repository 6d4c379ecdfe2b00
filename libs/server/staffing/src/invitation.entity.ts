import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'WITHDRAWN';
export interface StoredReason {
  code: string;
  weight: number;
  detail: string | null;
}

/** A coordinator's (or the auto-fill's) invitation to a volunteer to take a place on a shift. */
@Entity('invitation')
export class InvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'batch_id', type: 'uuid', nullable: true })
  batchId: string | null;

  @Column({ name: 'shift_id', type: 'uuid' })
  shiftId: string;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ name: 'invited_by_id', type: 'uuid', nullable: true })
  invitedById: string | null;

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  reasons: StoredReason[];

  @Column({ name: 'distance_km', type: 'double precision', nullable: true })
  distanceKm: number | null;

  @Column({ type: 'text', default: 'PENDING' })
  status: InvitationStatus;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'claim_id', type: 'uuid', nullable: true })
  claimId: string | null;

  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true })
  respondedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A batch assignment as first answered, replayed for the same idempotency key. */
@Entity('assignment_batch')
export class AssignmentBatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  @Column({ name: 'requested_by_id', type: 'uuid' })
  requestedById: string;

  @Column({ name: 'dry_run', type: 'boolean' })
  dryRun: boolean;

  @Column({ name: 'shift_ids', type: 'uuid', array: true })
  shiftIds: string[];

  @Column({ type: 'jsonb' })
  proposal: StoredProposal;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export interface StoredPair {
  shiftId: string;
  volunteerId: string;
  score: number;
  distanceKm: number | null;
  reasons: StoredReason[];
}
/** One shift's figures in a proposal (distances kept as a sum and a count so means combine exactly). */
export interface StoredFill {
  shiftId: string;
  placesOpen: number;
  placesFilled: number;
  skillsMet: number;
  distanceKmSum: number;
  distanceCount: number;
}
export interface StoredProposal {
  pairs: StoredPair[];
  invitationIds: string[];
  objective: number;
  unfilledPlaces: number;
  /** Absent from batches stored before the figures existed. */
  fills?: StoredFill[];
}
