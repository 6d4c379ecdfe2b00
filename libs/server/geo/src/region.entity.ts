import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RegionLevel = 'DISTRICT' | 'STREET' | 'COMMUNITY' | 'GRID';
export const REGION_LEVELS: RegionLevel[] = ['DISTRICT', 'STREET', 'COMMUNITY', 'GRID'];

/** A node of the grid-management tree: district → street → community → grid. */
@Entity('region')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @Column({ type: 'text' })
  level: RegionLevel;

  /** national code, unique: 12 digits (`510107001002`), 15 for a grid (region-codes.ts) */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'name_en', type: 'text', nullable: true })
  nameEn: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  /**
   * Materialised path of ids from the root, `/<root>/<street>/.../<self>`: a subtree is a
   * prefix match on an indexed column.
   */
  @Column({ type: 'text' })
  path: string;
}
