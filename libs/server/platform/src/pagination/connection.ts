import { Limits } from '@civicgrid/contracts';
import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { InvalidInputError } from '../errors/domain-errors';
import { isUuid } from '../context/loaders';
import type { RequestContext } from '../context/request-context';
import { badCursor, CursorKey, decodeCursor, encodeCursor } from './cursor';
import { parseDateTime } from '../graphql/scalars';

@ObjectType('PageInfo', { description: 'Where a page of a connection ends and whether more follow.' })
export class PageInfo {
  @Field({ description: 'True when another page follows this one.' })
  hasNextPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of this page; pass it as `after` for the next page.' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
  /** set by connections that count only up to a cap: false when more match */
  totalCountExact?: boolean;
}

/**
 * Declares the `<Name>Edge` and `<Name>Connection` GraphQL types of a Relay connection
 * over `node`. With `countCap`, the count stops there (a board of a growing district must
 * not count every match on every request) and `totalCountExact` says whether it did.
 */
export function ConnectionType<T>(node: Type<T>, name: string, what: string, opts: { countCap?: number } = {}): Type<Connection<T>> {
  @ObjectType(`${name}Edge`, { description: `One ${what} in a page, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor: string;
    @Field(() => node, { description: `The ${what}.` })
    node: T;
  }
  @ObjectType({ isAbstract: true })
  abstract class Page {
    @Field(() => [EdgeType], { description: 'The edges of this page, in a stable order.' })
    edges: EdgeType[];
    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo: PageInfo;
  }
  // Only the declaration evaluated is registered with the schema: one class per name.
  if (opts.countCap) {
    const cap = opts.countCap.toLocaleString('en');
    @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
    class CappedConnectionClass extends Page {
      @Field(() => Int, { description: `Number of ${what}s across all pages, counted up to ${cap}: when more match, ${cap}, and \`totalCountExact\` is false (show "${cap}+").` })
      totalCount: number;
      @Field({ description: `False when more than ${cap} ${what}s match and \`totalCount\` stopped at ${cap}.` })
      totalCountExact: boolean;
    }
    return CappedConnectionClass;
  }
  @ObjectType(`${name}Connection`, { description: `A page of ${what}s.` })
  class ConnectionClass extends Page {
    @Field(() => Int, { description: `Number of ${what}s across all pages.` })
    totalCount: number;
  }
  return ConnectionClass;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** `first` defaults to 20 and is capped at 100; a negative or zero value is refused. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return Limits.pageSizeDefault;
  if (!Number.isInteger(first) || first < 1) throw new InvalidInputError('first', 'pagination.badFirst', '`first` must be a positive integer');
  return Math.min(first, Limits.pageSizeMax);
}

export interface KeysetColumn {
  /** SQL expression, e.g. `s.starts_at` */
  expr: string;
  /** how a cursor value becomes a SQL parameter: timestamps travel as ISO strings */
  kind: 'timestamp' | 'uuid' | 'text' | 'number';
}

/**
 * Refuses a bad `first` or a tampered `after` before any other work: for a connection of
 * something named by id (a budget's incentives), a bad cursor is bad input whether or not
 * the id names anything.
 */
export function checkPage(args: PageArgs, columns: KeysetColumn[]): void {
  pageSize(args.first);
  if (!args.after) return;
  const key = decodeCursor(args.after, columns.length);
  columns.forEach((c, i) => {
    if (!cursorValueFits(c.kind, key[i])) badCursor();
  });
}

/**
 * Keyset pagination over a query builder: orders by the columns (all ascending or all
 * descending, the last one unique), applies `after`, fetches one extra row to know
 * whether more follow, and counts the total without the cursor.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  keyset: { columns: KeysetColumn[]; direction: 'ASC' | 'DESC'; keyOf: (row: T) => CursorKey },
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const totalCount = await qb.clone().orderBy().getCount();
  const q = qb.clone();
  if (args.after) {
    const key = decodeCursor(args.after, keyset.columns.length);
    const cmp = keyset.direction === 'ASC' ? '>' : '<';
    const params: Record<string, unknown> = {};
    const lhs = keyset.columns.map((c) => c.expr).join(', ');
    const rhs = keyset.columns
      .map((c, i) => {
        if (!cursorValueFits(c.kind, key[i])) badCursor();
        params[`cursor_${i}`] = key[i];
        return c.kind === 'timestamp' ? `CAST(:cursor_${i} AS timestamptz)` : c.kind === 'uuid' ? `CAST(:cursor_${i} AS uuid)` : `:cursor_${i}`;
      })
      .join(', ');
    q.andWhere(`(${lhs}) ${cmp} (${rhs})`, params);
  }
  q.orderBy();
  for (const c of keyset.columns) q.addOrderBy(c.expr, keyset.direction);
  q.take(undefined).skip(undefined).limit(limit + 1);
  const rows = await q.getMany();
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyset.keyOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
  };
}

/**
 * Whether a value decoded from a cursor can stand for its column: cursors travel through
 * clients, so a tampered one must be refused as bad input, never reach SQL as a value
 * Postgres cannot read (a fractional or 23-digit number, an out-of-range date, a NUL).
 */
