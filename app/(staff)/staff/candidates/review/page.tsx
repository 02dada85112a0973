import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { listCandidates } from '@/lib/candidates/queries';
import { localized, type Locale } from '@/lib/i18n/config';
import { calendarDay } from '@/lib/i18n/formats';

/** Nominees waiting for a decision, by registration deadline (soonest first), then nomination date. */
export default async function CandidateReviewQueuePage() {
  const user = await requirePermission('candidate.decide');
  const [t, format, locale, queue] = await Promise.all([
    getTranslations('candidates'),
    getFormatter(),
    getLocale(),
    listCandidates(getDb(), { regionId: user.regionId, status: 'nominated' }, 'queue'),
  ]);
  const name = (record: { nameKk: string; nameRu: string; nameEn: string }) => localized(record, locale as Locale);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-brand-900">{t('reviewQueue')}</h1>
      {queue.length === 0 && <p className="text-slate-600">{t('queueEmpty')}</p>}
      <ol className="flex flex-col gap-2">
        {queue.map((candidate) => (
          <li key={candidate.id} className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-slate-200 bg-white p-3">
            <div>
              <Link href={`/staff/candidates/${candidate.id}`} className="font-semibold text-brand-700 underline">
                {candidate.fullName}
              </Link>
              <span className="block text-sm text-slate-600">
                {name(candidate.constituency)} · {candidate.party ? name(candidate.party) : t('routes.self')}
              </span>
            </div>
            <div className="text-right text-sm">
              <span className="block">
                {t('deadline', { date: format.dateTime(calendarDay(candidate.election.registrationDeadline), 'date') })}
              </span>
              <span className="block text-xs text-slate-600">
                {t('checksTally', { passed: candidate.checks.passed, failed: candidate.checks.failed, pending: candidate.checks.pending })}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
