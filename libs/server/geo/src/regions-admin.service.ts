import { Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { AuditService, authorize, cleanName, ConflictError, DomainError, InvalidInputError, NotFoundError, RequestContext, TransactionRunner, within } from '@civicgrid/platform';
import { GeoService } from './geo.service';
import { codeFitsLevel, codeNestsIn, isRegionLevel, levelRank, REGION_CODE_EXAMPLES } from './region-codes';
import { REGION_LEVELS, RegionEntity, RegionLevel } from './region.entity';

/** Names as the database allows them (region.name CHECK). */
const NAME_MAX = 100;

export interface CreateRegionData {
  code: string;
  parentId?: string | null;
  name: string;
  nameEn?: string | null;
  level: RegionLevel;
  latitude?: number | null;
  longitude?: number | null;
}

/** Omitted (undefined) fields stay as they are; null clears nameEn and the coordinates. */
export interface UpdateRegionData {
  id: string;
  name?: string | null;
  nameEn?: string | null;
  parentId?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface RegionImportProblem {
  /** line of the file, 1 being the header */
  line: number;
  /** the column at fault, when one is */
  column?: string;
  message: string;
}

export interface RegionImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  /** of the updated, how many changed parent */
  moved: number;
}

/** A file refused whole: every problem found, each naming its line (and column). Nothing was written. */
export class RegionImportError extends InvalidInputError {
  constructor(readonly problems: RegionImportProblem[]) {
    super('file', 'regionImport.invalid', `The file was not imported (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map(describeProblem).join('\n')}`);
  }
}

export function describeProblem(p: RegionImportProblem): string {
  return `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}

export const REGION_CSV_COLUMNS = ['code', 'parent_code', 'name', 'level', 'latitude', 'longitude'] as const;
/** Columns a file may add: the English name (left as it is on existing regions when the column is absent). */
const OPTIONAL_COLUMNS = ['name_en'] as const;
/** At most this many problems are listed; a file that bad needs fixing at its source. */
const MAX_PROBLEMS = 100;
/** Region edits (import, create, rename, move) run one at a time, so checks read a tree nobody else is changing. */
const TREE_LOCK = 'civicgrid.regions.edit';

// ---------- the rules, shared by the import and the API ----------

function checkCode(code: string, level: RegionLevel): string {
  const c = (code ?? '').trim();
  if (!codeFitsLevel(c, level)) {
    const digits = REGION_CODE_EXAMPLES[level].length;
    throw new InvalidInputError('code', 'region.codeFormat', `A ${level} code has ${digits} digits, like ${REGION_CODE_EXAMPLES[level]} (see the code convention)`);
  }
  return c;
}

function checkNests(code: string, level: RegionLevel, parent: { code: string }): void {
  if (!codeNestsIn(code, level, parent.code)) {
    throw new InvalidInputError('code', 'region.codeOutsideParent', `A new ${level} code starts with its parent's code (${parent.code})`);
  }
}

function checkName(name: string, field: 'name' | 'nameEn'): string {
  return cleanName(name ?? '', field, NAME_MAX);
}

function checkCoordinates(latitude: number | null, longitude: number | null): void {
  if ((latitude === null) !== (longitude === null)) {
    throw new InvalidInputError(latitude === null ? 'latitude' : 'longitude', 'region.coordinatesPair', 'Give both latitude and longitude, or neither');
  }
  if (latitude !== null && !(Number.isFinite(latitude) && latitude >= -90 && latitude <= 90)) {
    throw new InvalidInputError('latitude', 'region.latitude', 'latitude must be a number from -90 to 90 (WGS84 degrees)');
  }
  if (longitude !== null && !(Number.isFinite(longitude) && longitude >= -180 && longitude <= 180)) {
    throw new InvalidInputError('longitude', 'region.longitude', 'longitude must be a number from -180 to 180 (WGS84 degrees)');
  }
}

