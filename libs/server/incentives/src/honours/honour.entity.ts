import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An honour (e.g. 优秀志愿者) awarded to a person in an organisation's name. */
@Entity('honour')
export class HonourEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'awarded_by_id', type: 'uuid' })
  awardedById: string;

  @Column({ name: 'awarded_at', type: 'timestamptz' })
  awardedAt: Date;
}

/** A star level a person reached: the row makes its notification happen once. */
@Entity('star_level_reached')
export class StarLevelReachedEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'smallint' })
  level: number;

  @Column({ name: 'reached_at', type: 'timestamptz' })
  reachedAt: Date;
}
