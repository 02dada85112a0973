import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { ElectionPicker } from '@/components/election-picker';
import { listPublicElections, pickElection } from '@/lib/elections/queries';
import { publicConstituencies, publicConstituencyRegions } from '@/lib/constituency-lists/queries';
import { localizer } from '@/lib/i18n/config';
import { CONSTITUENCIES_LISTED } from '@/lib/overview/queries';
import { Section } from '@/components/section';
import { Num, numeric, RowHeader, Table } from '@/components/table';
import type { PublicQuery } from '@/lib/http/cache-headers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicLists'))('title') };
}

/**
 * Approved constituencies of an election, by region, with precinct counts and voters. An election
 * with more than CONSTITUENCIES_LISTED constituencies is shown as its regions, each linking to its
 * own list (`?region=`), so the page never grows with the election (decision 017).
 */
export default async function PublicConstituenciesPage({ searchParams }: { searchParams: Promise<PublicQuery<'constituencies'>> }) {
  const query = await searchParams;
  const db = getDb();
  const allElections = await listPublicElections(db);
  const election = pickElection(allElections, query.election);
  const [t, tKinds, format, locale] = await Promise.all([getTranslations('publicLists'), getTranslations('staff.regions.kinds'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  if (!election) return <p>{t('none')}</p>;
  const regions = await publicConstituencyRegions(db, election.id);
  const region = regions.find((r) => r.code === query.region);
  const total = (key: 'constituencies' | 'precincts' | 'votersOnList') => regions.reduce((sum, r) => sum + r[key], 0);
  const byRegionOnly = !region && total('constituencies') > CONSTITUENCIES_LISTED;
  const rows = byRegionOnly ? [] : await publicConstituencies(db, election.id, region?.code);
  const listed = region ? [region] : byRegionOnly ? [] : regions;
  const hrefOf = (regionCode?: string) => `/constituencies?${new URLSearchParams({ election: election.slug, ...(regionCode ? { region: regionCode } : {}) })}`;
  const n = (value: number) => format.number(value);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <ElectionPicker elections={allElections} currentId={election.id} href={(e) => `/constituencies?election=${e.slug}`} label={t('electionChoice')} />
      <p className="text-slate-700">
        {t('summary', { constituencies: total('constituencies'), precincts: total('precincts'), voters: total('votersOnList') })}
      </p>
      {regions.length === 0 && <p className="text-slate-600">{t('noneApproved')}</p>}
      {region && (
        <p>
          <Link href={hrefOf()} className="text-brand-700 underline">
            {t('allRegions')}
          </Link>
        </p>
      )}
      {byRegionOnly && (
        <Section headingId="regions-heading" title={t('allRegions')}>
          <p className="mb-3 text-sm text-slate-600">{t('byRegionHint', { count: total('constituencies') })}</p>
          <Table testId="regions-table" columns={[t('region'), ...numeric(t('constituencyCount'), t('precincts'), t('voters'))]}>
            {regions.map((r) => (
              <tr key={r.code}>
                <RowHeader>
                  <Link href={hrefOf(r.code)} className="text-brand-700 underline">
                    {name(r)}
                  </Link>
                </RowHeader>
                <Num>{n(r.constituencies)}</Num>
                <Num>{n(r.precincts)}</Num>
                <Num>{n(r.votersOnList)}</Num>
              </tr>
            ))}
          </Table>
        </Section>
      )}
      {listed.map((r) => (
        <Section key={r.code} headingId={`region-${r.code}`} title={name(r)}>
          <Table columns={[t('constituency'), t('kind'), ...numeric(t('precincts'), t('voters'))]}>
            {rows
              .filter((row) => row.regionCode === r.code)
              .map((row) => (
                <tr key={row.code}>
                  <RowHeader>{name(row)}</RowHeader>
                  <td>{tKinds(row.kind)}</td>
                  <Num>{n(row.precincts)}</Num>
                  <Num>{n(row.votersOnList)}</Num>
                </tr>
              ))}
          </Table>
        </Section>
      ))}
    </div>
  );
}
