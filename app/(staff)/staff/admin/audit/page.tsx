import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { FormField, inputClass, primaryButtonClass } from '@/components/form-field';
import { getDb } from '@/db/client';
import { AUDIT_PAGE_SIZE, auditFilterSchema, searchAuditLog } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/guard';

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission('audit.view');
  const filter = auditFilterSchema.parse(await searchParams);
  const [t, format, { rows, total }] = await Promise.all([getTranslations('audit'), getFormatter(), searchAuditLog(getDb(), filter)]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageLink = (page: number) => {
    const query = new URLSearchParams(Object.entries({ ...filter, page: String(page) }).filter(([, v]) => v !== undefined) as [string, string][]);
    return `/staff/admin/audit?${query}`;
  };
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <form method="get" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6">
        <FormField id="action" label={t('action')}>
          <input id="action" name="action" defaultValue={filter.action} className={inputClass} />
        </FormField>
        <FormField id="entityType" label={t('entityType')}>
          <input id="entityType" name="entityType" defaultValue={filter.entityType} className={inputClass} />
        </FormField>
        <FormField id="actor" label={t('actor')}>
          <input id="actor" name="actor" defaultValue={filter.actor} className={inputClass} />
        </FormField>
        <FormField id="from" label={t('from')}>
          <input id="from" name="from" type="date" defaultValue={filter.from} className={inputClass} />
        </FormField>
        <FormField id="to" label={t('to')}>
          <input id="to" name="to" type="date" defaultValue={filter.to} className={inputClass} />
        </FormField>
        <div className="flex items-end">
          <button type="submit" className={primaryButtonClass}>
            {t('filter')}
          </button>
        </div>
      </form>
      <p className="text-sm text-slate-600" role="status">
        {t('found', { count: total })}
      </p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">{t('at')}</th>
              <th scope="col" className="px-3 py-2">{t('actor')}</th>
              <th scope="col" className="px-3 py-2">{t('action')}</th>
              <th scope="col" className="px-3 py-2">{t('entity')}</th>
              <th scope="col" className="px-3 py-2">{t('change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className="border-b align-top last:border-0">
                <td className="whitespace-nowrap px-3 py-2 tabular-nums">{format.dateTime(row.at, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                <td className="px-3 py-2">
                  {row.actorEmail ?? t('system')}
                  {row.actorRole && <span className="block text-xs text-slate-500">{row.actorRole}</span>}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
                <td className="px-3 py-2">
                  {row.entityType}
                  {row.entityId && ` #${row.entityId}`}
                </td>
                <td className="px-3 py-2">
                  {(row.before != null || row.after != null) && (
                    <details>
                      <summary className="cursor-pointer text-brand-700">{t('showChange')}</summary>
                      <pre className="mt-2 max-w-md overflow-x-auto whitespace-pre-wrap text-xs">
                        {JSON.stringify({ before: row.before, after: row.after }, null, 2)}
                      </pre>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label={t('pagination')} className="flex items-center gap-3 text-sm">
        {filter.page > 1 && <Link href={pageLink(filter.page - 1)} className="underline">{t('previous')}</Link>}
        <span>{t('pageOf', { page: filter.page, pages })}</span>
        {filter.page < pages && <Link href={pageLink(filter.page + 1)} className="underline">{t('next')}</Link>}
      </nav>
    </div>
  );
}
