import 'server-only';
import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { auditLog, regions, users } from '@/db/schema';
import { containsPattern } from '@/lib/search';
import { AUDIT_ENTITY_TYPES, isAuditAction } from './events';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.trim() : undefined), z.string().max(200).optional());
const optionalDate = z.preprocess((v) => (typeof v === 'string' && v ? v : undefined), z.iso.date().optional());
const optionalId = z.preprocess((v) => (typeof v === 'string' && v ? v : undefined), z.coerce.number().int().positive().optional());

/** Filters of the audit log screen and its CSV export, read from the query string; bad values are dropped, not fatal. */
export const auditFilterSchema = z.object({
  /** A person: part of their e-mail or name. */
  actor: optionalText.catch(undefined),
  action: optionalText.refine((v) => v === undefined || isAuditAction(v)).catch(undefined),
  entityType: optionalText.refine((v) => v === undefined || (AUDIT_ENTITY_TYPES as string[]).includes(v)).catch(undefined),
  /** A record: its id, together with its type. */
  entityId: optionalText.catch(undefined),
  regionId: optionalId.catch(undefined),
  from: optionalDate.catch(undefined),
  to: optionalDate.catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const AUDIT_PAGE_SIZE = 50;
/** The export stops here; narrow the filter for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export type AuditRow = {
  id: number;
  at: Date;
  actorEmail: string | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  /** Text as stored: older rows may name a type no command writes any more. */
  entityType: string;
  entityId: string | null;
  region: { code: string; nameKk: string; nameRu: string; nameEn: string } | null;
  before: unknown;
  after: unknown;
};

function conditionsOf(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.actor) conditions.push(or(ilike(auditLog.actorEmail, containsPattern(filter.actor)), ilike(users.fullName, containsPattern(filter.actor)))!);
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.regionId) conditions.push(eq(auditLog.regionId, filter.regionId));
  // Days are Kazakhstan's calendar days (UTC+5), as the dates on every screen.
  if (filter.from) conditions.push(gte(auditLog.at, new Date(`${filter.from}T00:00:00+05:00`)));
  if (filter.to) conditions.push(lt(auditLog.at, sql`${`${filter.to}T00:00:00+05:00`}::timestamptz + interval '1 day'`));
  return conditions.length ? and(...conditions) : undefined;
}

const selectRows = (db: Queryable, where: SQL | undefined) =>
  db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: auditLog.actorEmail,
      actorName: users.fullName,
      actorRole: auditLog.actorRole,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      regionCode: regions.code,
      regionKk: regions.nameKk,
      regionRu: regions.nameRu,
      regionEn: regions.nameEn,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(regions, eq(regions.id, auditLog.regionId))
    .where(where)
    .orderBy(desc(auditLog.id));

type SelectedRow = Awaited<ReturnType<typeof selectRows>>[number];
const toAuditRow = ({ regionCode, regionKk, regionRu, regionEn, ...row }: SelectedRow): AuditRow => ({
  ...row,
  region: regionCode ? { code: regionCode, nameKk: regionKk!, nameRu: regionRu!, nameEn: regionEn! } : null,
});

export async function searchAuditLog(db: Queryable, filter: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const where = conditionsOf(filter);
  const [rows, [count]] = await Promise.all([
    selectRows(db, where)
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where),
  ]);
  return { rows: rows.map(toAuditRow), total: Number(count?.total ?? 0) };
}

/** Every row the filter matches (newest first, up to AUDIT_EXPORT_LIMIT), for the CSV export. */
export async function exportAuditLog(db: Queryable, filter: AuditFilter): Promise<AuditRow[]> {
  return (await selectRows(db, conditionsOf(filter)).limit(AUDIT_EXPORT_LIMIT)).map(toAuditRow);
}
