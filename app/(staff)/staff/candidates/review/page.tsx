import Link from 'next/link';
import type { ReactNode } from 'react';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { reviewQueue, type QueueItem } from '@/lib/candidates/queries';
import { availableActions } from '@/lib/candidates/transitions';
import { REGISTRATION_CLOSES_AT } from '@/lib/elections/calendar';
import { localizer } from '@/lib/i18n/config';
import { calendarDay } from '@/lib/i18n/formats';

/**
 * The reviewer's queue: nominations waiting for the commission's decision (by registration
 * deadline, then nomination date) and proposals to cancel a registration. Whether the viewer may
 * record each decision comes from the candidate transition rules, as on the candidate page.
 */
export default async function CandidateReviewQueuePage() {
  const user = await requirePermission('candidate.decide');
  const [t, format, locale, queue] = await Promise.all([getTranslations('candidates'), getFormatter(), getLocale(), reviewQueue(getDb(), user.regionId)]);
  const name = localizer(locale);
  const day = (date: string) => format.dateTime(calendarDay(date), 'date');
  const item = (candidate: QueueItem, detail: string, mayDecide: boolean) => (
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
        <span className="block">{detail}</span>
        {!mayDecide && <span className="block text-xs text-slate-600">{t('queueAnotherReviewer')}</span>}
      </div>
    </li>
  );
  const section = (id: string, title: string, empty: string, items: ReactNode[]) => (
    <section aria-labelledby={`${id}-heading`} className="flex flex-col gap-2">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {items.length === 0 ? <p className="text-slate-600">{empty}</p> : <ol className="flex flex-col gap-2">{items}</ol>}
    </section>
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('reviewQueue')}</h1>
      {section(
        'nominations',
        t('queueNominations'),
        t('queueEmpty'),
        queue.nominations.map((candidate) => {
          const actions = availableActions(candidate.state, user);
          const detail = `${t('deadline', { date: `${day(candidate.election.registrationDeadline)} ${REGISTRATION_CLOSES_AT}` })} · ${t('checksTally', candidate.checks)}`;
          return item(candidate, detail, actions.register.ok || actions.refuse.ok);
        }),
      )}
      {section(
        'cancellations',
        t('queueCancellations'),
        t('queueNoCancellations'),
        queue.cancellations.map((candidate) =>
          item(
            candidate,
            t('cancellation.queueLine', { ground: t(`cancellationGrounds.${candidate.proposal!.ground}`), name: candidate.proposal!.proposedBy }),
            availableActions(candidate.state, user).decideCancellation.ok,
          ),
        ),
      )}
    </div>
  );
}
