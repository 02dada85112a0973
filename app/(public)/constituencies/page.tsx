import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { ElectionPicker } from '@/components/election-picker';
import { listPublicElections, pickElection } from '@/lib/elections/queries';
import { publicConstituencies } from '@/lib/constituency-lists/queries';
import { localizer } from '@/lib/i18n/config';
import { TableScroll } from '@/components/table-scroll';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicLists'))('title') };
}

/** Approved constituencies of an election, by region, with precinct counts and voters. */
export default async function PublicConstituenciesPage({ searchParams }: { searchParams: Promise<{ election?: string }> }) {
  const { election: slug } = await searchParams;
  const db = getDb();
  const allElections = await listPublicElections(db);
  const election = pickElection(allElections, slug);
  const [t, tKinds, format, locale] = await Promise.all([getTranslations('publicLists'), getTranslations('staff.regions.kinds'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  if (!election) return <p>{t('none')}</p>;
  const rows = await publicConstituencies(db, election.id);
  const regions = [...new Map(rows.map((row) => [row.regionCode, row.regionName])).entries()];
  const n = (value: number) => format.number(value);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <ElectionPicker elections={allElections} currentId={election.id} href={(e) => `/constituencies?election=${e.slug}`} label={t('electionChoice')} />
      <p className="text-slate-700">
        {t('summary', {
          constituencies: rows.length,
          precincts: rows.reduce((sum, r) => sum + r.precincts, 0),
          voters: rows.reduce((sum, r) => sum + r.votersOnList, 0),
        })}
      </p>
      {regions.length === 0 && <p className="text-slate-600">{t('noneApproved')}</p>}
      {regions.map(([code, regionName]) => {
        const inRegion = rows.filter((row) => row.regionCode === code);
        return (
          <section key={code} aria-labelledby={`region-${code}`} className="rounded-xl border border-slate-200 bg-white p-4">
            <h2 id={`region-${code}`} className="mb-2 text-lg font-semibold">
              {name(regionName)}
            </h2>
            <TableScroll>
              <table className="w-full text-left text-sm">
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
                    <th scope="col" className="py-2 text-right">
                      {t('voters')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {inRegion.map((row) => (
                    <tr key={row.code} className="border-b last:border-0">
                      <th scope="row" className="py-2 pr-3 font-medium">
                        {name(row)}
                      </th>
                      <td className="py-2 pr-3">{tKinds(row.kind)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{n(row.precincts)}</td>
                      <td className="py-2 text-right tabular-nums">{n(row.votersOnList)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
        );
      })}
    </div>
  );
}
