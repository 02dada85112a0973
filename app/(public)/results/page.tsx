import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ElectionPicker } from '@/components/election-picker';
import { ImageCoverageLine } from '@/components/protocol-images/coverage-line';
import { BarChart } from '@/components/results/bar-chart';
import { ResultsStatus } from '@/components/results/results-status';
import { ScreeningLink } from '@/components/screening/screening-link';
import { Stat } from '@/components/stat';
import { pickElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { cachedImageCoverage } from '@/lib/protocol-images/public';
import { totalCoverage } from '@/lib/protocol-images/queries';
import { cachedAkimRecords, cachedCandidateFacts, cachedElectionResults, cachedElections } from '@/lib/results/cache';
import { headlineFigures } from '@/lib/results/headline';
import { CONSTITUENCIES_LISTED } from '@/lib/overview/queries';
import { Section } from '@/components/section';
import { Num, numeric, RowHeader, Table } from '@/components/table';
import type { PublicQuery } from '@/lib/http/cache-headers';

const DOWNLOADS = [
  ['results.json', 'resultsJson'],
  ['results.csv', 'resultsCsv'],
  ['candidates.json', 'candidatesJson'],
  ['candidates.csv', 'candidatesCsv'],
  ['nist-1500-100.json', 'nist'],
  ['protocol-images.json', 'protocolImagesJson'],
] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicResults'))('title') };
}

