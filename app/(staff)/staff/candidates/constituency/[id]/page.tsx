import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { calendarDay } from '@/lib/i18n/formats';
import { PageHeader, Section } from '@/components/section';
import { Num, numeric, RowHeader, Table } from '@/components/table';
import { BallotsPrintedForm, ElectedAkimForm } from '@/components/candidates/constituency-actions';
import { PhaseBadge } from '@/components/elections/phase-badge';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { todayInKazakhstan } from '@/lib/calendar';
import { akimActions } from '@/lib/candidates/elected';
import { constituencySheet } from '@/lib/candidates/queries';
import { checkBallotsPrinted } from '@/lib/candidates/transitions';
import { localizer } from '@/lib/i18n/config';

/** A constituency's candidates from the printed ballot to the end: struck lines, the elected akim's registration, the deposits. */
export default async function ConstituencyCandidatesPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('candidate.view');
  const id = Number((await params).id);
  const sheet = Number.isInteger(id) && id > 0 ? await constituencySheet(getDb(), id) : null;
  if (!sheet) notFound();
  await requirePermission('candidate.view', sheet.constituency.regionId);
  const [t, format, locale] = await Promise.all([getTranslations('candidates'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  const date = (value: string | null) => (value ? format.dateTime(calendarDay(value), 'date') : '—');
  const { constituency, election, result, akim } = sheet;
  const printing = checkBallotsPrinted({ ...constituency, election }, user);
  const akimAllowed = akimActions(sheet.akimState, user);
  const official = constituency.resultsStatus === 'official';
  const nameOf = (candidateId: number | null) => sheet.ballot.find((line) => line.id === candidateId)?.fullName ?? '—';
  const winner = akimAllowed.register.ok ? { id: akimAllowed.register.candidateId, name: nameOf(akimAllowed.register.candidateId) } : null;
  const refundsDue = sheet.deposits.filter((line) => line.settlement === 'refund');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader back={{ href: `/staff/candidates?election=${election.id}`, label: t('title') }} title={name(constituency)}>
        <p className="flex flex-wrap items-center gap-2 text-slate-600">
          {name(election)} <PhaseBadge phase={election.phase} />
        </p>
      </PageHeader>

      <Section headingId="ballot-heading" title={t('constituencySheet.ballot')} variant="stack">
        <p className="text-sm text-slate-700" data-testid="ballots-printed">
          {constituency.ballotsPrintedOn
            ? t('constituencySheet.printedNote', { date: date(constituency.ballotsPrintedOn) })
            : t('constituencySheet.notPrinted')}
        </p>
        {sheet.ballot.length === 0 ? (
          <p className="text-slate-600">{t('none')}</p>
        ) : (
          <ol className="flex flex-col gap-1" data-testid="ballot-lines">
            {sheet.ballot.map((line) => (
              <li key={line.id} className="text-sm">
                <span className="tabular-nums">{line.ballotOrder}.</span>{' '}
                <Link href={`/staff/candidates/${line.id}`} className="text-brand-700 underline">
                  {line.struck ? <s>{line.fullName}</s> : line.fullName}
                </Link>
                {line.party && ` · ${name(line.party)}`}
                {line.struck && ` · ${t(`statuses.${line.status}`)}`}
              </li>
            ))}
          </ol>
        )}
        {printing.ok && <BallotsPrintedForm constituencyId={constituency.id} today={todayInKazakhstan()} />}
      </Section>

      <Section headingId="akim-heading" title={t('akim.title')} variant="stack">
        {!official && <p className="text-sm text-slate-700">{t('akim.waitingForResults')}</p>}
        {official && akim && (
          <p role="note" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm" data-testid="akim-record">
            {akim.outcome === 'registered'
              ? t('akim.registeredNote', { name: nameOf(akim.candidateId), number: akim.decisionNumber, date: date(akim.decisionDate), by: akim.recordedBy })
              : t('akim.repeatNote', { number: akim.decisionNumber, date: date(akim.decisionDate), by: akim.recordedBy })}
            {akim.reason && ` ${akim.reason}`}
          </p>
        )}
        {official && !akim && (
          <p className="text-sm text-slate-700">
            {result.outcome.status === 'elected'
              ? t('akim.elected', { name: nameOf(result.outcome.candidateId), date: date(election.akimRegistrationDeadline) })
              : t('akim.noWinner')}
          </p>
        )}
        {(akimAllowed.register.ok || akimAllowed.repeatElection.ok) && (
          <ElectedAkimForm
            constituencyId={constituency.id}
            winner={winner}
            repeatElection={akimAllowed.repeatElection.ok}
            deadline={date(election.akimRegistrationDeadline)}
          />
        )}
      </Section>

      <Section headingId="deposits-heading" title={t('deposit.report')} variant="stack">
        <p className="text-sm text-slate-700" data-testid="deposit-summary">
          {official
            ? t('deposit.summary', {
                due: refundsDue.length,
                recorded: refundsDue.filter((line) => line.refundedOn).length,
                threshold: election.depositRefundThresholdBp / 100,
              })
            : t('deposit.afterResults')}
        </p>
        <Table
          testId="deposit-report"
          caption={t('deposit.report')}
          density="compact"
          scroll="plain"
          columns={[t('fullName'), t('status'), ...numeric(t('depositAmount'), t('deposit.share')), t('deposit.settlement'), t('deposit.refundedOn')]}
        >
          {sheet.deposits.map((line) => (
            <tr key={line.id}>
              <RowHeader className="font-normal">
                <Link href={`/staff/candidates/${line.id}`} className="text-brand-700 underline">
                  {line.fullName}
                </Link>
              </RowHeader>
              <td>{t(`statuses.${line.status}`)}</td>
              <Num>{line.depositPaidOn ? format.number(line.depositAmount) : '—'}</Num>
              <Num>{line.share === null ? '—' : format.number(line.share, { style: 'percent', maximumFractionDigits: 2 })}</Num>
              <td>{line.settlement ? t(`deposit.settlements.${line.settlement}`) : '—'}</td>
              <td>{date(line.refundedOn)}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </div>
  );
}
