import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type CertificateStatus = 'REQUESTED' | 'PUBLICITY' | 'ISSUED' | 'REJECTED' | 'REVOKED';
export const CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['REQUESTED', 'PUBLICITY', 'ISSUED', 'REJECTED', 'REVOKED'];
/** Statuses in which a certificate stands for its person, organisation and period (one at a time). */
export const OPEN_CERTIFICATE_STATUSES: readonly CertificateStatus[] = ['REQUESTED', 'PUBLICITY', 'ISSUED'];

/**
 * A service-record certificate (志愿服务记录证明) a volunteer asked of the organisation that
 * recorded their service. The minutes are those verified with it in the period: as at
 * the request until approval, then fixed.
 */
@Entity('service_certificate')
export class ServiceCertificateEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'holder_id', type: 'uuid' })
  holderId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'period_from', type: 'timestamptz' })
  periodFrom: Date;

  @Column({ name: 'period_to', type: 'timestamptz' })
  periodTo: Date;

  @Column({ type: 'text', default: 'REQUESTED' })
  status: CertificateStatus;

  @Column({ type: 'text', nullable: true })
  serial: string | null;

  @Column({ name: 'checked_in_minutes', type: 'int' })
  checkedInMinutes: number;

  @Column({ name: 'reported_minutes', type: 'int' })
  reportedMinutes: number;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decided_by_id', type: 'uuid', nullable: true })
  decidedById: string | null;

  @Column({ name: 'publicity_ends_at', type: 'timestamptz', nullable: true })
  publicityEndsAt: Date | null;

  @Column({ name: 'issued_at', type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_by_id', type: 'uuid', nullable: true })
  revokedById: string | null;

  /** why it was rejected or revoked */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  get minutes(): number {
    return this.checkedInMinutes + this.reportedMinutes;
  }
}

/** The seal an organisation prints on its certificates. */
@Entity('organization_seal')
export class OrganizationSealEntity {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'mime_type', type: 'text' })
  mimeType: 'image/png' | 'image/jpeg';

  @Column({ type: 'bytea' })
  image: Buffer;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'updated_by_id', type: 'uuid' })
  updatedById: string;
}
