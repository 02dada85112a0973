import type { Queryable } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { Role } from '@/lib/auth/permissions';

export type AuditActor = { id: number; email: string; role: Role | null; regionId: number | null };

export type AuditEvent = {
  action: string;
  entityType: string;
  entityId?: string | number | null;
  regionId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Appends one audit row. Call it with the transaction that makes the change it records. */
export async function writeAudit(tx: Queryable, actor: AuditActor | null, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: actor?.id ?? null,
    actorEmail: actor?.email ?? null,
    actorRole: actor?.role ?? null,
    actorRegionId: actor?.regionId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId == null ? null : String(event.entityId),
    regionId: event.regionId ?? null,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
