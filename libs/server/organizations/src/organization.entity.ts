import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Where an organisation's verification stands; `verified` is true exactly when VERIFIED. */
export type VerificationStatus = 'PENDING' | 'VERIFIED' | 'REJECTED' | 'INFO_REQUESTED';

export type OrganizationKind = 'NGO' | 'SOCIAL_GROUP' | 'MERCHANT' | 'SENIORS_COUNCIL' | 'WOMENS_FEDERATION' | 'RESIDENTS_COMMITTEE' | 'STREET_OFFICE' | 'DEPARTMENT';

/** An NGO, self-governance group, merchant, seniors' council, committee, street office or department. */
@Entity('organization')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  /** the name in English, for readers of the portal in English */
  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'boolean', default: false })
  verified: boolean;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by_id', type: 'uuid', nullable: true })
  verifiedById: string | null;

  @Column({ name: 'verification_status', type: 'text', default: 'PENDING' })
  verificationStatus: VerificationStatus;

  /** the official's reason (REJECTED) or question (INFO_REQUESTED) */
  @Column({ name: 'review_note', type: 'text', nullable: true })
  reviewNote: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by_id', type: 'uuid', nullable: true })
  reviewedById: string | null;

  /** what the organisation said when it last resubmitted */
  @Column({ name: 'applicant_answer', type: 'text', nullable: true })
  applicantAnswer: string | null;

  /** 统一社会信用代码, when the organisation gave one */
  @Column({ name: 'registration_number', type: 'text', nullable: true })
  registrationNumber: string | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
