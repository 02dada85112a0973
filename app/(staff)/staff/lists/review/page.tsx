import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ChangesView } from '@/components/lists/list-views';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { reviewQueue } from '@/lib/constituency-lists/queries';
import { localizer } from '@/lib/i18n/config';

export default async function ListReviewQueuePage() {
  const user = await requirePermission('constituencyList.review');
  const [t, format, locale, queue] = await Promise.all([getTranslations('lists'), getFormatter(), getLocale(), reviewQueue(getDb(), user.regionId)]);
  const name = localizer(locale);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('reviewQueue')}</h1>
      {queue.length === 0 && <p className="text-slate-600">{t('queueEmpty')}</p>}
      <ol className="flex flex-col gap-3">
        {queue.map((item) => (
          <li key={item.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link href={`/staff/lists/${item.electionId}/${item.region.code}`} className="text-lg font-semibold text-brand-700 underline">
                {name(item.region)} · {t('revisionNo', { number: item.revisionNo })}
              </Link>
              <span className="text-sm text-slate-600">
                {t('submittedAt', {
                  name: item.submittedBy ?? '—',
                  date: item.submittedAt ? format.dateTime(item.submittedAt, 'dateTime') : '—',
                })}
              </span>
            </div>
            <p className="text-sm text-slate-600">{name(item.electionName)}</p>
            <p className="mt-2 text-sm">
              {t('totals', {
                constituencies: item.totals.constituencies,
                precincts: item.totals.precincts,
                voters: item.totals.voters,
              })}
            </p>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-brand-700">{t('changesCount', { count: item.changes.length })}</summary>
              <ChangesView changes={item.changes} />
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
