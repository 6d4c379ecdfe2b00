import { REGION_LEVELS, RegionLevel } from './region.entity';

/**
 * Region codes follow the national statistical division codes (统计用区划代码), 12 digits:
 * 6 for the county-level district, 3 for the street or township, 3 for the community or
 * village. The national scheme stops at the community, so a grid takes its community's
 * 12 digits and a 3-digit number of its own (15 digits; 001–999 within the community),
 * the way provincial grid-management standards number grids:
 *
 *   DISTRICT   510107000000       the district's 6 digits, then zeros
 *   STREET     510107001000       the district's 6, the street's 3 (not 000), then 000
 *   COMMUNITY  510107001002       the street's 9, the community's 3 (not 000)
 *   GRID       510107001002003    the community's 12, the grid's 3 (not 000)
 *
 * One pattern per level, written once and used by both the services (validation) and the
 * migration's CHECK: PostgreSQL's regular expressions read these lookaheads as JavaScript does.
 */
export const REGION_CODE_PATTERNS: Record<RegionLevel, string> = {
  DISTRICT: '^[1-9][0-9]{5}0{6}$',
  STREET: '^[0-9]{6}(?!000)[0-9]{3}000$',
  COMMUNITY: '^[0-9]{6}(?!000)[0-9]{3}(?!000)[0-9]{3}$',
  GRID: '^[0-9]{6}(?!000)[0-9]{3}(?!000)[0-9]{3}(?!000)[0-9]{3}$',
};

/** What a code of each level looks like, for error messages. */
export const REGION_CODE_EXAMPLES: Record<RegionLevel, string> = {
  DISTRICT: '510107000000',
  STREET: '510107001000',
  COMMUNITY: '510107001002',
  GRID: '510107001002003',
};

const COMPILED = Object.fromEntries(REGION_LEVELS.map((l) => [l, new RegExp(REGION_CODE_PATTERNS[l])])) as Record<RegionLevel, RegExp>;

/** How many leading digits a region shares with its parent's code (the parent's own part). */
const PARENT_DIGITS: Record<RegionLevel, number> = { DISTRICT: 0, STREET: 6, COMMUNITY: 9, GRID: 12 };

export function isRegionLevel(value: string): value is RegionLevel {
  return (REGION_LEVELS as string[]).includes(value);
}

/** Position in the tree: DISTRICT 1 … GRID 4; a child is exactly one deeper than its parent. */
export function levelRank(level: RegionLevel): number {
  return REGION_LEVELS.indexOf(level) + 1;
}

/** The level a child of this level has, or null below a grid. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  return REGION_LEVELS[levelRank(level)] ?? null;
}

/** Whether the code has the form of its level. */
export function codeFitsLevel(code: string, level: RegionLevel): boolean {
  return COMPILED[level].test(code);
}

/**
 * Whether a new region's code nests in its parent's, as the national scheme does. Checked
 * when a region is created only: a region that moves keeps the code it was given.
 */
export function codeNestsIn(code: string, level: RegionLevel, parentCode: string): boolean {
  const n = PARENT_DIGITS[level];
  return n === 0 || code.slice(0, n) === parentCode.slice(0, n);
}

/** The CHECK expression that holds every region's code to its level's pattern (SQL). */
export function regionCodeCheckSql(): string {
  const cases = REGION_LEVELS.map((l) => `WHEN '${l}' THEN code ~ '${REGION_CODE_PATTERNS[l]}'`).join(' ');
  return `CASE level ${cases} ELSE false END`;
}

/** `region_level_rank(level)`: the same ranks as levelRank, for the tree's trigger (SQL). */
export function regionLevelRankSql(): string {
  const cases = REGION_LEVELS.map((l) => `WHEN '${l}' THEN ${levelRank(l)}`).join(' ');
  return `CREATE FUNCTION region_level_rank(p_level text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE p_level ${cases} END $$`;
}
