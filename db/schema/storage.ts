import { sql } from 'drizzle-orm';
import { check, customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL's bytea as bytes: postgres-js hands back a Buffer, PGlite a Uint8Array; both are Uint8Arrays. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The bytes of stored files when the storage backend is PostgreSQL (lib/storage, decision 011):
 * one row per distinct content, addressed by its SHA-256, so backups, replication and the
 * transaction that records a file cover its bytes too. Rows are never updated.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    sha256: text('sha256').primaryKey(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('stored_files_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`), check('stored_files_size', sql`${t.size} = octet_length(${t.bytes})`)],
);
