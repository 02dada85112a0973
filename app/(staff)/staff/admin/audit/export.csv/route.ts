import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { auditActionKey } from '@/lib/audit/events';
import { auditFieldKey, fieldChanges } from '@/lib/audit/present';
import { auditFilterSchema, exportAuditLog } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/guard';
import { csvDocument } from '@/lib/csv';
import { localizer } from '@/lib/i18n/config';
import { messageKey } from '@/lib/i18n/keys';

const COLUMNS = ['id', 'time', 'user_email', 'user_name', 'user_role', 'action', 'action_words', 'record_type', 'record_id', 'region', 'changes'];

/**
 * The audit log as the screen filters it, as CSV: UTF-8 with a byte-order mark (Excel reads the
 * Cyrillic correctly), times in ISO 8601 with the offset, text cells that look like formulas
 * neutralised (lib/csv.ts), changes written field by field ("field: before → after").
 */
export async function GET(request: Request) {
  await requirePermission('audit.view');
  const filter = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [t, locale, rows] = await Promise.all([getTranslations(), getLocale(), exportAuditLog(getDb(), filter)]);
  const name = localizer(locale);
  const words = (key: string, fallback: string) => (t.has(messageKey(key)) ? t(messageKey(key)) : fallback);
  const csv = csvDocument(
    COLUMNS,
    rows.map((row) => [
      row.id,
      row.at.toISOString(),
      row.actorEmail,
      row.actorName,
      row.actorRole,
      row.action,
      words(auditActionKey(row.action), row.action),
      row.entityType,
      row.entityId,
      row.region ? name(row.region) : null,
      fieldChanges(row.before, row.after)
        .map((change) => `${words(auditFieldKey(change.field), change.field)}: ${change.before ?? '—'} → ${change.after ?? '—'}`)
        .join('\n'),
    ]),
  );
  return new Response(csv, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="audit-log.csv"', 'Cache-Control': 'private, no-store' },
  });
}
