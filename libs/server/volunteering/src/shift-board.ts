import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Limits } from '@civicgrid/contracts';
import { preparedQuery, RawEntity } from '@civicgrid/platform';
import { ShiftClaimEntity } from './shift-claim.entity';
import { ShiftEntity } from './shift.entity';
import { TaskEntity } from './task.entity';

/** A page of the board, each shift with its task and the viewer's claim. */
export interface BoardRow {
  shift: ShiftEntity;
  task: TaskEntity;
  /** the viewer's standing claim on the shift, if any */
  viewerClaim: ShiftClaimEntity | null;
}

export interface BoardPage {
  rows: BoardRow[];
  hasNextPage: boolean;
  /** open shifts matching the filter, counted up to `Limits.boardCountCap` + 1 */
  counted: number;
}

export interface BoardQuery {
  now: Date;
  viewerId: string | null;
  /**
   * The filter's region, with its subtree: by the ids of its regions when they are few
   * (a grid, a community), else by its path.
   */
  area?: { regionIds: string[] } | { path: string };
  category?: string;
  skills?: string[];
  from?: Date;
  to?: Date;
  onlyWithSpace?: boolean;
  after?: { startsAt: string; id: string };
  limit: number;
}

/**
 * The shift board in one statement: the capped count, the page (keyset on starts_at, id),
 * each shift's task and the viewer's claim on it. It reads the board's own columns on shift (see the board migration): a shift is
 * listed while its task is published and it has not ended, and since shifts last at most
 * a day the walk starts 24 hours back instead of at the first shift ever.
 *
 * Two shapes, chosen by how many regions the filter covers: a grid or a community is a
 * handful of short index walks, one per region (`shift_board_area_idx`), merged; a street,
 * the district or no filter is one walk in time order with the area as a filter
 * (`shift_board_time_idx`). Either way the work is bounded by the page and the cap,
 * not by the number of ended shifts or the size of the district.
 */
@Injectable()
export class ShiftBoard {
  private readonly shift: RawEntity<ShiftEntity>;
  private readonly task: RawEntity<TaskEntity>;
  private readonly claim: RawEntity<ShiftClaimEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.shift = new RawEntity(dataSource, ShiftEntity, 's');
    this.task = new RawEntity(dataSource, TaskEntity, 't');
    this.claim = new RawEntity(dataSource, ShiftClaimEntity, 'c');
  }

  async page(q: BoardQuery): Promise<BoardPage> {
    const values: unknown[] = [];
    const param = (v: unknown, cast: string) => `$${values.push(v)}::${cast}`;
    const now = param(q.now, 'timestamptz');
    const viewer = param(q.viewerId, 'uuid');
    const limit = param(q.limit + 1, 'int');
    const cap = param(Limits.boardCountCap + 1, 'int');

    // What every listed shift satisfies, the cursor aside. The first bound is implied by
    // the second (a shift lasts at most a day) and is what the index walk starts from.
    const open = [`s.starts_at > ${now} - interval '24 hours'`, `s.ends_at > ${now}`];
    let joinTask = '';
    if (q.category || q.skills?.length) joinTask = 'JOIN task t ON t.id = s.task_id';
    if (q.category) open.push(`t.category = ${param(q.category, 'text')}`);
    if (q.skills?.length) open.push(`t.required_skills && ${param(q.skills, 'text[]')}`);
    if (q.from) open.push(`s.ends_at > ${param(q.from, 'timestamptz')}`);
    if (q.to) open.push(`s.starts_at < ${param(q.to, 'timestamptz')}`);
    if (q.onlyWithSpace) open.push('s.confirmed_count < s.capacity');
    const after = q.after ? `AND (s.starts_at, s.id) > (${param(q.after.startsAt, 'timestamptz')}, ${param(q.after.id, 'uuid')})` : '';
    const where = open.join(' AND ');

    let ctes: string;
    if (q.area && 'regionIds' in q.area) {
      const ids = param(q.area.regionIds, 'uuid[]');
      ctes = `
        areas AS (SELECT unnest(${ids}) AS id),
        hits AS (
          SELECT h.id, h.starts_at FROM areas a CROSS JOIN LATERAL (
            SELECT s.id, s.starts_at FROM shift s ${joinTask}
             WHERE s.board_region_id = a.id AND ${where} ${after}
             ORDER BY s.starts_at, s.id LIMIT ${limit}) h
          ORDER BY h.starts_at, h.id LIMIT ${limit}),
        counted AS (
          SELECT count(*)::int AS n FROM (
            SELECT 1 FROM areas a CROSS JOIN LATERAL (
              SELECT 1 FROM shift s ${joinTask} WHERE s.board_region_id = a.id AND ${where} LIMIT ${cap}) x
            LIMIT ${cap}) y)`;
    } else {
      if (q.area && 'path' in q.area) {
        const path = param(q.area.path, 'text');
        open.push(`(s.board_path = ${path} OR s.board_path LIKE ${path} || '/%')`);
      }
      const listed = `s.board_region_id IS NOT NULL AND ${open.join(' AND ')}`;
      ctes = `
        hits AS (
          SELECT s.id, s.starts_at FROM shift s ${joinTask}
           WHERE ${listed} ${after}
           ORDER BY s.starts_at, s.id LIMIT ${limit}),
        counted AS (
          SELECT count(*)::int AS n FROM (SELECT 1 FROM shift s ${joinTask} WHERE ${listed} LIMIT ${cap}) y)`;
    }

    const sql = `
      WITH ${ctes}
      SELECT counted.n AS counted, page.* FROM counted LEFT JOIN (
        SELECT h.starts_at AS h_starts_at, h.id AS h_id,
               ${this.shift.columns()}, ${this.task.columns()}, ${this.claim.columns()}
          FROM hits h
          JOIN shift s ON s.id = h.id
          JOIN task t ON t.id = s.task_id
          LEFT JOIN shift_claim c ON c.shift_id = s.id AND c.volunteer_id = ${viewer} AND claim_is_standing(c.status)
      ) page ON true
      ORDER BY page.h_starts_at, page.h_id`;

    const raw = await preparedQuery<Record<string, unknown>>(this.dataSource.manager, sql, values);
    const rows: BoardRow[] = [];
    for (const r of raw) {
      const shift = this.shift.read(r);
      if (!shift) continue;
      rows.push({ shift, task: this.task.read(r)!, viewerClaim: this.claim.read(r) });
    }
    return { rows: rows.slice(0, q.limit), hasNextPage: rows.length > q.limit, counted: (raw[0]?.counted as number) ?? 0 };
  }
}
