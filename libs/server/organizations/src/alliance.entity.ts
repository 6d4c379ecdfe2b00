import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A street merchant alliance (商家联盟): organisations of a street or community pledging civic work. */
@Entity('alliance')
export class AllianceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** the name in English, for readers of the portal in English */
  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'region_path', type: 'text' })
  regionPath: string;

  @Column({ type: 'text' })
  charter: string;

  @Column({ name: 'pledge_options', type: 'text', array: true })
  pledgeOptions: string[];

  /** the organisation that runs the alliance */
  @Column({ name: 'steward_id', type: 'uuid' })
  stewardId: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** fen paid to a member merchant per point redeemed with it; null until the steward sets it */
  @Column({ name: 'settlement_rate_fen', type: 'integer', nullable: true })
  settlementRateFen: number | null;
}

export type AllianceMemberStatus = 'APPLIED' | 'ACTIVE' | 'REJECTED' | 'SUSPENDED' | 'LEFT';

/** An organisation's application to, and membership of, an alliance, with the pledges it takes on. */
@Entity('alliance_member')
export class AllianceMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  status: AllianceMemberStatus;

  @Column({ type: 'text', array: true })
  pledges: string[];

  @Column({ name: 'joined_at', type: 'timestamptz', nullable: true })
  joinedAt: Date | null;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Something a member did on a pledge: kilograms of kitchen waste sorted, a patrol round, a discount given. */
@Entity('pledge_activity')
export class PledgeActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alliance_member_id', type: 'uuid' })
  allianceMemberId: string;

  @Column({ name: 'alliance_id', type: 'uuid' })
  allianceId: string;

  @Column({ type: 'text' })
  pledge: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'double precision', nullable: true })
  quantity: number | null;

  @Column({ type: 'text', nullable: true })
  unit: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
