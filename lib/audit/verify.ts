import { asc, gt } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditRowHash, GENESIS_HASH, type ChainBreak } from './chain';

/** Checks the whole audit chain in pages (constant memory); returns the rows checked and the first break. */
export async function verifyAuditChain(db: Queryable, pageSize = 5000): Promise<{ rows: number; firstBreak: ChainBreak | null }> {
  let previous = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    for (const row of page) {
      rows++;
      if (row.prevHash !== previous) return { rows, firstBreak: { id: row.id, reason: 'prev_hash_mismatch' } };
      if (row.hash !== auditRowHash(row, previous)) return { rows, firstBreak: { id: row.id, reason: 'hash_mismatch' } };
      previous = row.hash;
    }
    if (page.length < pageSize) return { rows, firstBreak: null };
    lastId = page[page.length - 1]!.id;
  }
}
