import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const REWARD_LIMITS = { titleMax: 120, descriptionMax: 2000, pointsCostMax: 1_000_000, stockMax: 100_000 } as const;

/** How long a redemption code stays valid. */
export const REDEMPTION_VALID_MINUTES = 30;

/** Codes use no 0/O, 1/I/L: nothing a cashier can misread. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

export type RewardStatus = 'ACTIVE' | 'PAUSED' | 'EXPIRED' | 'SOLD_OUT';
export type RedemptionStatus = 'HELD' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED';

/** Something a merchant of an alliance offers for points: a coffee, a haircut, a discount. */
@Entity('reward')
export class RewardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column({ name: 'merchant_id', type: 'uuid' })
  merchantId: string;
  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;
  /** the alliance's region path */
  @Column({ name: 'region_path', type: 'text' })
  regionPath: string;
  @Column({ type: 'text' })
  title: string;
  @Column({ type: 'text', nullable: true })
  description: string | null;
  @Column({ name: 'points_cost', type: 'integer' })
  pointsCost: number;
  @Column({ type: 'integer' })
  stock: number;
  @Column({ name: 'valid_until', type: 'timestamptz', nullable: true })
  validUntil: Date | null;
  @Column({ type: 'boolean' })
  paused: boolean;
  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** A reward redeemed: the points held and a code to show at the counter, until confirmed, cancelled or expired. */
@Entity('redemption')
export class RedemptionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;
  @Column({ name: 'reward_id', type: 'uuid' })
  rewardId: string;
  @Column({ name: 'merchant_id', type: 'uuid' })
  merchantId: string;
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;
  @Column({ name: 'redeemed_by_id', type: 'uuid' })
  redeemedById: string;
  @Column({ type: 'integer' })
  points: number;
  @Column({ type: 'text' })
  code: string;
  @Column({ type: 'text' })
  status: RedemptionStatus;
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
  @Column({ name: 'hold_transfer_id', type: 'uuid' })
  holdTransferId: string;
  @Column({ name: 'settled_transfer_id', type: 'uuid', nullable: true })
  settledTransferId: string | null;
  @Column({ name: 'released_transfer_id', type: 'uuid', nullable: true })
  releasedTransferId: string | null;
  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;
  @Column({ name: 'confirmed_by_id', type: 'uuid', nullable: true })
  confirmedById: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
