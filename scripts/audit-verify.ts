/**
 * `npm run audit:verify`: checks the audit log's hash chain on DATABASE_URL (or the embedded
 * database) and reports the first broken link, then recounts the results' running totals from
 * the approved protocols (decision 016) and reports any that differ. Exit code 0 when both hold, 1 otherwise.
 */
import { openDatabase } from '../db/client';
import { verifyAuditChain } from '../lib/audit/verify';
import { runningTotalsDrift } from '../lib/results/running-totals';

const handle = openDatabase({ url: process.env.DATABASE_URL || undefined, maxConnections: 1 });
try {
  const { rows, firstBreak } = await verifyAuditChain(handle.db);
  if (firstBreak) {
    console.error(`Audit chain BROKEN at row ${firstBreak.id} (${firstBreak.reason.replace(/_/g, ' ')}); ${rows} rows read up to it.`);
    process.exitCode = 1;
  } else {
    console.log(`Audit chain intact: ${rows} rows verified.`);
  }
  const drift = await runningTotalsDrift(handle.db);
  for (const { kind, id, kept, recounted } of drift)
    console.error(`Running total of ${kind} ${id} differs from its recount: kept ${JSON.stringify(kept)}, recounted ${JSON.stringify(recounted)}.`);
  if (drift.length) process.exitCode = 1;
  else console.log('Results running totals agree with the approved protocols.');
} finally {
  await handle.close();
}