export function cursorValueFits(kind: KeysetColumn['kind'], v: string | number): boolean {
  switch (kind) {
    case 'uuid':
      return isUuid(v);
    case 'timestamp':
      return typeof v === 'string' && parseDateTime(v) instanceof Date;
    case 'number':
      return typeof v === 'number' ? Number.isSafeInteger(v) : /^-?\d{1,18}$/.test(v);
    default:
      return typeof v === 'string' && !v.includes('\u0000') && v.length <= 1000;
  }
}

export interface ParentPageSpec<T extends ObjectLiteral> {
  /** the rows of all the given parents, already filtered */
  query: (parentIds: string[]) => SelectQueryBuilder<T> | Promise<SelectQueryBuilder<T>>;
  /** SQL expression of the parent's id, e.g. `m.organization_id` */
  parentExpr: string;
  parentOf: (row: T) => string;
  keyset: { columns: KeysetColumn[]; direction: 'ASC' | 'DESC'; keyOf: (row: T) => CursorKey };
}

/**
 * A connection nested under each of many parents (an organisation's members, say): the
 * first pages of all the parents in a request come from three statements in all (ranked
 * ids, counts, rows) instead of two per parent. A page after a cursor is rare and is
 * fetched on its own.
 */
export async function paginateUnderParent<T extends ObjectLiteral & { id: string }>(
  ctx: RequestContext,
  name: string,
  parentId: string,
  args: PageArgs,
  spec: ParentPageSpec<T>,
): Promise<Connection<T>> {
  if (args.after) return paginate(await spec.query([parentId]), args, spec.keyset);
  const limit = pageSize(args.first);
  return ctx
    .loader<string, Connection<T>>(`${name}:first:${limit}`, async (keys) => {
      const parentIds = [...keys];
      const base = await spec.query(parentIds);
      const alias = base.alias;
      const order = spec.keyset.columns.map((c) => `${c.expr} ${spec.keyset.direction}`).join(', ');
      const [rankedSql, rankedParams] = base
        .clone()
        .select(`${alias}.id`, 'id')
        .addSelect(`row_number() OVER (PARTITION BY ${spec.parentExpr} ORDER BY ${order})`, 'rn')
        .orderBy()
        .getQueryAndParameters();
      const [ranked, counts] = await Promise.all([
        base.connection.query(`SELECT id FROM (${rankedSql}) ranked WHERE rn <= ${limit + 1}`, rankedParams) as Promise<{ id: string }[]>,
        base.clone().select(spec.parentExpr, 'parent').addSelect('count(*)::int', 'n').orderBy().groupBy(spec.parentExpr).getRawMany<{ parent: string; n: number }>(),
      ]);
      const rows = ranked.length
        ? await base
            .clone()
            .andWhere(`${alias}.id IN (:...pageIds)`, { pageIds: ranked.map((r) => r.id) })
            .orderBy()
            .getMany()
        : [];
      const cmp = (a: T, b: T) => {
        const ka = spec.keyset.keyOf(a);
        const kb = spec.keyset.keyOf(b);
        for (let i = 0; i < ka.length; i++) {
          if (ka[i] !== kb[i]) return (ka[i] < kb[i] ? -1 : 1) * (spec.keyset.direction === 'ASC' ? 1 : -1);
        }
        return 0;
      };
      return parentIds.map((pid) => {
        const mine = rows.filter((r) => spec.parentOf(r) === pid).sort(cmp);
        const page = mine.slice(0, limit);
        const edges = page.map((node) => ({ node, cursor: encodeCursor(spec.keyset.keyOf(node)) }));
        return {
          edges,
          totalCount: counts.find((c) => c.parent === pid)?.n ?? 0,
          pageInfo: { hasNextPage: mine.length > limit, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
        };
      });
    })
    .load(parentId);
}
