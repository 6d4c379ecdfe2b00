/**
 * Peer (d), PostGraphile 5, on the same tables. The product's schema is never changed:
 * what PostGraphile needs lives in a schema of its own, `bench_graphile`, made in the
 * run's copy of the database only:
 *
 * - `open_shift`, a view of the shifts the board lists (of a published task, not ended)
 *   with the task's region, so that a grid's page is a plain connection with a
 *   `condition` and an `orderBy` (smart comments give it a primary key for cursors and a
 *   relation to its task);
 * - `open_shift_viewer_claim(open_shift)`, a computed column: the signed-in viewer's
 *   standing claim, the viewer read from the JWT claims that PostGraphile puts in
 *   `jwt.claims.sub` (PgLazyJWTPreset verifies the API's own tokens with its secret).
 */
export const GRAPHILE_SCHEMA = 'bench_graphile';

export const GRAPHILE_SETUP_SQL = `
  DROP SCHEMA IF EXISTS ${GRAPHILE_SCHEMA} CASCADE;
  CREATE SCHEMA ${GRAPHILE_SCHEMA};
  CREATE VIEW ${GRAPHILE_SCHEMA}.open_shift AS
    SELECT s.id, s.task_id, s.starts_at, s.ends_at, s.capacity, s.confirmed_count, s.waitlist_count, s.pending_count,
           t.region_id AS task_region_id
      FROM public.shift s JOIN public.task t ON t.id = s.task_id
     WHERE t.status = 'PUBLISHED' AND s.ends_at > now();
  COMMENT ON VIEW ${GRAPHILE_SCHEMA}.open_shift IS E'@primaryKey id\\n@foreignKey (task_id) references public.task (id)';
  CREATE FUNCTION ${GRAPHILE_SCHEMA}.open_shift_viewer_claim(s ${GRAPHILE_SCHEMA}.open_shift) RETURNS public.shift_claim
    LANGUAGE sql STABLE AS $$
      SELECT c.* FROM public.shift_claim c
       WHERE c.shift_id = s.id
         AND c.volunteer_id = nullif(current_setting('jwt.claims.sub', true), '')::uuid
         AND claim_is_standing(c.status)
       LIMIT 1
    $$;
`;

/**
 * The board's page of one grid in PostGraphile's schema: the portal's selection, field for
 * field (amber names a primary key `rowId`, `id` being the Node id, and prefixes the
 * types of `public` with its name since two schemas are exposed).
 */
export const GRAPHILE_QUERY = `
  query BenchOpenShifts($regionId: UUID!, $first: Int!) {
    allOpenShifts(condition: { taskRegionId: $regionId }, orderBy: [STARTS_AT_ASC, ROW_ID_ASC], first: $first) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges {
        cursor
        node {
          rowId startsAt endsAt capacity confirmedCount waitlistCount pendingCount
          viewerClaim { rowId status }
          publicTaskByTaskId {
            rowId title category requiredSkills requiresApproval
            publicOrganizationByOrganizationId { rowId name }
            publicRegionByRegionId { rowId name nameEn }
          }
        }
      }
    }
  }`;

export function graphileBody(gridId: string, first: number): string {
  return JSON.stringify({ operationName: 'BenchOpenShifts', query: GRAPHILE_QUERY, variables: { regionId: gridId, first } });
}

/** The rows of a board page, as both servers must agree on them. */
export interface BoardRows {
  totalCount: number;
  hasNextPage: boolean;
  shifts: {
    id: string;
    startsAt: string;
    endsAt: string;
    capacity: number;
    confirmedCount: number;
    waitlistCount: number;
    pendingCount: number;
    viewerClaim: { id: string; status: string } | null;
    task: { id: string; title: string; category: string; requiredSkills: string[]; requiresApproval: boolean; organization: { id: string; name: string }; region: { id: string; name: string; nameEn: string | null } };
  }[];
}

const iso = (v: string) => new Date(v).toISOString();

/* eslint-disable @typescript-eslint/no-explicit-any */
export function apiRows(body: any): BoardRows {
  const c = body.data.openShifts;
  return {
    totalCount: c.totalCount,
    hasNextPage: c.pageInfo.hasNextPage,
    shifts: c.edges.map(({ node: n }: any) => ({
      id: n.id,
      startsAt: iso(n.startsAt),
      endsAt: iso(n.endsAt),
      capacity: n.capacity,
      confirmedCount: n.confirmedCount,
      waitlistCount: n.waitlistCount,
      pendingCount: n.pendingCount,
      viewerClaim: n.viewerClaim ? { id: n.viewerClaim.id, status: n.viewerClaim.status } : null,
      task: {
        id: n.task.id,
        title: n.task.title,
        category: n.task.category,
        requiredSkills: n.task.requiredSkills,
        requiresApproval: n.task.requiresApproval,
        organization: { id: n.task.organization.id, name: n.task.organization.name },
        region: { id: n.task.region.id, name: n.task.region.name, nameEn: n.task.region.nameEn ?? null },
      },
    })),
  };
}

export function graphileRows(body: any): BoardRows {
  const c = body.data.allOpenShifts;
  return {
    totalCount: Number(c.totalCount),
    hasNextPage: c.pageInfo.hasNextPage,
    shifts: c.edges.map(({ node: n }: any) => {
      const t = n.publicTaskByTaskId;
      return {
        id: n.rowId,
        startsAt: iso(n.startsAt),
        endsAt: iso(n.endsAt),
        capacity: n.capacity,
        confirmedCount: n.confirmedCount,
        waitlistCount: n.waitlistCount,
        pendingCount: n.pendingCount,
        viewerClaim: n.viewerClaim ? { id: n.viewerClaim.rowId, status: n.viewerClaim.status } : null,
        task: {
          id: t.rowId,
          title: t.title,
          category: t.category,
          requiredSkills: t.requiredSkills,
          requiresApproval: t.requiresApproval,
          organization: { id: t.publicOrganizationByOrganizationId.rowId, name: t.publicOrganizationByOrganizationId.name },
          region: { id: t.publicRegionByRegionId.rowId, name: t.publicRegionByRegionId.name, nameEn: t.publicRegionByRegionId.nameEn ?? null },
        },
      };
    }),
  };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Where two pages differ, or null. The API counts the board up to a cap (its
 * `boardCountCap`, when it has one); PostGraphile counts every row, so a count above the
 * cap must only be at least the API's.
 */
export function difference(api: BoardRows, other: BoardRows, countCap: number): string | null {
  const countsAgree = api.totalCount === other.totalCount || (api.totalCount >= countCap && other.totalCount >= api.totalCount);
  if (!countsAgree) return `totalCount ${api.totalCount} ≠ ${other.totalCount}`;
  if (api.hasNextPage !== other.hasNextPage) return `hasNextPage ${api.hasNextPage} ≠ ${other.hasNextPage}`;
  if (api.shifts.length !== other.shifts.length) return `${api.shifts.length} shifts ≠ ${other.shifts.length}`;
  for (let i = 0; i < api.shifts.length; i++) {
    const a = JSON.stringify(api.shifts[i]);
    const b = JSON.stringify(other.shifts[i]);
    if (a !== b) return `shift #${i + 1}: ${a} ≠ ${b}`;
  }
  return null;
}
