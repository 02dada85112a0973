import type { Database, Queryable } from '@/db/client';
import { lockFile, type FileStore } from './store';

/** Which of these hashes rows still refer to; the capability that stores files answers it. */
export type ReferencedHashes = (db: Queryable, hashes: string[]) => Promise<Set<string>>;

/**
 * Deletes each of these files that nothing refers to, each under its lock: a transaction that
 * wrote the same bytes and has not committed yet holds the lock, so its commit is waited for and
 * then seen as a reference. Returns the hashes deleted.
 */
export async function discardUnreferenced(db: Database, store: FileStore, hashes: Iterable<string>, referenced: ReferencedHashes): Promise<string[]> {
  const removed: string[] = [];
  for (const sha256 of new Set(hashes)) {
    const gone = await db.transaction(async (tx) => {
      await lockFile(tx, sha256);
      if ((await referenced(tx, [sha256])).has(sha256)) return false;
      await store.remove(tx, sha256);
      return true;
    });
    if (gone) removed.push(sha256);
  }
  return removed;
}

/**
 * Deletes every stored file that nothing refers to: the bytes an S3 upload wrote before its
 * transaction rolled back or its process died. Safe while uploads run (see `discardUnreferenced`).
 */
export async function sweepOrphans(db: Database, store: FileStore, referenced: ReferencedHashes): Promise<string[]> {
  const removed: string[] = [];
  let batch: string[] = [];
  const flush = async () => {
    const kept = await referenced(db, batch);
    removed.push(
      ...(await discardUnreferenced(
        db,
        store,
        batch.filter((sha256) => !kept.has(sha256)),
        referenced,
      )),
    );
    batch = [];
  };
  for await (const sha256 of store.list(db)) {
    batch.push(sha256);
    if (batch.length === 500) await flush();
  }
  await flush();
  return removed;
}
