import { eq, sql } from 'drizzle-orm';
import type { Queryable, Transaction } from '@/db/client';
import { storedFiles } from '@/db/schema';
import { lockFile, type FileStore } from './store';

/** The default backend: bytes in the `stored_files` table, inside the caller's transaction. */
export const postgresStore: FileStore = {
  backend: 'postgres',
  async put(tx, { sha256, bytes }) {
    await lockFile(tx, sha256);
    await tx.insert(storedFiles).values({ sha256, size: bytes.byteLength, bytes }).onConflictDoNothing();
    return { sha256, size: bytes.byteLength };
  },
  async get(db, sha256) {
    const [row] = await db.select({ bytes: storedFiles.bytes }).from(storedFiles).where(eq(storedFiles.sha256, sha256));
    return row ? new Uint8Array(row.bytes) : null;
  },
  async remove(tx: Transaction, sha256) {
    await tx.delete(storedFiles).where(eq(storedFiles.sha256, sha256));
  },
  async *list(db: Queryable) {
    // Keyset pages: never the whole table's hashes in memory at once.
    let after = '';
    for (;;) {
      const rows = await db.select({ sha256: storedFiles.sha256 }).from(storedFiles).where(sql`${storedFiles.sha256} > ${after}`).orderBy(storedFiles.sha256).limit(1000);
      for (const row of rows) yield row.sha256;
      if (rows.length < 1000) return;
      after = rows.at(-1)!.sha256;
    }
  },
};
