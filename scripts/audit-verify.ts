/**
 * `npm run audit:verify`: checks the audit log's hash chain on DATABASE_URL (or the embedded
 * database) and reports the first broken link. Exit code 0 when intact, 1 when broken.
 */
import { openDatabase } from '../db/client';
import { verifyAuditChain } from '../lib/audit/verify';

const handle = openDatabase({ url: process.env.DATABASE_URL || undefined, maxConnections: 1 });
try {
  const { rows, firstBreak } = await verifyAuditChain(handle.db);
  if (firstBreak) {
    console.error(`Audit chain BROKEN at row ${firstBreak.id} (${firstBreak.reason.replace(/_/g, ' ')}); ${rows} rows read up to it.`);
    process.exitCode = 1;
  } else {
    console.log(`Audit chain intact: ${rows} rows verified.`);
  }
} finally {
  await handle.close();
}
