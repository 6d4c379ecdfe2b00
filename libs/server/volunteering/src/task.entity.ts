import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type TaskStatus = 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'COMPLETED' | 'CANCELLED';

/** A piece of civic work an organisation publishes, done in one or more shifts. */
@Entity('task')
export class TaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  category: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  /** copy of the region's materialised path: subtree filters are a prefix match */
  @Column({ name: 'region_path', type: 'text' })
  regionPath: string;

  @Column({ name: 'required_skills', type: 'text', array: true, default: () => "'{}'" })
  requiredSkills: string[];

  @Column({ name: 'requires_approval', type: 'boolean', default: false })
  requiresApproval: boolean;

  @Column({ name: 'requires_check_in_code', type: 'boolean', default: false })
  requiresCheckInCode: boolean;

  /** when true, a volunteer lacking a required skill cannot be matched (they may still claim) */
  @Column({ name: 'skills_mandatory', type: 'boolean', default: false })
  skillsMandatory: boolean;

  @Column({ name: 'minimum_age', type: 'int', nullable: true })
  minimumAge: number | null;

  @Column({ type: 'text', default: 'DRAFT' })
  status: TaskStatus;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;
}
