/**
 * Row types of raw D1 queries, derived from this schema so each column's type is written
 * once. `SqlRow<typeof agreements>` is what `SELECT *` on the table returns: the SQL column
 * names (snake_case, as declared here), null where the column may be null, enum columns as
 * their union, and booleans as D1 hands them back (0/1). Types only: not part of index.ts,
 * so drizzle-kit never sees it.
 */
import type { Column, Table } from 'drizzle-orm';

/** What D1 returns for a column: its declared type, except `{ mode: 'boolean' }` integers (0/1). */
type Raw<C extends Column> = C['_']['dataType'] extends 'boolean' ? number : C['_']['data'];
type Value<C extends Column> = C['_']['notNull'] extends true ? Raw<C> : Raw<C> | null;
type Columns<T extends Table> = T['_']['columns'];

/** The raw row of a table, keyed by SQL column name. */
export type SqlRow<T extends Table> = { [K in keyof Columns<T> as Columns<T>[K]['_']['name']]: Value<Columns<T>[K]> };

/** Some columns of a table's raw row. */
export type SqlPick<T extends Table, K extends keyof SqlRow<T>> = Pick<SqlRow<T>, K>;

/** Columns read through a LEFT JOIN: each may be null. */
export type LeftJoined<R> = { [K in keyof R]: R[K] | null };
