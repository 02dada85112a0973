import { sql } from 'drizzle-orm';
import { selectRows, type Queryable, type Transaction } from '@/db/client';

/**
 * Content-addressed file storage with one interface and two backends (decision 011): PostgreSQL
 * (the default: the bytes in `stored_files`) and S3-compatible object storage. A file's address
 * is the SHA-256 of its bytes, so writing the same bytes twice stores them once, and stored
 * bytes never change.
 *
 * Writes happen inside the caller's transaction, under a per-file advisory lock held until it
 * ends: in PostgreSQL the bytes commit or roll back with the rows that refer to them; in S3 an
 * object written by a transaction that then rolled back is an orphan, which `discardUnreferenced`
 * and `sweepOrphans` (lib/storage/sweep.ts) delete, taking the same lock so they never delete
 * bytes that a transaction still in flight is about to refer to.
 */
export type StorageBackend = 'postgres' | 's3';

export type PutResult = { sha256: string; size: number };
export type StoredFile = { sha256: string; bytes: Uint8Array; contentType: string };

export interface FileStore {
  readonly backend: StorageBackend;
  /** Stores the bytes (a no-op when they are already there); `sha256` must be their hash. */
  put(tx: Transaction, file: StoredFile): Promise<PutResult>;
  /** Many files at once (loading the demo): as `put` for each, in fewer round trips. */
  putMany(tx: Transaction, files: StoredFile[]): Promise<void>;
  /** The stored bytes, or null when nothing is stored under this hash. */
  get(db: Queryable, sha256: string): Promise<Uint8Array | null>;
  /** Removes the bytes; only the sweeper calls it, holding the file's lock. */
  remove(tx: Transaction, sha256: string): Promise<void>;
  /** Every stored hash (for the sweeper). */
  list(db: Queryable): AsyncIterable<string>;
}

// Any constant: the first key of the two-key advisory locks on stored files.
const FILE_LOCK_CLASS = 11_0_2026;

/**
 * Locks one stored file for the rest of the transaction. Keyed by the hash's first 32 bits: two
 * different files sharing them only wait for each other, they never interfere otherwise.
 */
export const lockFile = (tx: Queryable, sha256: string) => lockFiles(tx, [sha256]);

/** `lockFile` for many files in one statement, in a fixed order (two transactions never wait on each other in a cycle). */
export async function lockFiles(tx: Queryable, hashes: string[]): Promise<void> {
  const keys = [...new Set(hashes.map((sha256) => Number.parseInt(sha256.slice(0, 8), 16) | 0))].sort((a, b) => a - b);
  if (keys.length === 0) return;
  await selectRows(
    tx,
    sql`select pg_advisory_xact_lock(${FILE_LOCK_CLASS}, key) from unnest(${`{${keys.join(',')}}`}::int[]) with ordinality as k(key, n) order by n`,
  );
}
