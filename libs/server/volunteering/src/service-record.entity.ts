import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ServiceRecordStatus = 'PENDING' | 'VERIFIED' | 'REJECTED';

/** Minutes of service from one attended claim; counts once verified by the organisation. */
@Entity('service_record')
export class ServiceRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'claim_id', type: 'uuid', unique: true })
  claimId: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
