import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A resident's recorded consent that another person (grid leader, family) may act for them. */
@Entity('proxy_grant')
export class ProxyGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** the resident who consents */
  @Column({ name: 'resident_id', type: 'uuid' })
  residentId: string;

  /** who may act for the resident */
  @Column({ name: 'proxy_id', type: 'uuid' })
  proxyId: string;

  @Column({ name: 'consent_note', type: 'text' })
  consentNote: string;

  @CreateDateColumn({ name: 'granted_at', type: 'timestamptz' })
  grantedAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
