import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { MarkOfficialButton, ReopenResultsForm } from '@/components/protocols/protocol-buttons';
import { ProtocolStatusBadge } from '@/components/protocols/status-badge';
import { ConstituencyResultView } from '@/components/results/constituency-result';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { findElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { constituencyPrecincts } from '@/lib/protocols/queries';
import { resultsActions } from '@/lib/protocols/transitions';
import { constituencyResult } from '@/lib/results/aggregate';
import { TableScroll } from '@/components/table-scroll';

export default async function ConstituencyProtocolsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ show?: string }>;
}) {
  const id = Number((await params).id);
  const pendingOnly = (await searchParams).show === 'pending';
  const db = getDb();
  const user = await requirePermission('protocol.view');
  const found = Number.isInteger(id) && id > 0 ? await constituencyResult(db, id) : null;
  if (!found) notFound();
  await requirePermission('protocol.view', found.result.regionId);
  const [t, format, locale, precincts, electionWithPhase] = await Promise.all([
    getTranslations('protocols'),
    getFormatter(),
    getLocale(),
    constituencyPrecincts(db, id),
    findElection(db, found.election.id),
  ]);
  const name = localizer(locale);
  const { result, election } = found;
  const actions = resultsActions(
    {
      regionId: result.regionId,
      resultsStatus: result.resultsStatus,
      precincts: precincts.length,
      approved: precincts.filter((p) => p.status === 'approved').length,
      election: electionWithPhase!,
    },
    user,
  );
  const shown = pendingOnly ? precincts.filter((p) => p.status !== 'approved') : precincts;
  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/staff/protocols?election=${election.id}`} className="text-sm text-brand-700 underline">
          ← {t('title')}
        </Link>
        <h1 className="mt-1 text-2xl font-bold text-brand-900">{name(result)}</h1>
        <p className="text-slate-600">
          {name(election)} · {t(`resultsStatus.${result.resultsStatus}`)}
        </p>
        <Link href={`/staff/protocols/constituency/${id}/print`} className="no-print text-sm text-brand-700 underline">
          {t('print')}
        </Link>
      </div>
      <section aria-labelledby="result-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="result-heading" className="mb-3 text-lg font-semibold">
          {t('resultTitle')}
        </h2>
        <ConstituencyResultView result={result} />
        <div className="no-print mt-4">
          {/* Shown whenever it could become possible: disabled with what is missing until then. */}
          {result.resultsStatus === 'counting' && (actions.markOfficial.ok || actions.markOfficial.code !== 'forbidden') && (
            <MarkOfficialButton
              constituencyId={id}
              constituencyName={name(result)}
              decision={actions.markOfficial}
              pendingHref={`/staff/protocols/constituency/${id}?show=pending#precincts-heading`}
            />
          )}
          {actions.reopen.ok && <ReopenResultsForm constituencyId={id} />}
        </div>
      </section>
      <section aria-labelledby="precincts-heading" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 id="precincts-heading" className="mb-3 text-lg font-semibold">
          {t('precinctsTitle')}
        </h2>
        <p className="no-print mb-2 text-sm">
          {pendingOnly ? (
            <Link href={`/staff/protocols/constituency/${id}#precincts-heading`} className="text-brand-700 underline">
              {t('showAllPrecincts')}
            </Link>
          ) : (
            <Link href={`/staff/protocols/constituency/${id}?show=pending#precincts-heading`} className="text-brand-700 underline">
              {t('showPendingPrecincts')}
            </Link>
          )}
        </p>
        <TableScroll>
          <table className="w-full text-left text-sm">
            <thead className="border-b text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">
                  {t('precinctNo')}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t('address')}
                </th>
                <th scope="col" className="py-1 pr-3 text-right">
                  {t('fields.votersOnList')}
                </th>
                <th scope="col" className="py-1">
                  {t('statusLabel')}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((precinct) => (
                <tr key={precinct.id} className="border-b last:border-0">
                  <td className="py-1 pr-3">
                    <Link href={`/staff/protocols/precinct/${precinct.id}`} className="text-brand-700 underline">
                      {precinct.number}
                    </Link>
                  </td>
                  <td className="py-1 pr-3">{precinct.address}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{format.number(precinct.votersOnList)}</td>
                  <td className="py-1">
                    <ProtocolStatusBadge status={precinct.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </div>
  );
}
