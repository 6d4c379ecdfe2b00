import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Params } from './notification-kinds';

/** One notification in a person's inbox (its words are rendered on reading, in the reader's language). */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'jsonb' })
  params: Params;

  @Column({ type: 'text', nullable: true })
  link: string | null;

  @Column({ name: 'dedupe_key', type: 'text' })
  dedupeKey: string;

  /** a proxy's copy of a notification meant for this resident */
  @Column({ name: 'on_behalf_of_id', type: 'uuid', nullable: true })
  onBehalfOfId: string | null;

  @Column({ name: 'in_app', type: 'boolean' })
  inApp: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
