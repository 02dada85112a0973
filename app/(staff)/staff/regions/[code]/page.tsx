import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { electionSummaries, findRegionByCode, regionConstituencies } from '@/lib/overview/queries';
import { Section } from '@/components/section';
import { Num, numeric, RowHeader, Table } from '@/components/table';

export default async function RegionPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const db = getDb();
  await requirePermission('staff.view');
  const region = await findRegionByCode(db, code);
  if (!region) notFound();
  await requirePermission('staff.view', region.id);
  const [t, format, locale, elections, constituencies] = await Promise.all([
    getTranslations('staff.regions'),
    getFormatter(),
    getLocale(),
    electionSummaries(db, region.id),
    regionConstituencies(db, region.id),
  ]);
  const name = localizer(locale);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{name(region)}</h1>
      {elections.map((election) => {
        const rows = constituencies.filter((c) => c.electionId === election.id);
        return (
          <Section key={election.id} headingId={`e-${election.id}`} title={name(election)}>
            {rows.length === 0 ? (
              <p className="text-slate-600">{t('noConstituencies')}</p>
            ) : (
              <Table
                caption={t('constituenciesCaption')}
                columns={[
                  t('constituency'),
                  t('kind'),
                  ...numeric(t('precincts'), t('voters'), t('registeredCandidates'), t('protocolsApproved')),
                  t('results'),
                ]}
              >
                {rows.map((row) => (
                  <tr key={row.id}>
                    <RowHeader>{name(row)}</RowHeader>
                    <td>{t(`kinds.${row.kind}`)}</td>
                    <Num>{format.number(row.precincts)}</Num>
                    <Num>{format.number(row.votersOnList)}</Num>
                    <Num>{format.number(row.registeredCandidates)}</Num>
                    <Num>
                      {format.number(row.approvedProtocols)} / {format.number(row.precincts)}
                    </Num>
                    <td>{t(`resultsStatus.${row.resultsStatus}`)}</td>
                  </tr>
                ))}
              </Table>
            )}
          </Section>
        );
      })}
    </div>
  );
}
