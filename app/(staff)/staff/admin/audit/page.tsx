import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { FormField, inputClass, primaryButtonClass } from '@/components/form-field';
import { RowHeader, Table } from '@/components/table';
import { getDb } from '@/db/client';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionKey } from '@/lib/audit/events';
import { auditFieldKey, fieldChanges } from '@/lib/audit/present';
import { AUDIT_PAGE_SIZE, auditFilterSchema, searchAuditLog, type AuditFilter } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { listRegions } from '@/lib/overview/queries';
import { messageKey } from '@/lib/i18n/keys';

const filterQuery = (filter: AuditFilter, page?: number) =>
  new URLSearchParams(
    Object.entries({ ...filter, page: page === undefined ? undefined : String(page) })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, String(v)]),
  ).toString();

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('audit.view');
  const filter = auditFilterSchema.parse(await searchParams);
  const [t, format, locale, { rows, total }, regions] = await Promise.all([
    getTranslations(),
    getFormatter(),
    getLocale(),
    searchAuditLog(getDb(), filter),
    listRegions(getDb()),
  ]);
  const name = localizer(locale);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const fieldName = (field: string) => (t.has(messageKey(auditFieldKey(field))) ? t(messageKey(auditFieldKey(field))) : field);
  const words = (key: string, fallback: string) => (t.has(messageKey(key)) ? t(messageKey(key)) : fallback);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('audit.title')}</h1>
      <form method="get" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t('audit.filters')}>
        <FormField id="actor" label={t('audit.person')} hint={t('audit.personHint')}>
          <input id="actor" name="actor" defaultValue={filter.actor} aria-describedby="actor-hint" className={inputClass} />
        </FormField>
        <FormField id="action" label={t('audit.action')}>
          <select id="action" name="action" defaultValue={filter.action ?? ''} className={inputClass}>
            <option value="">{t('audit.anyAction')}</option>
            {Object.keys(AUDIT_ACTIONS).map((action) => (
              <option key={action} value={action}>
                {t(messageKey(auditActionKey(action)))}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="entityType" label={t('audit.entityType')}>
          <select id="entityType" name="entityType" defaultValue={filter.entityType ?? ''} className={inputClass}>
            <option value="">{t('audit.anyRecord')}</option>
            {AUDIT_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`audit.entityTypes.${type}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="entityId" label={t('audit.recordId')} hint={t('audit.recordIdHint')}>
          <input id="entityId" name="entityId" defaultValue={filter.entityId} inputMode="numeric" aria-describedby="entityId-hint" className={inputClass} />
        </FormField>
        <FormField id="regionId" label={t('audit.region')}>
          <select id="regionId" name="regionId" defaultValue={filter.regionId ?? ''} className={inputClass}>
            <option value="">{t('audit.anyRegion')}</option>
            {regions.map((region) => (
              <option key={region.id} value={region.id}>
                {name(region)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField id="from" label={t('audit.from')}>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={inputClass} />
        </FormField>
        <FormField id="to" label={t('audit.to')}>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={inputClass} />
        </FormField>
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" className={primaryButtonClass}>
            {t('audit.filter')}
          </button>
          <Link href="/staff/admin/audit" className="py-2 text-sm underline">
            {t('audit.clear')}
          </Link>
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600" role="status">
          {t('audit.found', { count: total })}
        </p>
        <a href={`/staff/admin/audit/export.csv?${filterQuery({ ...filter, page: 1 })}`} className="text-sm font-medium text-brand-700 underline" download>
          {t('audit.export')}
        </a>
      </div>
      <ol className="flex flex-col gap-3" aria-label={t('audit.entries')}>
        {rows.map((row) => {
          const changes = fieldChanges(row.before, row.after);
          return (
            <li key={row.id} className="rounded-xl border border-slate-200 bg-white p-3 text-sm" data-testid="audit-entry">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p className="font-semibold">
                  {words(auditActionKey(row.action), row.action)} <span className="ml-1 font-mono text-xs font-normal text-slate-500">{row.action}</span>
                </p>
                <p className="tabular-nums text-slate-600">{format.dateTime(row.at, 'dateTime')}</p>
              </div>
              <p className="mt-1 text-slate-700">
                {row.actorEmail ? (
                  <>
                    {row.actorName ?? row.actorEmail}
                    {row.actorName && <span className="text-slate-500"> · {row.actorEmail}</span>}
                    {row.actorRole && <span className="text-slate-500"> · {t(messageKey(`staff.roles.${row.actorRole}`))}</span>}
                  </>
                ) : (
                  t('audit.system')
                )}
                {' · '}
                {words(`audit.entityTypes.${row.entityType}`, row.entityType)}
                {row.entityId && ` #${row.entityId}`}
                {row.region && ` · ${name(row.region)}`}
              </p>
              {changes.length > 0 && (
                <Table
                  caption={t('audit.changeCaption')}
                  density="compact"
                  scroll="plain"
                  frame="mt-2"
                  className="text-xs"
                  columns={[t('audit.field'), t('audit.before'), t('audit.after')]}
                >
                  {changes.map((change) => (
                    <tr key={change.field} className="align-top">
                      <RowHeader>{fieldName(change.field)}</RowHeader>
                      <td className="break-words text-slate-600">{change.before ?? '—'}</td>
                      <td className="break-words">{change.after ?? '—'}</td>
                    </tr>
                  ))}
                </Table>
              )}
            </li>
          );
        })}
      </ol>
      <nav aria-label={t('audit.pagination')} className="flex items-center gap-3 text-sm">
        {filter.page > 1 && (
          <Link href={`/staff/admin/audit?${filterQuery(filter, filter.page - 1)}`} className="underline">
            {t('audit.previous')}
          </Link>
        )}
        <span>{t('audit.pageOf', { page: filter.page, pages })}</span>
        {filter.page < pages && (
          <Link href={`/staff/admin/audit?${filterQuery(filter, filter.page + 1)}`} className="underline">
            {t('audit.next')}
          </Link>
        )}
      </nav>
    </div>
  );
}
