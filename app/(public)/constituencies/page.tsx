import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { ElectionPicker } from '@/components/election-picker';
import { listPublicElections, pickElection } from '@/lib/elections/queries';
import { publicConstituencies } from '@/lib/constituency-lists/queries';
import { localizer } from '@/lib/i18n/config';
import { Section } from '@/components/section';
import { Num, numeric, RowHeader, Table } from '@/components/table';

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
          <Section key={code} headingId={`region-${code}`} title={name(regionName)}>
            <Table columns={[t('constituency'), t('kind'), ...numeric(t('precincts'), t('voters'))]}>
              {inRegion.map((row) => (
                <tr key={row.code}>
                  <RowHeader>{name(row)}</RowHeader>
                  <td>{tKinds(row.kind)}</td>
                  <Num>{n(row.precincts)}</Num>
                  <Num>{n(row.votersOnList)}</Num>
                </tr>
              ))}
            </Table>
          </Section>
        );
      })}
    </div>
  );
}
