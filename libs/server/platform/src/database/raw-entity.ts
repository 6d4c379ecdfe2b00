import type { DataSource, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { preparedQuery } from './prepared';

/**
 * One entity's columns inside a hand-written statement that joins several: `columns()`
 * selects them under a prefix, `read(row)` builds the entity back with TypeORM's own
 * metadata and driver conversions. Hot reads use it where the query builder would cost
 * one statement per entity (or more to build and hydrate than the query itself).
 */
export class RawEntity<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  /** the columns TypeORM reads by default: `select: false` ones (a password hash) stay out */
  private readonly selected: EntityMetadata['columns'];
  private readonly key: string;

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
    /** the table's alias in the statement */
    readonly alias: string,
  ) {
    this.metadata = dataSource.getMetadata(target);
    this.selected = this.metadata.columns.filter((c) => c.isSelect);
    const primary = this.metadata.primaryColumns[0];
    if (!primary || this.metadata.primaryColumns.length > 1) throw new Error(`${this.metadata.name}: RawEntity needs a single-column primary key`);
    this.key = this.column(primary.databaseName);
  }

  private column(databaseName: string): string {
    return `${this.alias}__${databaseName}`;
  }

  /** `a.col AS "a__col", …` for every column of the entity. */
  columns(): string {
    return this.selected.map((c) => `${this.alias}."${c.databaseName}" AS "${this.column(c.databaseName)}"`).join(', ');
  }

  /** The entity in this row, or null when an outer join found none. */
  read(row: Record<string, unknown>): T | null {
    if (row[this.key] === null || row[this.key] === undefined) return null;
    const entity = this.metadata.create() as T;
    for (const c of this.selected) {
      c.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[this.column(c.databaseName)], c));
    }
    return entity;
  }
}

const byIdStatements = new WeakMap<EntityMetadata, { entity: RawEntity<ObjectLiteral>; sql: string }>();

/**
 * The rows with these ids, as entities: what DataLoaders fetch on nearly every request,
 * as one prepared statement per entity (`id = ANY($1)`, the same text for any number of
 * ids) instead of a query built, planned and hydrated by TypeORM each time.
 */
export async function findByIds<T extends ObjectLiteral>(em: EntityManager, target: EntityTarget<T>, ids: readonly string[]): Promise<T[]> {
  if (!ids.length) return [];
  const metadata = em.connection.getMetadata(target);
  let statement = byIdStatements.get(metadata);
  if (!statement) {
    const entity = new RawEntity<ObjectLiteral>(em.connection, target, 'e');
    statement = { entity, sql: `SELECT ${entity.columns()} FROM "${metadata.tablePath}" e WHERE e."${metadata.primaryColumns[0].databaseName}" = ANY($1::uuid[])` };
    byIdStatements.set(metadata, statement);
  }
  const rows = await preparedQuery<Record<string, unknown>>(em, statement.sql, [ids]);
  return rows.map((r) => statement.entity.read(r) as T);
}
