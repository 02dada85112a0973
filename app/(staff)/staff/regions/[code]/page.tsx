import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { requirePermission } from '@/lib/auth/guard';
import { localizer } from '@/lib/i18n/config';
import { electionSummaries, findRegionByCode, regionConstituencies } from '@/lib/overview/queries';
import { TableScroll } from '@/components/table-scroll';

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
          <section key={election.id} aria-labelledby={`e-${election.id}`} className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id={`e-${election.id}`} className="mb-3 text-lg font-semibold">
              {name(election)}
            </h2>
            {rows.length === 0 ? (
              <p className="text-slate-600">{t('noConstituencies')}</p>
            ) : (
              <TableScroll>
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">{t('constituenciesCaption')}</caption>
                  <thead className="border-b text-slate-600">
                    <tr>
                      <th scope="col" className="py-2 pr-3">
                        {t('constituency')}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t('kind')}
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right">
                        {t('precincts')}
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right">
                        {t('voters')}
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right">
                        {t('registeredCandidates')}
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right">
                        {t('protocolsApproved')}
                      </th>
                      <th scope="col" className="py-2">
                        {t('results')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => (
                      <tr key={row.id} className="border-b last:border-0">
                        <th scope="row" className="py-2 pr-3 font-medium">
                          {name(row)}
                        </th>
                        <td className="py-2 pr-3">{t(`kinds.${row.kind}`)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{format.number(row.precincts)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{format.number(row.votersOnList)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{format.number(row.registeredCandidates)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">
                          {format.number(row.approvedProtocols)} / {format.number(row.precincts)}
                        </td>
                        <td className="py-2">{t(`resultsStatus.${row.resultsStatus}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            )}
          </section>
        );
      })}
    </div>
  );
}
