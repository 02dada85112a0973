import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import {
  CancellationDecisionPanel,
  CancellationProposalForm,
  DecisionPanel,
  DepositRefundForm,
  DocumentsForm,
  WithdrawalForm,
} from '@/components/candidates/candidate-actions';
import { Checklist } from '@/components/candidates/checklist';
import { PageHeader, Section } from '@/components/section';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { candidateDetail, loadCandidateState } from '@/lib/candidates/queries';
import { availableActions, type Refusal } from '@/lib/candidates/transitions';
import { lastWithdrawalDay } from '@/lib/elections/calendar';
import { localizer } from '@/lib/i18n/config';
import { calendarDay, withCalendarDays } from '@/lib/i18n/formats';

export default async function CandidatePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('candidate.view');
  const id = Number((await params).id);
  const db = getDb();
  const candidate = Number.isInteger(id) && id > 0 ? await candidateDetail(db, id) : null;
  if (!candidate) notFound();
  await requirePermission('candidate.view', candidate.constituency.regionId);
  const [state, t, tAll, format, locale] = await Promise.all([
    loadCandidateState(db, id, { withSettlement: candidate.constituency.resultsStatus === 'official' }),
    getTranslations('candidates'),
    getTranslations(),
    getFormatter(),
    getLocale(),
  ]);
  const name = localizer(locale);
  if (!state) notFound();
  const actions = availableActions(state, user);
  const ref = { candidateId: candidate.id, lockVersion: candidate.lockVersion };
  const reason = (refusal: Refusal) => tAll(refusal.reason, withCalendarDays(refusal.values));
  const date = (value: string | null) => (value ? format.dateTime(calendarDay(value), 'date') : '—');
  const facts: [string, string][] = [
    [t('iin'), candidate.iin],
    [t('birthDate'), `${date(candidate.birthDate)} (${t('ageOnVotingDay', { age: candidate.age })})`],
    [t('sex'), t(`sexes.${candidate.sex}`)],
    [t('education'), candidate.education],
    [t('currentPosition'), candidate.currentPosition || '—'],
    [t('route'), candidate.party ? `${t('routes.party')}: ${name(candidate.party)}` : t('routes.self')],
    [t('constituency'), name(candidate.constituency)],
    [t('nominatedOn'), `${date(candidate.nominatedOn)} · ${t('enteredBy', { name: candidate.enteredBy })}`],
    [t('depositAmount'), candidate.depositPaidOn ? `${format.number(candidate.depositAmount)} ₸ · ${date(candidate.depositPaidOn)}` : '—'],
  ];
  if (candidate.nominationRoute === 'self') facts.push([t('supportingSignatures'), format.number(candidate.supportingSignatures ?? 0)]);
  const decision = candidate.decisionNumber ? { number: candidate.decisionNumber, date: date(candidate.decisionDate), name: candidate.decidedBy ?? '—' } : null;
  const registeredEver = candidate.decidedAt !== null && candidate.status !== 'refused';
  const cancelled = candidate.cancellations.find((c) => c.status === 'cancelled');
  const pending = candidate.cancellations.find((c) => c.status === 'proposed');
  const withdrawalClosed = !actions.withdraw.ok && actions.withdraw.reason === 'candidates.errors.withdrawalClosed';
  return (
    <div className="flex flex-col gap-6">
      <PageHeader back={{ href: '/staff/candidates', label: t('title') }} title={candidate.fullName}>
        <p className="text-slate-600">
          {name(candidate.election)} · <span data-testid="candidate-status">{t(`statuses.${candidate.status}`)}</span>
          {candidate.ballotOrder && ` · ${t(candidate.status === 'registered' ? 'ballotOrder' : 'struckBallotLine', { number: candidate.ballotOrder })}`}
        </p>
        <Link href={`/staff/candidates/constituency/${candidate.constituency.id}`} className="text-sm text-brand-700 underline">
          {t('constituencySheet.link', { name: name(candidate.constituency) })}
        </Link>
      </PageHeader>
      <dl className="grid gap-x-6 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {registeredEver && decision && (
        <p role="note" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm">
          {t('registeredNote', decision)}
        </p>
      )}
      {candidate.status === 'refused' && (
        <p role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm">
          {t('refusedNote', {
            ground: t(`grounds.${candidate.refusalGround ?? 'other'}`),
            name: candidate.decidedBy ?? '—',
            number: decision?.number ?? '—',
            date: decision?.date ?? '—',
          })}{' '}
          {candidate.decisionNote}
        </p>
      )}
      {candidate.status === 'withdrawn' && (
        <p role="note" className="rounded-md border border-slate-300 bg-slate-100 p-3 text-sm">
          {t('withdrawnNote', { by: t(`withdrawal.by_${candidate.withdrawnBy ?? 'candidate'}`), date: date(candidate.withdrawnOn) })}
        </p>
      )}
      {cancelled && (
        <p role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm" data-testid="cancellation-note">
          {t('cancelledNote', {
            ground: t(`cancellationGrounds.${cancelled.ground}`),
            number: cancelled.decisionNumber ?? '—',
            date: date(cancelled.decisionDate),
            name: cancelled.decidedBy ?? '—',
          })}{' '}
          {cancelled.explanation}
        </p>
      )}
      <section aria-labelledby="checklist-heading" className="flex flex-col gap-2">
        <h2 id="checklist-heading" className="text-xl font-semibold">
          {t('checklist')}
        </h2>
        <Checklist checks={candidate.checks} attest={actions.attest.ok ? ref : null} />
      </section>
      {(actions.register.ok || actions.refuse.ok) && (
        <DecisionPanel candidateRef={ref} canRegister={actions.register.ok} grounds={actions.refuse.ok ? actions.refuse.grounds : []} />
      )}
      {!actions.refuse.ok && actions.refuse.reason === 'candidates.errors.ownNomination' && (
        <p className="text-sm text-slate-700">{t('decision.ownNomination')}</p>
      )}
      {actions.updateDocuments.ok && (
        <Section headingId="documents-heading" title={t('documents.title')}>
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
        </Section>
      )}
      {(actions.withdraw.ok || withdrawalClosed) && (
        <Section headingId="withdrawal-heading" title={t('withdrawal.title')}>
          {actions.withdraw.ok ? (
            <WithdrawalForm
              candidateRef={ref}
              partyNominee={candidate.nominationRoute === 'party'}
              today={state.today}
              lastDay={lastWithdrawalDay(state.election)}
            />
          ) : (
            <p role="note" className="text-sm">
              {reason(actions.withdraw)}
            </p>
          )}
        </Section>
      )}
      {(actions.proposeCancellation.ok || pending) && (
        <Section headingId="cancellation-heading" title={t('cancellation.title')}>
          {pending && (
            <p role="note" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="cancellation-proposal">
              {t('cancellation.pendingNote', { ground: t(`cancellationGrounds.${pending.ground}`), name: pending.proposedBy })} {pending.explanation}
            </p>
          )}
          {actions.proposeCancellation.ok && <CancellationProposalForm candidateRef={ref} />}
          {actions.decideCancellation.ok && <CancellationDecisionPanel candidateRef={ref} />}
          {!actions.decideCancellation.ok && actions.decideCancellation.reason === 'candidates.errors.ownCancellationProposal' && (
            <p className="text-sm text-slate-700">{t('errors.ownCancellationProposal')}</p>
          )}
        </Section>
      )}
      {candidate.cancellations.some((c) => c.status === 'dismissed') && (
        <ul className="text-sm text-slate-700">
          {candidate.cancellations
            .filter((c) => c.status === 'dismissed')
            .map((c, index) => (
              <li key={index}>
                {t('cancellation.dismissedNote', { ground: t(`cancellationGrounds.${c.ground}`), name: c.decidedBy ?? '—', reason: c.dismissalReason ?? '' })}
              </li>
            ))}
        </ul>
      )}
      {state.depositSettlement !== null && state.depositSettlement !== 'none' && (
        <section aria-labelledby="deposit-heading" className="rounded-xl border border-slate-200 bg-white p-4" data-testid="deposit-settlement">
          <h2 id="deposit-heading" className="mb-3 text-lg font-semibold">
            {t('deposit.title')}
          </h2>
          <p className="text-sm">
            {t(`deposit.settlements.${state.depositSettlement}`)}
            {candidate.depositRefundedOn && ` ${t('deposit.refundedNote', { date: date(candidate.depositRefundedOn) })}`}
          </p>
          {actions.recordDepositRefund.ok && <DepositRefundForm candidateRef={ref} today={state.today} />}
        </section>
      )}
    </div>
  );
}
