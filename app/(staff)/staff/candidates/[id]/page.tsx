import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { DecisionPanel, DocumentsForm, WithdrawalForm } from '@/components/candidates/candidate-actions';
import { Checklist } from '@/components/candidates/checklist';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { allChecksPassed } from '@/lib/candidates/eligibility';
import { candidateDetail } from '@/lib/candidates/queries';
import { localized, type Locale } from '@/lib/i18n/config';
import { calendarDay } from '@/lib/i18n/formats';

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const candidate = Number.isInteger(id) && id > 0 ? await candidateDetail(getDb(), id) : null;
  if (!candidate) notFound();
  const user = await requirePermission('candidate.view', candidate.constituency.regionId);
  const [t, format, locale] = await Promise.all([getTranslations('candidates'), getFormatter(), getLocale()]);
  const ref = { candidateId: candidate.id, lockVersion: candidate.lockVersion };
  const open = candidate.status === 'nominated';
  const ownNomination = candidate.enteredById === user.id;
  const date = (value: string | null) => (value ? format.dateTime(calendarDay(value), 'date') : '—');
  const facts: [string, string][] = [
    [t('iin'), candidate.iin],
    [t('birthDate'), `${date(candidate.birthDate)} (${t('ageOnVotingDay', { age: candidate.age })})`],
    [t('sex'), t(`sexes.${candidate.sex}`)],
    [t('education'), candidate.education],
    [t('currentPosition'), candidate.currentPosition || '—'],
    [t('route'), candidate.party ? `${t('routes.party')}: ${localized(candidate.party, locale as Locale)}` : t('routes.self')],
    [t('constituency'), localized(candidate.constituency, locale as Locale)],
    [t('nominatedOn'), `${date(candidate.nominatedOn)} · ${t('enteredBy', { name: candidate.enteredBy })}`],
    [t('depositAmount'), candidate.depositPaidOn ? `${format.number(candidate.depositAmount)} ₸ · ${date(candidate.depositPaidOn)}` : '—'],
  ];
  if (candidate.nominationRoute === 'self') facts.push([t('supportingSignatures'), format.number(candidate.supportingSignatures ?? 0)]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/staff/candidates" className="text-sm text-brand-700 underline">
          ← {t('title')}
        </Link>
        <h1 className="mt-1 text-2xl font-bold text-brand-900">{candidate.fullName}</h1>
        <p className="text-slate-600">
          {localized(candidate.election, locale as Locale)} · <span data-testid="candidate-status">{t(`statuses.${candidate.status}`)}</span>
          {candidate.ballotOrder && ` · ${t('ballotOrder', { number: candidate.ballotOrder })}`}
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {candidate.status === 'refused' && (
        <p role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          {t('refusedNote', { ground: t(`grounds.${candidate.refusalGround ?? 'other'}`), name: candidate.decidedBy ?? '—' })} {candidate.decisionNote}
        </p>
      )}
      {candidate.status === 'withdrawn' && (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm">
          {t('withdrawnNote', { by: t(`withdrawal.by_${candidate.withdrawnBy ?? 'candidate'}`), date: date(candidate.withdrawnOn) })}
        </p>
      )}
      <section aria-labelledby="checklist-heading" className="flex flex-col gap-2">
        <h2 id="checklist-heading" className="text-xl font-semibold">
          {t('checklist')}
        </h2>
        <Checklist checks={candidate.checks} attest={open && hasPermission(user, 'candidate.attest') ? ref : null} />
      </section>
      {open && hasPermission(user, 'candidate.decide') &&
        (ownNomination ? (
          <p className="text-sm text-slate-700">{t('decision.ownNomination')}</p>
        ) : (
          <DecisionPanel candidateRef={ref} canRegister={allChecksPassed(candidate.checks)} />
        ))}
      {open && hasPermission(user, 'candidate.nominate') && (
        <section aria-labelledby="documents-heading" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="documents-heading" className="mb-3 text-lg font-semibold">
            {t('documents.title')}
          </h2>
          <DocumentsForm
            candidateRef={ref}
            selfNominated={candidate.nominationRoute === 'self'}
            documents={{
              applicationReceived: candidate.applicationReceived,
              assetDeclarationsReceived: candidate.assetDeclarationsReceived,
              depositAmount: candidate.depositAmount,
              depositPaidOn: candidate.depositPaidOn,
              supportingSignatures: candidate.supportingSignatures,
            }}
          />
        </section>
      )}
      {(open || candidate.status === 'registered') && hasPermission(user, 'candidate.withdraw') && (
        <section aria-labelledby="withdrawal-heading" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="withdrawal-heading" className="mb-3 text-lg font-semibold">
            {t('withdrawal.title')}
          </h2>
          <WithdrawalForm candidateRef={ref} partyNominee={candidate.nominationRoute === 'party'} />
        </section>
      )}
    </div>
  );
}
