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
import { PageHeader, Section } from '@/components/section';
import { Num, numeric, Table } from '@/components/table';

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
      <PageHeader back={{ href: `/staff/protocols?election=${election.id}`, label: t('title') }} title={name(result)}>
        <p className="text-slate-600">
          {name(election)} · {t(`resultsStatus.${result.resultsStatus}`)}
        </p>
        <Link href={`/staff/protocols/constituency/${id}/print`} className="no-print text-sm text-brand-700 underline">
          {t('print')}
        </Link>
      </PageHeader>
      <Section headingId="result-heading" title={t('resultTitle')}>
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
      </Section>
      <Section headingId="precincts-heading" title={t('precinctsTitle')}>
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
        <Table density="compact" columns={[t('precinctNo'), t('address'), ...numeric(t('fields.votersOnList')), t('statusLabel')]}>
          {shown.map((precinct) => (
            <tr key={precinct.id}>
              <td>
                <Link href={`/staff/protocols/precinct/${precinct.id}`} className="text-brand-700 underline">
                  {precinct.number}
                </Link>
              </td>
              <td>{precinct.address}</td>
              <Num>{format.number(precinct.votersOnList)}</Num>
              <td>
                <ProtocolStatusBadge status={precinct.status} />
              </td>
            </tr>
          ))}
        </Table>
      </Section>
    </div>
  );
}
