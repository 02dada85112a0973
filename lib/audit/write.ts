import { desc, sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Role } from '@/lib/auth/permissions';
import { asStoredJson, auditRowHash, GENESIS_HASH, type ChainedContent } from './chain';
import type { AuditEvent } from './events';

export type AuditActor = { id: number; email: string; role: Role | null; regionId: number | null };

export type { AuditEvent } from './events';

// Any constant: the transaction-level lock that orders audit rows so the hash chain has one line.
const AUDIT_CHAIN_LOCK = 7_045_2024;

/**
 * Appends one audit row, chained to the previous one. Call it with the transaction that makes the
 * change it records; the chain lock is held until that transaction ends, so rows are linked in
 * commit order (short transactions keep the wait short).
 */
export async function writeAudit(tx: Queryable, actor: AuditActor | null, event: AuditEvent): Promise<void> {
  await selectRows(tx, sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const content: ChainedContent & { actorRole: Role | null } = {
    at: new Date(),
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    actorRole: actor?.role ?? null,
    actorRegionId: actor?.regionId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId == null ? null : String(event.entityId),
    regionId: event.regionId ?? null,
    before: asStoredJson(event.before),
    after: asStoredJson(event.after),
  };
  await tx.insert(auditLog).values({ ...content, prevHash, hash: auditRowHash(content, prevHash) });
}
