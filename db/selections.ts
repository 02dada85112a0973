import { and, eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { constituencies } from './schema';

/*
 * Pieces of query-builder selections, so row types come from the schema. Counts and sums are
 * mapped to numbers: PostgreSQL's count and sum of integers are bigints, which postgres-js hands
 * back as strings and PGlite as BigInts.
 */

/** How many rows of the group meet `condition`. */
export const countWhere = (condition: SQL | undefined) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);

/** The sum of an integer column over the group, 0 over no rows. */
export const sumOf = (column: SQLWrapper) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

/** A subquery that selects one count or sum, as a number (e.g. a correlated count per row). */
export const numberOf = (subquery: SQLWrapper) => sql<number>`${subquery}`.mapWith(Number);

/** The three names of a region, constituency, election or party, selected as a nested object. */
export const namesOf = <T extends Record<'nameKk' | 'nameRu' | 'nameEn', AnyPgColumn>>(table: T): Pick<T, 'nameKk' | 'nameRu' | 'nameEn'> => ({
  nameKk: table.nameKk,
  nameRu: table.nameRu,
  nameEn: table.nameEn,
});

/** The election's constituencies in force: those of its approved lists, the ones every count and page is about. */
export const constituenciesInForce = (electionId: number) => and(eq(constituencies.electionId, electionId), eq(constituencies.status, 'in_force'));

/** A column that may be null (an outer join found nothing), as a number, 0 when null. */
export const orZero = (column: SQLWrapper) => sql<number>`coalesce(${column}, 0)`.mapWith(Number);
