import 'server-only';
import { and, desc, eq, gte, ilike, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { auditLog } from '@/db/schema';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), z.string().max(200).optional());
const optionalDate = z.preprocess((v) => (typeof v === 'string' && v ? v : undefined), z.iso.date().optional());

/** Filters of the audit log screen, read from the query string; bad values are dropped, not fatal. */
export const auditFilterSchema = z.object({
  action: optionalText.catch(undefined),
  entityType: optionalText.catch(undefined),
  actor: optionalText.catch(undefined),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;

export type AuditRow = {
  id: number;
  at: Date;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  regionId: number | null;
  before: unknown;
  after: unknown;
};

export async function searchAuditLog(db: Queryable, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const conditions: SQL[] = [];
  // Literal substring search: the user's % and _ are not wildcards.
  const contains = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  if (filter.action) conditions.push(ilike(auditLog.action, contains(filter.action)));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.actor) conditions.push(ilike(auditLog.actorEmail, contains(filter.actor)));
  if (filter.from) conditions.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00+05:00`)));
  if (filter.to) conditions.push(lt(auditLog.at, sql`${`${filter.to}T00:00:00+05:00`}::timestamptz + interval '1 day'`));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorEmail: auditLog.actorEmail,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        regionId: auditLog.regionId,
        before: auditLog.before,
        after: auditLog.after,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(count?.total ?? 0) };
}
