import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** Both drivers share this type, so domain code never knows which one it runs on. */
export type Database = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Queries accept either the database or an open transaction. */
export type Queryable = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'postgres' | 'embedded';
  close: () => Promise<void>;
};

export const defaultEmbeddedDataDir = () => process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite');

/**
 * Opens the database the environment names: the PostgreSQL server at `url` (DATABASE_URL), or
 * else embedded PostgreSQL (PGlite) in a data folder, or in memory for `dataDir: 'memory://'`.
 */
export function openDatabase(options: { url?: string; dataDir?: string; maxConnections?: number } = {}): DatabaseHandle {
  if (options.url) {
    // JIT compilation costs more than it saves on these short aggregations (measured: 94 → 31 ms).
    const client = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {}, connection: { jit: 'off' } });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return { db, kind: 'postgres', close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? defaultEmbeddedDataDir();
  // PGlite creates its own folder but not the ones above it (PGLITE_DATA_DIR may point anywhere).
  if (dataDir !== 'memory://') mkdirSync(path.dirname(dataDir), { recursive: true });
  const client = new PGlite(dataDir === 'memory://' ? undefined : dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: 'embedded', close: () => client.close() };
}

const globalForDb = globalThis as unknown as { portalDb?: DatabaseHandle };

/** The process-wide database (one pool, one PGlite instance), shared by every module. */
export function getDatabaseHandle(): DatabaseHandle {
  globalForDb.portalDb ??= openDatabase({ url: process.env.DATABASE_URL || undefined });
  return globalForDb.portalDb;
}

/** Closes the process-wide database if it was opened: the last step of a graceful stop (flushes PGlite). */
export async function closeDatabaseHandle(): Promise<void> {
  const handle = globalForDb.portalDb;
  globalForDb.portalDb = undefined;
  await handle?.close();
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

/** Demo mode = the embedded database: no server, demo accounts, a generated auth secret. */
export function isEmbeddedMode(): boolean {
  return !process.env.DATABASE_URL;
}

/** Raw SQL rows from either driver (postgres-js returns an array, PGlite an object with `rows`). */
export async function selectRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
