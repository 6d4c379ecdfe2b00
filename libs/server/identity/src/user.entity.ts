import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GlobalRole } from '@civicgrid/platform';

/** A person with an account: resident, volunteer, staff of an organisation, official or administrator. */
@Entity('user_account')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** mainland mobile number, 11 digits, unique; none for a dependant */
  @Column({ type: 'text', unique: true, nullable: true })
  phone: string | null;

  @Column({ name: 'password_hash', type: 'text', select: false, nullable: true })
  passwordHash: string | null;

  /** set for a dependant (a minor signed up under a guardian's account, who never signs in) */
  @Column({ name: 'guardian_id', type: 'uuid', nullable: true })
  guardianId: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text', default: 'RESIDENT' })
  role: GlobalRole;

  @Column({ name: 'home_region_id', type: 'uuid', nullable: true })
  homeRegionId: string | null;

  /** the grid this person leads as grid leader, if any */
  @Column({ name: 'leads_grid_id', type: 'uuid', nullable: true })
  leadsGridId: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  skills: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ name: 'elder_mode', type: 'boolean', default: false })
  elderMode: boolean;

  @Column({ type: 'text', default: 'zh-CN' })
  locale: string;

  /** weekly availability in local time: weekday 0 = Monday, minutes from midnight */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  availability: { weekday: number; startMinute: number; endMinute: number }[];

  /** personal information: for tasks with a minimum age; shown to the person and their proxies only */
  @Column({ name: 'birth_date', type: 'date', nullable: true })
  birthDate: string | null;

  /** personal information: where e-mail notifications go, if the person wants them */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
