import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { WorkClosedNote } from '@/components/elections/work-closed-note';
import { PrecinctImport } from '@/components/lists/precinct-import';
import { ListEditor } from '@/components/lists/list-editor';
import { ChangesView, ListContentView, RevisionStatusBadge } from '@/components/lists/list-views';
import { ReviewPanel, StartRevisionButton } from '@/components/lists/review-panel';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { hasPermission } from '@/lib/auth/permissions';
import { todayInKazakhstan } from '@/lib/calendar';
import { regionListState } from '@/lib/constituency-lists/queries';
import { isEditable } from '@/lib/constituency-lists/transitions';
import { isWorkOpen } from '@/lib/elections/phase';
import { findElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { calendarDay } from '@/lib/i18n/formats';
import { PageHeader, Section } from '@/components/section';
import { Table } from '@/components/table';

export default async function RegionListPage({ params }: { params: Promise<{ electionId: string; regionCode: string }> }) {
  const { electionId, regionCode } = await params;
  // Guard first: nothing is read for a visitor who may not see lists at all; the region is checked once it is known.
  const user = await requirePermission('constituencyList.view');
  const state = Number.isInteger(Number(electionId)) ? await regionListState(getDb(), Number(electionId), regionCode) : null;
  if (!state) notFound();
  await requirePermission('constituencyList.view', state.region.id);
  const [t, format, locale] = await Promise.all([getTranslations('lists'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  const date = (value: Date | null) => (value ? format.dateTime(value, 'dateTime') : '—');
  const { open, approved } = state;
  const election = (await findElection(getDb(), state.election.id))!;
  const nominationOpened = todayInKazakhstan() >= election.nominationOpensOn;
  const listsOpen = isWorkOpen('constituencyLists', election.phase);
  const canEdit = listsOpen && open && isEditable(open.summary.status) && hasPermission(user, 'constituencyList.edit');
  const canReview = listsOpen && open?.summary.status === 'submitted' && hasPermission(user, 'constituencyList.review');
  return (
    <div className="flex flex-col gap-6">
      <PageHeader back={{ href: '/staff/lists', label: t('title') }} title={`${name(state.region)}: ${t('listOf')}`}>
        <p className="text-slate-600">{name(election)}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t(nominationOpened ? 'calendarClosed' : 'calendarOpen', {
            date: format.dateTime(calendarDay(election.nominationOpensOn), 'date'),
          })}
        </p>
        <div className="mt-2">
          <WorkClosedNote election={election} work="constituencyLists" />
        </div>
      </PageHeader>

      {open ? (
        <section aria-labelledby="open-revision" className="flex flex-col gap-4">
          <h2 id="open-revision" className="flex flex-wrap items-center gap-2 text-xl font-semibold">
            {t('revisionNo', { number: open.summary.revisionNo })} <RevisionStatusBadge status={open.summary.status} />
          </h2>
          <p role="status" className="text-sm text-slate-600" data-testid="last-saved">
            {t('lastSaved', { name: open.summary.updatedBy ?? open.summary.createdBy, date: date(open.summary.updatedAt) })}
          </p>
          {/* The reviewer's comment asks for work only while the revision is returned; after resubmission it is history. */}
          {open.summary.reviewComment &&
            (open.summary.status === 'returned' ? (
              <div role="note" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm" data-testid="return-comment">
                <strong>{t('returnedBy', { name: open.summary.reviewedBy ?? '—' })}</strong> {open.summary.reviewComment}
              </div>
            ) : (
              <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-600" data-testid="return-history">
                {t('returnedEarlier', { name: open.summary.reviewedBy ?? '—', date: date(open.summary.reviewedAt) })} {open.summary.reviewComment}
              </p>
            ))}
          <div>
            <h3 className="mb-1 font-semibold">{t('changesSinceApproved')}</h3>
            <ChangesView changes={open.changes} />
          </div>
          {canEdit ? (
            <>
              <PrecinctImport
                revisionId={open.summary.id}
                lockVersion={open.summary.lockVersion}
                constituencyCodes={open.content.constituencies.map((c) => c.code)}
                templateBase={`/staff/lists/${election.id}/${state.region.code}`}
              />
              <ListEditor key={open.summary.lockVersion} revisionId={open.summary.id} lockVersion={open.summary.lockVersion} content={open.content} />
            </>
          ) : (
            <>
              <p className="text-sm text-slate-700" data-testid="open-totals">
                {t('totals', {
                  constituencies: open.summary.totals.constituencies,
                  precincts: open.summary.totals.precincts,
                  voters: open.summary.totals.voters,
                })}
              </p>
              {canReview && (
                <ReviewPanel revisionId={open.summary.id} lockVersion={open.summary.lockVersion} needsOverride={nominationOpened && user.role === 'admin'} />
              )}
              <ListContentView content={open.content} />
            </>
          )}
        </section>
      ) : (
        listsOpen &&
        hasPermission(user, 'constituencyList.edit') && (
          <StartRevisionButton electionId={election.id} regionId={state.region.id} label={t(approved ? 'startAmendment' : 'startFirst')} />
        )
      )}

      <section aria-labelledby="in-force" className="flex flex-col gap-3">
        <h2 id="in-force" className="text-xl font-semibold">
          {t('inForce')}
        </h2>
        {approved ? (
          <>
            <p className="text-sm text-slate-700" data-testid="approved-totals">
              {t('revisionNo', { number: approved.summary.revisionNo })} ·{' '}
              {t('totals', {
                constituencies: approved.summary.totals.constituencies,
                precincts: approved.summary.totals.precincts,
                voters: approved.summary.totals.voters,
              })}
            </p>
            <ListContentView content={approved.content} />
          </>
        ) : (
          <p className="text-slate-600">{t('noneInForce')}</p>
        )}
      </section>

      <Section headingId="history" title={t('history')}>
        <Table columns={[t('revision'), t('statusLabel'), t('createdBy'), t('submittedBy'), t('reviewedBy'), t('note')]}>
          {state.history.map((revision) => (
            <tr key={revision.id} className="align-top">
              <td>{revision.revisionNo}</td>
              <td>
                <RevisionStatusBadge status={revision.status} />
              </td>
              <td>
                {revision.createdBy}
                <span className="block text-xs text-slate-500">{date(revision.createdAt)}</span>
              </td>
              <td>
                {revision.submittedBy ?? '—'}
                <span className="block text-xs text-slate-500">{date(revision.submittedAt)}</span>
              </td>
              <td>
                {revision.reviewedBy ?? '—'}
                <span className="block text-xs text-slate-500">{date(revision.reviewedAt)}</span>
              </td>
              <td>{revision.calendarOverrideReason ? t('overrideNote', { reason: revision.calendarOverrideReason }) : (revision.reviewComment ?? '')}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </div>
  );
}
