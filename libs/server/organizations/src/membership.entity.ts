import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganizationRole } from '@civicgrid/platform';

export type MembershipStatus = 'INVITED' | 'REQUESTED' | 'ACTIVE' | 'LEFT' | 'REMOVED';

/** A person's place in an organisation. Only ACTIVE memberships give any right. */
@Entity('membership')
export class MembershipEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: OrganizationRole;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: MembershipStatus;

  @Column({ name: 'senior_title', type: 'text', nullable: true })
  seniorTitle: string | null;

  @Column({ name: 'invited_by_id', type: 'uuid', nullable: true })
  invitedById: string | null;

  /** what the person wrote when asking to join */
  @Column({ type: 'text', nullable: true })
  message: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
