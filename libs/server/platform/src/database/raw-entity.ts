import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * One entity's columns inside a hand-written statement that joins several: `columns()`
 * selects them under a prefix, `read(row)` builds the entity back with TypeORM's own
 * metadata and driver conversions. Hot reads use it where the query builder would cost
 * one statement per entity (or more to build and hydrate than the query itself).
 */
export class RawEntity<T extends ObjectLiteral> {
  private readonly metadata: EntityMetadata;
  private readonly key: string;

  constructor(
    private readonly dataSource: DataSource,
    target: EntityTarget<T>,
    /** the table's alias in the statement */
    readonly alias: string,
  ) {
    this.metadata = dataSource.getMetadata(target);
    const primary = this.metadata.primaryColumns[0];
    if (!primary || this.metadata.primaryColumns.length > 1) throw new Error(`${this.metadata.name}: RawEntity needs a single-column primary key`);
    this.key = this.column(primary.databaseName);
  }

  private column(databaseName: string): string {
    return `${this.alias}__${databaseName}`;
  }

  /** `a.col AS "a__col", …` for every column of the entity. */
  columns(): string {
    return this.metadata.columns.map((c) => `${this.alias}.${c.databaseName} AS "${this.column(c.databaseName)}"`).join(', ');
  }

  /** The entity in this row, or null when an outer join found none. */
  read(row: Record<string, unknown>): T | null {
    if (row[this.key] === null || row[this.key] === undefined) return null;
    const entity = this.metadata.create() as T;
    for (const c of this.metadata.columns) {
      c.setEntityValue(entity, this.dataSource.driver.prepareHydratedValue(row[this.column(c.databaseName)], c));
    }
    return entity;
  }
}
