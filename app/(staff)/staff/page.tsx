import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PhaseBadge } from '@/components/elections/phase-badge';
import { Stat } from '@/components/stat';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { nowInKazakhstan } from '@/lib/calendar';
import { deadlineInstant, nextLegalDeadline, timeLeft } from '@/lib/elections/deadlines';
import { localizer } from '@/lib/i18n/config';
import { calendarDay } from '@/lib/i18n/formats';
import { electionSummaries } from '@/lib/overview/queries';

export default async function StaffDashboardPage() {
  const user = await requirePermission('staff.view');
  const [t, format, locale, summaries] = await Promise.all([
    getTranslations('staff.dashboard'),
    getFormatter(),
    getLocale(),
    electionSummaries(getDb(), user.regionId),
  ]);
  const name = localizer(locale);
  const n = (value: number) => format.number(value);
  const now = new Date();
  const day = (date: string) => format.dateTime(calendarDay(date), 'date');
  /** The next legal deadline of this user's own work in an election, and the time left (Kazakhstan time). */
  const nextDeadlineLine = (calendar: Parameters<typeof nextLegalDeadline>[0]) => {
    const deadline = nextLegalDeadline(calendar, (permission) => hasPermission(user, permission), nowInKazakhstan(now));
    if (!deadline) return null;
    return (
      <p className="mt-2 text-sm" data-testid="next-deadline">
        {t('nextDeadline', { what: t(`deadlines.${deadline.kind}`), date: day(deadline.date), time: deadline.time ?? '24:00' })}{' '}
        <span className="font-semibold">{t('timeLeft', timeLeft(now, deadlineInstant(deadline)))}</span>
      </p>
    );
  };
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        <p className="text-slate-600">{t('welcome', { name: user.fullName })}</p>
        {user.regionCode && (
          <Link href={`/staff/regions/${user.regionCode}`} className="text-sm font-medium text-brand-700 underline">
            {t('myRegion')}
          </Link>
        )}
      </div>
      {summaries.map((election) => {
        // Each figure opens the list or queue it counts, for this election.
        const lists = `/staff/lists#lists-${election.id}`;
        const candidates = `/staff/candidates?election=${election.slug}`;
        const protocols = `/staff/protocols?election=${election.slug}`;
        return (
          <section key={election.id} aria-labelledby={`election-${election.id}`} className="rounded-xl border border-slate-200 bg-white p-5">
            <div className="flex flex-wrap items-center gap-2">
              <h2 id={`election-${election.id}`} className="text-lg font-semibold">
                {name(election)}
              </h2>
              <PhaseBadge phase={election.phase} />
            </div>
            {nextDeadlineLine(election.calendar)}
            <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-500">{t('lists')}</h3>
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label={t('constituencies')} value={n(election.constituencies)} href={lists} />
              <Stat label={t('listDrafts')} value={n(election.listRevisions.draft + election.listRevisions.returned)} href={lists} />
              <Stat label={t('listsSubmitted')} value={n(election.listRevisions.submitted)} href="/staff/lists/review" />
            </dl>
            <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-500">{t('candidates')}</h3>
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
              <Stat label={t('nominationsWaiting')} value={n(election.candidates.nominated)} href="/staff/candidates/review" />
              <Stat label={t('registered')} value={n(election.candidates.registered)} href={candidates} />
              <Stat label={t('onBallot')} value={n(election.candidates.onBallot)} href={candidates} />
              <Stat label={t('refused')} value={n(election.candidates.refused)} href={candidates} />
              <Stat label={t('withdrawn')} value={n(election.candidates.withdrawn)} href={candidates} />
              <Stat label={t('cancelled')} value={n(election.candidates.cancelled)} href={candidates} />
            </dl>
            <h3 className="mt-4 text-sm font-semibold uppercase tracking-wide text-slate-500">{t('protocols')}</h3>
            <dl className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-5">
              <Stat label={t('protocolsMissing')} value={n(election.protocols.missing)} href={protocols} />
              <Stat label={t('protocolsEnteredOnce')} value={n(election.protocols.enteredOnce)} href={protocols} />
              <Stat label={t('protocolsAwaitingReview')} value={n(election.protocols.awaitingReview)} href={protocols} />
              <Stat label={t('protocolsMismatch')} value={n(election.protocols.mismatch)} href={protocols} />
              <Stat label={t('protocolsApproved')} value={n(election.protocols.approved)} href={protocols} />
            </dl>
          </section>
        );
      })}
    </div>
  );
}
