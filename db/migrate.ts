import { sql } from 'drizzle-orm';
import { bigint, pgSchema, serial, text } from 'drizzle-orm/pg-core';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import path from 'node:path';
import postgres from 'postgres';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { DatabaseHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'drizzle');

/** Drizzle's record of the applied migrations: its own table, so it stays out of db/schema (drizzle-kit must not manage it). */
export const appliedMigrations = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
  /** When the migration was generated (its journal's `when`), in milliseconds. */
  createdAt: bigint('created_at', { mode: 'number' }),
});

// Any constant: every portal instance takes the same advisory lock, so only one migrates at a time.
const MIGRATION_LOCK_KEY = 7_045_2023;

/** Applies the committed drizzle-kit migrations. Safe to call from several instances at once. */
export async function migrateDatabase(handle: DatabaseHandle, url?: string): Promise<void> {
  if (handle.kind === 'embedded') {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  if (!url) throw new Error('migrateDatabase needs the server URL for a PostgreSQL database');
  // One dedicated connection: a session-level advisory lock must be taken and released on it.
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = drizzlePostgres(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