/** A district is a root; anything else lies exactly one level below its parent. */
function checkPlace(level: RegionLevel, parent: { level: RegionLevel } | null, field: 'level' | 'parentId', hasParent = !!parent): void {
  if (level === 'DISTRICT') {
    if (hasParent) throw new InvalidInputError('parentId', 'region.districtIsRoot', 'A DISTRICT is a root of the tree and has no parent');
    return;
  }
  if (!parent) throw new InvalidInputError('parentId', 'region.parentRequired', `A ${level} needs a parent ${REGION_LEVELS[levelRank(level) - 2]}`);
  if (levelRank(level) !== levelRank(parent.level) + 1) {
    throw new InvalidInputError(field, 'region.levelBelowParent', `A ${level} lies directly under a ${REGION_LEVELS[levelRank(level) - 2]}, not under a ${parent.level}`);
  }
}

function sameCoordinate(a: number | null, b: number | null): boolean {
  return a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;
}

/** The import's column for a field a rule names. */
const COLUMN_OF: Record<string, string> = { code: 'code', parentId: 'parent_code', level: 'level', name: 'name', nameEn: 'name_en', latitude: 'latitude', longitude: 'longitude' };

interface ImportRow {
  line: number;
  code: string;
  parentCode: string | null;
  name: string;
  nameEn: string | null;
  level: RegionLevel;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Writes the region tree: the import of a file of national codes (the operator's command
 * line), and creating, renaming and moving regions (administrators, over the API). Both
 * go through the same rules; the database derives paths and keeps every copy of a moved
 * subtree's paths (see the migration RegionAdmin1764900000000).
 */
@Injectable()
export class RegionsAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly geo: GeoService,
    private readonly audit: AuditService,
  ) {}

  /** Runs a change to the tree under the tree's lock; replicas' in-memory copies are forgotten by the trigger's NOTIFY, this one's at once. */
  private async edit<T>(ctx: RequestContext, work: (t: RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.tx.run(ctx, async (t) => {
        await this.tx.manager(t).query('SELECT pg_advisory_xact_lock(hashtext($1))', [TREE_LOCK]);
        return work(t);
      });
    } finally {
      if (!ctx.transaction) this.geo.forget();
    }
  }

  private async byId(t: RequestContext, id: string): Promise<RegionEntity | null> {
    return this.tx.manager(t).getRepository(RegionEntity).findOneBy({ id });
  }

  async create(ctx: RequestContext, input: CreateRegionData): Promise<RegionEntity> {
    authorize(await ctx.requireActor(), 'region.manage');
    const level = input.level;
    const code = checkCode(input.code, level);
    const name = checkName(input.name, 'name');
    const nameEn = input.nameEn?.trim() ? checkName(input.nameEn, 'nameEn') : null;
    const latitude = input.latitude ?? null;
    const longitude = input.longitude ?? null;
    checkCoordinates(latitude, longitude);
    // Before anything is read: a district given a parent, or anything else given none.
    if ((level === 'DISTRICT') === !!input.parentId) checkPlace(level, null, 'level', !!input.parentId);
    return this.edit(ctx, async (t) => {
      const parent = input.parentId ? await this.byId(t, input.parentId) : null;
      if (input.parentId && !parent) throw new NotFoundError('Region', 'parentId');
      checkPlace(level, parent, 'level');
      if (parent) checkNests(code, level, parent);
      const repo = this.tx.manager(t).getRepository(RegionEntity);
      if (await repo.existsBy({ code })) throw new ConflictError('region.codeTaken', `A region with the code ${code} exists already`, 'code');
      // The path is derived by the database from the parent's (region_place).
      const [row]: { id: string }[] = await this.tx
        .manager(t)
        .query(`INSERT INTO region (parent_id, level, code, name, name_en, latitude, longitude, path) VALUES ($1, $2, $3, $4, $5, $6, $7, '') RETURNING id`, [
          parent?.id ?? null,
          level,
          code,
          name,
          nameEn,
          latitude,
          longitude,
        ]);
      const region = (await this.byId(t, row.id))!;
      await this.audit.record(t, { action: 'region.create', subjectType: 'region', subjectId: region.id, detail: { code, level, name, parentId: parent?.id ?? null } });
      return region;
    });
  }

  async update(ctx: RequestContext, input: UpdateRegionData): Promise<RegionEntity> {
    authorize(await ctx.requireActor(), 'region.manage');
    const name = input.name != null ? checkName(input.name, 'name') : undefined;
    const nameEn = input.nameEn === undefined ? undefined : input.nameEn?.trim() ? checkName(input.nameEn, 'nameEn') : null;
    return this.edit(ctx, async (t) => {
      const region = await this.byId(t, input.id);
      if (!region) throw new NotFoundError('Region', 'id');
      const latitude = input.latitude === undefined ? region.latitude : input.latitude;
      const longitude = input.longitude === undefined ? region.longitude : input.longitude;
      checkCoordinates(latitude, longitude);
      let parentId = region.parentId;
      if (input.parentId != null && input.parentId !== region.parentId) {
        const parent = await this.byId(t, input.parentId);
        if (!parent) throw new NotFoundError('Region', 'parentId');
        if (within(region.path, parent.path)) throw new InvalidInputError('parentId', 'region.moveIntoOwnSubtree', 'A region cannot move under itself or one of the regions below it');
        checkPlace(region.level, parent, 'parentId');
        parentId = parent.id;
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const next = { name: name ?? region.name, nameEn: nameEn === undefined ? region.nameEn : nameEn, latitude, longitude, parentId };
      for (const key of Object.keys(next) as (keyof typeof next)[]) {
        if (next[key] !== region[key]) changes[key] = { from: region[key], to: next[key] };
      }
      if (!Object.keys(changes).length) return region;
      await this.tx
        .manager(t)
        .query(`UPDATE region SET name = $2, name_en = $3, latitude = $4, longitude = $5, parent_id = $6 WHERE id = $1`, [region.id, next.name, next.nameEn, next.latitude, next.longitude, next.parentId]);
      await this.audit.record(t, { action: changes.parentId ? 'region.move' : 'region.update', subjectType: 'region', subjectId: region.id, detail: { code: region.code, changes } });
      return (await this.byId(t, region.id))!;
    });
  }

  /**
   * Imports a CSV file of regions (`code,parent_code,name,level,latitude,longitude`,
   * optionally `name_en`; header row required), by code: new codes are created, known
   * ones get the file's name, coordinates and parent (a move). Every line is checked
   * before anything is written, and the file goes in whole in one transaction or not at
   * all. The operator's command line calls it (with no signed-in user: whoever runs it
   * holds the database's credentials); a signed-in caller needs `region.manage`.
   */
  async importCsv(ctx: RequestContext, csv: string | Buffer): Promise<RegionImportSummary> {
    if (ctx.userId) authorize(await ctx.requireActor(), 'region.manage');
    const { rows, hasNameEn, problems } = parseRegionCsv(csv);
    return this.edit(ctx, async (t) => {
      const em = this.tx.manager(t);
      const codes = [...new Set(rows.flatMap((r) => (r.parentCode ? [r.code, r.parentCode] : [r.code])))];
      const known = new Map<string, RegionEntity>();
      for (const r of await em.getRepository(RegionEntity).createQueryBuilder('r').where('r.code = ANY(:codes)', { codes }).getMany()) known.set(r.code, r);
      const inFile = new Map(rows.map((r) => [r.code, r]));
      const rejectedCodes = new Set(problems.map((p) => p.code).filter((c): c is string => !!c));

      const creates: ImportRow[] = [];
      const updates: ImportRow[] = [];
      let unchanged = 0;
      let moved = 0;
      for (const row of rows) {
        const problem = (column: string, message: string) => problems.push({ line: row.line, column, message });
        const existing = known.get(row.code);
        const parentRow = row.parentCode ? inFile.get(row.parentCode) : undefined;
        const parentKnown = row.parentCode ? known.get(row.parentCode) : undefined;
        const parent = row.parentCode ? (parentRow ?? parentKnown) : null;
        if (row.parentCode && !parent) {
          // A parent whose own line has a problem is reported there.
          if (!rejectedCodes.has(row.parentCode)) problem('parent_code', `unknown parent ${row.parentCode}: it is neither in this file nor in the database`);
          continue;
        }
        try {
          checkPlace(row.level, parent ?? null, 'level');
          if (!existing && parent) checkNests(row.code, row.level, parent);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          problem(COLUMN_OF[err.field ?? ''] ?? 'level', err.message);
          continue;
        }
        if (!existing) {
          creates.push(row);
          continue;
        }
        // Compared with the parent as it stands before this import: a parent new in the file is a move.
        const move = row.parentCode ? parentKnown?.id !== existing.parentId : existing.parentId !== null;
        const same =
          !move &&
          existing.name === row.name &&
          (!hasNameEn || existing.nameEn === row.nameEn) &&
          sameCoordinate(existing.latitude, row.latitude) &&
          sameCoordinate(existing.longitude, row.longitude);
        if (same) unchanged++;
        else {
          updates.push(row);
          if (move) moved++;
        }
      }
      if (problems.length) throw new RegionImportError(problems.sort((a, b) => a.line - b.line).slice(0, MAX_PROBLEMS).map(({ code: _code, ...p }) => p));

      // Level by level, so a parent is placed (created or moved) before its children.
      for (const level of REGION_LEVELS) {
        const up = updates.filter((r) => r.level === level);
        if (up.length) {
          await em.query(
            `UPDATE region r
                SET name = x.name, name_en = CASE WHEN $8::boolean THEN x.name_en ELSE r.name_en END, latitude = x.latitude, longitude = x.longitude,
                    parent_id = p.id
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::int[]) AS x(code, parent_code, name, name_en, latitude, longitude, n)
               LEFT JOIN region p ON p.code = x.parent_code
              WHERE r.code = x.code`,
            [...columnsOf(up), hasNameEn],
          );
        }
        const add = creates.filter((r) => r.level === level);
        if (add.length) {
          await em.query(
            `INSERT INTO region (parent_id, level, code, name, name_en, latitude, longitude, path)
             SELECT p.id, $8::text, x.code, x.name, x.name_en, x.latitude, x.longitude, ''
               FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::int[]) AS x(code, parent_code, name, name_en, latitude, longitude, n)
               LEFT JOIN region p ON p.code = x.parent_code
              ORDER BY x.n`,
            [...columnsOf(add), level],
          );
        }
      }
      const summary = { created: creates.length, updated: updates.length, unchanged, moved };
      await this.audit.record(t, {
        action: 'region.import',
        subjectType: 'region',
        detail: { ...summary, createdCodes: creates.slice(0, 1000).map((r) => r.code), updatedCodes: updates.slice(0, 1000).map((r) => r.code) },
      });
      return summary;
    });
  }
}

