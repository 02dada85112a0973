import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { PhaseBadge } from '@/components/elections/phase-badge';
import { RevisionStatusBadge } from '@/components/lists/list-views';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { canAccessRegion, hasPermission } from '@/lib/auth/permissions';
import { listStatuses } from '@/lib/constituency-lists/queries';
import { localizer } from '@/lib/i18n/config';
import { listElections } from '@/lib/elections/queries';
import { listRegions } from '@/lib/overview/queries';
import { RowHeader, Table } from '@/components/table';

export default async function ListsPage() {
  const user = await requirePermission('constituencyList.view');
  const db = getDb();
  const [t, locale, electionRows, regions, statuses] = await Promise.all([
    getTranslations('lists'),
    getLocale(),
    listElections(db),
    listRegions(db),
    listStatuses(db),
  ]);
  const name = localizer(locale);
  const visibleRegions = regions.filter((region) => canAccessRegion(user, region.id));
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
        {hasPermission(user, 'constituencyList.review') && (
          <Link href="/staff/lists/review" className="font-medium text-brand-700 underline">
            {t('reviewQueue')}
          </Link>
        )}
      </div>
      {electionRows.map((election) => (
        <section key={election.id} aria-labelledby={`lists-${election.id}`} className="rounded-xl border border-slate-200 bg-white p-4">
          <div className="mb-3 flex flex-wrap items-center gap-2">
            <h2 id={`lists-${election.id}`} className="text-lg font-semibold">
              {name(election)}
            </h2>
            <PhaseBadge phase={election.phase} />
          </div>
          <Table columns={[t('region'), t('inForce'), t('openRevision')]}>
            {visibleRegions.map((region) => {
              const state = statuses.find((s) => s.electionId === election.id && s.regionId === region.id);
              return (
                <tr key={region.id}>
                  <RowHeader>
                    <Link href={`/staff/lists/${election.id}/${region.code}`} className="text-brand-700 underline">
                      {name(region)}
                    </Link>
                  </RowHeader>
                  <td>{state?.approvedRevisionNo ? t('revisionNo', { number: state.approvedRevisionNo }) : t('noneInForce')}</td>
                  <td>
                    {state?.openStatus ? (
                      <span className="flex items-center gap-2">
                        {t('revisionNo', { number: state.openRevisionNo ?? 0 })} <RevisionStatusBadge status={state.openStatus} />
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        </section>
      ))}
    </div>
  );
}