/** The election overview: headline figures, turnout by region, and every constituency's winner. */
export default async function ResultsOverviewPage({ searchParams }: { searchParams: Promise<PublicQuery<'results'>> }) {
  const elections = await cachedElections();
  // The election that matters now: the one being voted on or counted, else the latest with results.
  const election = pickElection(
    elections,
    (await searchParams).election,
    (e) => e.phase === 'voting' || e.phase === 'counting',
    (e) => e.phase === 'results_official' || e.phase === 'archived',
  );
  const [t, tResults, format, locale] = await Promise.all([getTranslations('publicResults'), getTranslations('results'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  if (!election) return <p>{t('none')}</p>;
  const [{ value: results }, { value: candidates }, { value: coverage }, { value: akims }] = await Promise.all([
    cachedElectionResults(election.id),
    cachedCandidateFacts(election.id),
    cachedImageCoverage(election.id),
    cachedAkimRecords(election.id),
  ]);
  if (!results) return <p>{t('none')}</p>;
  const headline = headlineFigures(results, candidates);
  const percent = (value: number | null, digits = 2) =>
    value === null ? '—' : format.number(value, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits });
  const base = `/results/${election.slug}`;
  const top = new Set(headline.topRegionsByTurnout.map((r) => r.id));
  return (
    <div className="flex flex-col gap-6">
      <ElectionPicker elections={elections} currentId={election.id} href={(e) => `/results?election=${e.slug}`} label={t('electionChoice')} />
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{name(election)}</h1>
        <ResultsStatus results={results} />
        <ImageCoverageLine coverage={totalCoverage(coverage.values())} missingHref={`/results/${election.slug}/missing-images`} />
        <ScreeningLink slug={election.slug} />
      </div>

      <section aria-labelledby="headline-heading">
        <h2 id="headline-heading" className="sr-only">
          {t('headline')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="headline">
          <Stat label={t('turnout')} value={percent(headline.turnout)} hint={tResults('bases')} />
          <Stat
            label={t('precinctsReported')}
            value={percent(headline.precinctsReportedShare, 1)}
            hint={t('ofPrecincts', { reported: results.totals.precinctsReported, total: results.totals.precincts })}
          />
          <Stat
            label={t('registeredCandidates')}
            value={format.number(headline.registered)}
            hint={t('selfNominated', { count: format.number(headline.selfNominated), share: percent(headline.selfNominatedShare, 1) })}
          />
          <Stat label={t('onBallot')} value={format.number(headline.onBallot)} hint={t('onBallotHint')} />
          <Stat
            label={t('averageAgeOfElected')}
            value={
              headline.averageAgeOfElected === null ? '—' : format.number(headline.averageAgeOfElected, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
            }
            hint={t('electedCount', { count: headline.elected })}
          />
          <Stat label={t('womenAmongCandidates')} value={percent(headline.womenShareAmongCandidates, 1)} />
          <Stat label={t('womenAmongElected')} value={percent(headline.womenShareAmongElected, 1)} />
          <Stat label={t('under35AmongCandidates')} value={percent(headline.under35ShareAmongCandidates, 1)} />
          <Stat
            label={t('votersOnLists')}
            value={format.number(results.totals.votersOnList)}
            hint={
              results.totals.precinctsReported < results.totals.precincts
                ? tResults('votersInReported', { voters: results.totals.votersInReported })
                : undefined
            }
          />
          <Stat
            label={tResults('votersAtClose')}
            value={format.number(results.totals.votersInReported)}
            hint={tResults('addedOnDay', { voters: results.totals.votersAddedOnDay })}
          />
          <Stat
            label={t('mobileBoxes')}
            value={percent(results.totals.mobileShare, 1)}
            hint={t('mobileShareValue', { share: percent(results.totals.mobileShare, 1) })}
          />
        </dl>
      </section>

      <Section headingId="top-heading" title={t('topRegions')}>
        <ol className="list-decimal pl-6" data-testid="top-regions">
          {headline.topRegionsByTurnout.map((region) => (
            <li key={region.id}>
              <Link href={`${base}/region/${region.code}`} className="text-brand-700 underline">
                {name(region)}
              </Link>{' '}
              <span className="tabular-nums">{percent(region.turnout)}</span>
            </li>
          ))}
        </ol>
      </Section>

      <Section headingId="chart-heading" title={t('turnoutByRegion')} hideTitle>
        <BarChart
          title={t('turnoutByRegion')}
          rows={[...results.regions]
            .sort((a, b) => (b.turnout ?? 0) - (a.turnout ?? 0))
            .map((region) => ({
              key: region.code,
              label: name(region),
              value: region.turnout ?? 0,
              display: percent(region.turnout),
              highlight: top.has(region.id),
            }))}
        />
      </Section>

      {results.constituencies.length > CONSTITUENCIES_LISTED ? (
        <Section headingId="constituencies-heading" title={t('constituenciesByRegion')}>
          <p className="mb-3 text-sm text-slate-600">{t('constituenciesByRegionHint', { count: results.constituencies.length })}</p>
          <Table testId="regions-table" columns={[t('region'), ...numeric(t('constituencyCount'), t('reported'), t('turnout'))]}>
            {results.regions.map((region) => (
              <tr key={region.id}>
                <RowHeader>
                  <Link href={`${base}/region/${region.code}`} className="text-brand-700 underline">
                    {name(region)}
                  </Link>
                </RowHeader>
                <Num>{format.number(region.constituencies)}</Num>
                <Num>
                  {format.number(region.precinctsReported)}/{format.number(region.precincts)}
                </Num>
                <Num>{percent(region.turnout)}</Num>
              </tr>
            ))}
          </Table>
        </Section>
      ) : (
        <Section headingId="constituencies-heading" title={t('constituencies')}>
          <Table testId="winners-table" columns={[t('region'), t('constituency'), ...numeric(t('reported'), t('turnout')), t('winner')]}>
            {results.constituencies.map((c) => {
              const leaderId = c.outcome.status === 'elected' || c.outcome.status === 'leading' ? c.outcome.candidateId : null;
              const leader = c.candidates.find((k) => k.id === leaderId);
              const akim = akims.find((record) => record.constituencyId === c.id);
              return (
                <tr key={c.id}>
                  <td>{name(results.regions.find((r) => r.id === c.regionId)!)}</td>
                  <RowHeader>
                    <Link href={`${base}/constituency/${c.code}`} className="text-brand-700 underline">
                      {name(c)}
                    </Link>
                  </RowHeader>
                  <Num>
                    {format.number(c.precinctsReported)}/{format.number(c.precincts)}
                  </Num>
                  <Num>{percent(c.turnout)}</Num>
                  <td>
                    {leader ? `${leader.fullName} (${leader.party ? name(leader.party) : t('selfNominatedShort')})` : t(`outcomeShort.${c.outcome.status}`)}
                    {/* A real space, not a margin: copied text and screen readers read "(AMANAT Party) (leading)". */}
                    {c.outcome.status === 'leading' && (
                      <>
                        {' '}
                        <span className="text-xs text-slate-500">{t('leading')}</span>
                      </>
                    )}
                    {akim && (
                      <span className="block text-xs text-slate-600">{t(akim.outcome === 'registered' ? 'electedAndRegistered' : 'repeatElection')}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </Table>
        </Section>
      )}

      <Section headingId="downloads-heading" title={t('downloads')}>
        <ul className="flex flex-wrap gap-4 text-sm">
          {DOWNLOADS.map(([file, label]) => (
            <li key={file}>
              <a href={`/api/v1/elections/${election.id}/${file}`} className="font-medium text-brand-700 underline">
                {t(`download.${label}`)}
              </a>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
