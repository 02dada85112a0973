import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Section } from '@/components/section';
import { FiguresTable } from '@/components/protocols/figures-table';
import { ApproveProtocolButton, ReturnProtocolForm } from '@/components/protocols/protocol-buttons';
import { ProtocolForm } from '@/components/protocols/protocol-form';
import { ProtocolStatusBadge } from '@/components/protocols/status-badge';
import { WorkClosedNote } from '@/components/elections/work-closed-note';
import { BesidePaper, PrecinctImages } from '@/components/protocol-images/precinct-images';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { isWorkOpen } from '@/lib/elections/phase';
import { findElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { precinctScans } from '@/lib/protocol-images/queries';
import { nextPrecinctFor, protocolSheet } from '@/lib/protocols/queries';
import { differingFields, SIGNATURE_KEYS } from '@/lib/protocols/definition';
import { availableActions } from '@/lib/protocols/transitions';
import { ProtocolScreening } from './protocol-screening';

export default async function PrecinctProtocolPage({ params }: { params: Promise<{ id: string }> }) {
  const precinctId = Number((await params).id);
  if (!Number.isInteger(precinctId) || precinctId <= 0) notFound();
  const db = getDb();
  // The sheet is shaped for this viewer (blind entry) and rendered only after the region check below.
  const user = await requirePermission('protocol.view');
  const sheet = await protocolSheet(db, precinctId, user);
  if (!sheet) notFound();
  await requirePermission('protocol.view', sheet.constituency.regionId);
  const [t, format, locale, next, election, scans] = await Promise.all([
    getTranslations('protocols'),
    getFormatter(),
    getLocale(),
    nextPrecinctFor(db, user, sheet.election.id),
    findElection(db, sheet.election.id),
    precinctScans(db, precinctId, 'staff'),
  ]);
  const name = localizer(locale);
  const { protocol } = sheet;
  // Struck lines (candidates removed after printing) take no votes: the form and its tables show the others.
  const candidates = sheet.candidates.filter((candidate) => !candidate.struck);
  // Official results are locked; outside voting and counting there is nothing to enter yet (or any more).
  const official = sheet.constituency.resultsStatus === 'official';
  const closed = official || !isWorkOpen('protocols', election!.phase);
  const current = sheet.versions.find((v) => v.versionNo === protocol?.currentVersionNo);
  const copy = (kind: 'first' | 'second' | 'resolution') => current?.entries.find((e) => e.kind === kind);
  // Typing a copy (not resolving a mismatch) is what bars a reviewer from deciding a version.
  // An operator sees only their own copies under entry (blind entry): enough, since the rules only ask whether the viewer typed one.
  const typedBy = current?.entries.filter((e) => e.kind !== 'resolution').map((e) => e.enteredById) ?? [];
  const typedByViewer = typedBy.includes(user.id);
  const approvedEntry = sheet.versions.flatMap((v) => v.entries).find((e) => e.id === protocol?.approvedEntryId);
  const status = protocol?.status ?? 'missing';
  const actions = availableActions(
    { regionId: sheet.constituency.regionId, status, typedBy, resultsStatus: sheet.constituency.resultsStatus, election: election! },
    user,
  );
  const [canEnter, canResolve, canApprove, canReturn, canCorrect] = (['enter', 'resolve', 'approve', 'return', 'correct'] as const).map(
    (action) => actions[action].ok,
  );
  const latestScan = scans[0];
  const image = latestScan ? 'attached' : election!.protocolImageRequired ? 'required' : 'missing';
  const formProps = {
    votersOnList: sheet.precinct.votersOnList,
    candidates,
    againstAllOnBallot: sheet.election.againstAllOnBallot,
    electionKind: sheet.election.kind,
    votingDay: sheet.election.votingDay,
    votersGrowthWarnBp: sheet.election.votersGrowthWarnBp,
  };
  const tableProps = { votersOnList: sheet.precinct.votersOnList, candidates, againstAllOnBallot: sheet.election.againstAllOnBallot };
  // Copies converted from the earlier form have no signatures: a reviewer types them from the paper.
  const disputedFields = (first: NonNullable<ReturnType<typeof copy>>, second: NonNullable<ReturnType<typeof copy>>) => [
    ...new Set([...differingFields(first.figures, second.figures), ...(first.figures.signatures ? [] : SIGNATURE_KEYS)]),
  ];
  const date = (value: Date | null) => (value ? format.dateTime(value, 'dateTime') : '—');

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/staff/protocols/constituency/${sheet.constituency.id}`} className="text-sm text-brand-700 underline">
          ← {name(sheet.constituency)}
        </Link>
        <h1 className="mt-1 flex flex-wrap items-center gap-3 text-2xl font-bold text-brand-900">
          {t('precinctTitle', { number: sheet.precinct.number })} <ProtocolStatusBadge status={status} />
        </h1>
        <p className="text-slate-600">
          {sheet.precinct.address} · {name(sheet.region)} · {name(sheet.election)}
        </p>
        <div className="no-print mt-2 flex flex-wrap gap-4 text-sm">
          <Link href={`/staff/protocols/precinct/${precinctId}/print`} className="text-brand-700 underline">
            {t('print')}
          </Link>
          {next && next !== precinctId && (
            <Link href={`/staff/protocols/precinct/${next}`} className="font-medium text-brand-700 underline" data-testid="next-protocol">
              {t('nextProtocol')}
            </Link>
          )}
        </div>
      </div>

      {official ? (
        <p role="note" className="rounded-md border border-green-300 bg-green-50 p-3 text-sm">
          {t('officialLocked')}
        </p>
      ) : (
        <WorkClosedNote election={election!} work="protocols" />
      )}
      {candidates.length === 0 && <p role="note">{t('noCandidates')}</p>}

      {status === 'returned' && current?.returnComment && (
        <div role="note" className="rounded-md border border-orange-300 bg-orange-50 p-3 text-sm" data-testid="returned-note">
          <strong>{t('returnedBy', { name: current.createdBy, date: date(current.createdAt) })}</strong> {current.returnComment}
        </div>
      )}
      {canEnter && candidates.length > 0 && (
        <section aria-labelledby="entry-heading" className="rounded-xl border border-slate-200 bg-white p-4">
          <h2 id="entry-heading" className="mb-1 text-lg font-semibold">
            {t(status === 'entered_once' ? 'enterSecond' : 'enterFirst')}
          </h2>
          <p className="mb-4 text-sm text-slate-600">{t(status === 'entered_once' ? 'enterSecondHint' : 'enterFirstHint')}</p>
          <ProtocolForm mode={{ kind: 'enter', precinctId, lockVersion: protocol?.lockVersion ?? 0 }} {...formProps} />
        </section>
      )}
      {status === 'entered_once' && typedByViewer && hasPermission(user, 'protocol.enter') && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-50 p-3 text-sm">
          {t('waitingForSecond')}
        </p>
      )}

      {status === 'mismatch' && copy('first') && copy('second') && (
        <section aria-labelledby="mismatch-heading" className="flex flex-col gap-4 rounded-xl border border-amber-300 bg-white p-4">
          <h2 id="mismatch-heading" className="text-lg font-semibold">
            {t('mismatchTitle')}
          </h2>
          <BesidePaper scan={latestScan}>
            <FiguresTable
              caption={t('mismatchTitle')}
              columns={[
                { label: t('copyBy', { kind: t('kinds.first'), name: copy('first')!.enteredBy }), figures: copy('first')!.figures },
                { label: t('copyBy', { kind: t('kinds.second'), name: copy('second')!.enteredBy }), figures: copy('second')!.figures },
              ]}
              {...tableProps}
            />
            {canResolve && (
              <>
                <p className="text-sm text-slate-700">{t('resolveHint')}</p>
                <ProtocolForm
                  mode={{
                    kind: 'resolve',
                    protocolId: protocol!.id,
                    lockVersion: protocol!.lockVersion,
                    agreed: copy('first')!.figures,
                    disputed: disputedFields(copy('first')!, copy('second')!),
                    copies: [copy('first')!.figures, copy('second')!.figures],
                  }}
                  {...formProps}
                />
              </>
            )}
          </BesidePaper>
          {canReturn && <ReturnProtocolForm protocolId={protocol!.id} lockVersion={protocol!.lockVersion} />}
        </section>
      )}

      {status === 'awaiting_review' && current && current.entries.length > 0 && (
        <section aria-labelledby="review-heading" className="flex flex-col gap-4 rounded-xl border border-amber-300 bg-white p-4">
          <h2 id="review-heading" className="text-lg font-semibold">
            {t('reviewTitle')}
          </h2>
          <BesidePaper scan={latestScan}>
            <FiguresTable
              caption={t('reviewTitle')}
              columns={current.entries.map((e) => ({ label: t('copyBy', { kind: t(`kinds.${e.kind}`), name: e.enteredBy }), figures: e.figures }))}
              {...tableProps}
            />
            {canApprove && <ApproveProtocolButton protocolId={protocol!.id} lockVersion={protocol!.lockVersion} image={image} />}
          </BesidePaper>
          {canReturn && <ReturnProtocolForm protocolId={protocol!.id} lockVersion={protocol!.lockVersion} />}
          {typedByViewer && <p className="text-sm text-slate-700">{t('ownEntryNote')}</p>}
        </section>
      )}

      <ProtocolScreening precinctId={precinctId} />

      {approvedEntry && (
        <section aria-labelledby="approved-heading" className="flex flex-col gap-3 rounded-xl border border-green-300 bg-white p-4">
          <h2 id="approved-heading" className="text-lg font-semibold">
            {t('approvedFigures')}
          </h2>
          <FiguresTable caption={t('approvedFigures')} columns={[{ label: t('approvedColumn'), figures: approvedEntry.figures }]} {...tableProps} />
          {canCorrect && (
            <details className="rounded-md border border-slate-200 p-3">
              <summary className="cursor-pointer font-medium">{t('correctTitle')}</summary>
              <p className="my-2 text-sm text-slate-600">{t('correctHint')}</p>
              <ProtocolForm
                mode={{ kind: 'correct', protocolId: protocol!.id, lockVersion: protocol!.lockVersion, initial: approvedEntry.figures }}
                {...formProps}
              />
            </details>
          )}
        </section>
      )}

      <PrecinctImages
        precinctId={precinctId}
        scans={scans}
        canUpload={!closed && hasPermission(user, 'protocol.attachImage')}
        protocolApproved={status === 'approved'}
        canApproveImage={!closed && hasPermission(user, 'protocol.approve') && latestScan?.uploadedById !== user.id}
      />

      {sheet.versions.length > 0 && (
        <Section headingId="history-heading" title={t('history')}>
          <ol className="flex flex-col gap-3">
            {sheet.versions.map((version) => (
              <li key={version.versionNo} className="border-l-4 border-slate-300 pl-3 text-sm">
                <p className="font-medium">
                  {t('versionNo', { number: version.versionNo })}
                  {version.correctionReason && ` · ${t('correctionReason', { reason: version.correctionReason })}`}
                </p>
                <p className="text-slate-600">
                  {version.returnComment
                    ? t('versionReturned', { name: version.createdBy, date: date(version.createdAt), comment: version.returnComment })
                    : t('versionCreated', { name: version.createdBy, date: date(version.createdAt) })}
                </p>
                {version.entries.map((entry) => (
                  <p key={entry.id} className="text-slate-600">
                    {t('entryLine', { kind: t(`kinds.${entry.kind}`), name: entry.enteredBy, date: date(entry.enteredAt) })}
                    {entry.convertedAt && <span data-testid="converted-note"> · {t('convertedNote', { date: date(entry.convertedAt) })}</span>}
                  </p>
                ))}
                {version.hiddenEntries > 0 && <p className="text-slate-600">{t('hiddenEntries', { count: version.hiddenEntries })}</p>}
                {version.approvedBy && <p className="text-green-800">{t('approvedBy', { name: version.approvedBy, date: date(version.approvedAt) })}</p>}
              </li>
            ))}
          </ol>
        </Section>
      )}
    </div>
  );
}
