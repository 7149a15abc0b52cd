import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';

/** The dialect-specific bits of DDL, so each migration is written once for both databases. */
export interface Ddl {
  dialect: 'sqlite' | 'postgres';
}

/** An auto-increment integer primary key (bigint identity on PostgreSQL). */
export function withId<T extends string>(ddl: Ddl, table: CreateTableBuilder<T, never>) {
  return ddl.dialect === 'postgres'
    ? table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Integer wide enough for money and counts (64-bit on both dialects). */
export const big = 'bigint' as const;

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** A double-precision float (rates, service levels, demand statistics). */
export function float(ddl: Ddl) {
  return ddl.dialect === 'postgres' ? ('double precision' as const) : ('real' as const);
}
