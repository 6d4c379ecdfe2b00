import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ServiceRecordStatus = 'PENDING' | 'VERIFIED' | 'REJECTED';
/** How the minutes were known: CHECKED_IN on site through a claim, or REPORTED (off the platform, or a paper sign-in sheet). */
export type ServiceSource = 'CHECKED_IN' | 'REPORTED';
export const SERVICE_SOURCES: readonly ServiceSource[] = ['CHECKED_IN', 'REPORTED'];

/**
 * Minutes of service; they count once verified by the organisation. A CHECKED_IN record
 * comes from one attended claim; a REPORTED one has no claim and names the organisation,
 * the day served and what was done (the database holds each kind to its facts).
 */
@Entity('service_record')
export class ServiceRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', default: 'CHECKED_IN' })
  source: ServiceSource;

  @Column({ name: 'claim_id', type: 'uuid', unique: true, nullable: true })
  claimId: string | null;

  @Column({ name: 'volunteer_id', type: 'uuid' })
  volunteerId: string;

  @Column({ type: 'int' })
  minutes: number;

  @Column({ type: 'text', default: 'PENDING' })
  status: ServiceRecordStatus;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById: string | null;

  /** REPORTED: the organisation the service was for (CHECKED_IN records know it through their claim's task) */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** REPORTED: one of the organisation's tasks the service belonged to, if any */
  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  /** REPORTED: the day served (YYYY-MM-DD, Asia/Shanghai) */
  @Column({ name: 'served_on', type: 'date', nullable: true })
  servedOn: string | null;

  /** REPORTED: what was done */
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** REPORTED: who reported it (the volunteer, their proxy, or the coordinator who recorded it) */
  @Column({ name: 'reported_by_id', type: 'uuid', nullable: true })
  reportedById: string | null;

  /** why the organisation decided as it did, when it said */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