function columnsOf(rows: ImportRow[]): unknown[] {
  return [rows.map((r) => r.code), rows.map((r) => r.parentCode), rows.map((r) => r.name), rows.map((r) => r.nameEn), rows.map((r) => r.latitude), rows.map((r) => r.longitude), rows.map((r) => r.line)];
}

function parseNumber(text: string): number | null {
  if (text === '') return null;
  // Plain decimal degrees only: Number() would also take "0x1F", "1e2" and "Infinity".
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
}

/**
 * Reads and checks the file line by line (everything that needs no database): the
 * header, field counts, codes and levels, names, coordinates, codes given twice. A file
 * that cannot be read (or has a bad header) is refused at once; otherwise the lines that
 * pass are returned with the problems of the others, each tagged with its line's code.
 */
export function parseRegionCsv(csv: string | Buffer): { rows: ImportRow[]; hasNameEn: boolean; problems: (RegionImportProblem & { code?: string })[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(csv, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const e = err as { lines?: number; message?: string };
    throw new RegionImportError([{ line: e.lines ?? 1, message: `not readable as CSV: ${e.message ?? String(err)}` }]);
  }
  if (!records.length) throw new RegionImportError([{ line: 1, message: `the file is empty; its first line names the columns: ${REGION_CSV_COLUMNS.join(',')}` }]);

  const [header, ...body] = records;
  const headerLine = header.info.lines;
  const names = header.record.map((h) => h.toLowerCase());
  const problems: RegionImportProblem[] = [];
  for (const c of REGION_CSV_COLUMNS) if (!names.includes(c)) problems.push({ line: headerLine, column: c, message: `the header has no column ${c} (columns: ${REGION_CSV_COLUMNS.join(',')})` });
  names.forEach((n, i) => {
    if (!(REGION_CSV_COLUMNS as readonly string[]).includes(n) && !(OPTIONAL_COLUMNS as readonly string[]).includes(n)) problems.push({ line: headerLine, column: header.record[i], message: `unknown column ${header.record[i]}` });
    else if (names.indexOf(n) !== i) problems.push({ line: headerLine, column: n, message: `column ${n} is given twice` });
  });
  if (problems.length) throw new RegionImportError(problems);
  if (!body.length) throw new RegionImportError([{ line: headerLine, message: 'the file has a header and no regions' }]);
  const hasNameEn = names.includes('name_en');
  const at = (record: string[], column: string) => record[names.indexOf(column)] ?? '';

  const rows: ImportRow[] = [];
  const rowProblems: (RegionImportProblem & { code?: string })[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of body) {
    const line = info.lines;
    const lineCode = record[names.indexOf('code')] || undefined;
    const problem = (column: string | undefined, message: string) => rowProblems.push({ line, column, message, code: lineCode });
    if (rowProblems.length >= MAX_PROBLEMS) break;
    if (record.length !== names.length) {
      problem(undefined, `expected ${names.length} fields, found ${record.length}`);
      continue;
    }
    const levelText = at(record, 'level').toUpperCase();
    if (!isRegionLevel(levelText)) {
      problem('level', `level must be one of ${REGION_LEVELS.join(', ')}, not "${at(record, 'level')}"`);
      continue;
    }
    const level = levelText;
    const code = at(record, 'code');
    const parentCode = at(record, 'parent_code') || null;
    const latitude = parseNumber(at(record, 'latitude'));
    const longitude = parseNumber(at(record, 'longitude'));
    let ok = true;
    const check = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        problem(COLUMN_OF[err.field ?? ''] ?? err.field, err.message);
        ok = false;
      }
    };
    let name = '';
    let nameEn: string | null = null;
    check(() => void checkCode(code, level));
    check(() => void (name = checkName(at(record, 'name'), 'name')));
    if (hasNameEn && at(record, 'name_en')) check(() => void (nameEn = checkName(at(record, 'name_en'), 'nameEn')));
    if (Number.isNaN(latitude)) {
      problem('latitude', `latitude must be decimal degrees, not "${at(record, 'latitude')}"`);
      ok = false;
    } else if (Number.isNaN(longitude)) {
      problem('longitude', `longitude must be decimal degrees, not "${at(record, 'longitude')}"`);
      ok = false;
    } else check(() => checkCoordinates(latitude, longitude));
    if (parentCode === null && level !== 'DISTRICT') {
      problem('parent_code', `a ${level} needs a parent_code; only a DISTRICT is a root`);
      ok = false;
    }
    if (parentCode !== null && level === 'DISTRICT') {
      problem('parent_code', 'a DISTRICT is a root: leave parent_code empty');
      ok = false;
    }
    const first = firstLineOf.get(code);
    if (first !== undefined) {
      problem('code', `code ${code} is on line ${first} already`);
      ok = false;
    } else if (code) firstLineOf.set(code, line);
    if (ok) rows.push({ line, code, parentCode, name, nameEn, level, latitude, longitude });
  }
  return { rows, hasNameEn, problems: rowProblems };
}
