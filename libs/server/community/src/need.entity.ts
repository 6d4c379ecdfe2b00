import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type NeedStatus = 'OPEN' | 'ADOPTED' | 'FULFILLED' | 'CLOSED';

/** A resident's need or proposal (co-creation, 共同缔造), which an organisation may adopt as a task. */
@Entity('need')
export class NeedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'text' })
  category: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @Column({ name: 'region_path', type: 'text' })
  regionPath: string;

  @Column({ type: 'text', default: 'OPEN' })
  status: NeedStatus;

  @Column({ name: 'posted_by_id', type: 'uuid' })
  postedById: string;

  @Column({ name: 'on_behalf_of_id', type: 'uuid', nullable: true })
  onBehalfOfId: string | null;

  /** kept by a trigger on need_support */
  @Column({ name: 'support_count', type: 'int', default: 0 })
  supportCount: number;

  @Column({ name: 'adopted_by_id', type: 'uuid', nullable: true })
  adoptedById: string | null;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One person's +1 on a need. */
@Entity('need_support')
export class NeedSupportEntity {
  @PrimaryColumn({ name: 'need_id', type: 'uuid' })
  needId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
