import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A street office's incentive settings; its points live in the office's POINTS ledger account. */
@Entity('incentive_budget')
export class BudgetSettingsEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;
  @Column({ name: 'points_per_hour', type: 'integer' })
  pointsPerHour: number;
  @Column({ name: 'approval_threshold', type: 'integer' })
  approvalThreshold: number;
  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

export type IncentiveStatus = 'ISSUED' | 'PENDING_APPROVAL' | 'REJECTED';

@Entity('incentive')
export class IncentiveEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
  @Column({ name: 'budget_organization_id', type: 'uuid' })
  budgetOrganizationId: string;
  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId: string | null;
  @Column({ name: 'recipient_organization_id', type: 'uuid', nullable: true })
  recipientOrganizationId: string | null;
  @Column({ type: 'integer' })
  points: number;
  @Column({ type: 'text' })
  reason: string;
  @Column({ type: 'text' })
  status: IncentiveStatus;
  @Column({ name: 'issued_by_id', type: 'uuid' })
  issuedById: string;
  @Column({ name: 'approved_by_id', type: 'uuid', nullable: true })
  approvedById: string | null;
  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;
  @Column({ name: 'decided_reason', type: 'text', nullable: true })
  decidedReason: string | null;
  @Column({ name: 'transfer_id', type: 'uuid', nullable: true })
  transferId: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
