import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ImageCoverageLine } from '@/components/protocol-images/coverage-line';
import { BarChart } from '@/components/results/bar-chart';
import { ConstituencyResultView } from '@/components/results/constituency-result';
import { ResultsStatus } from '@/components/results/results-status';
import { ScreeningLink } from '@/components/screening/screening-link';
import { localizer } from '@/lib/i18n/config';
import { cachedConstituencyIds, cachedImageCoverage } from '@/lib/protocol-images/public';
import { getDb } from '@/db/client';
import { listRegions } from '@/lib/overview/queries';
import { cachedAkimRecords, cachedConstituencyResult, cachedElections, cachedPrecinctResults } from '@/lib/results/cache';
import { Section } from '@/components/section';
import { Num, numeric, RowHeader, Table } from '@/components/table';

/** A constituency's result with a vote-share chart and every precinct's figures, for observers to check. */
export default async function ConstituencyResultsPage({ params }: { params: Promise<{ slug: string; code: string }> }) {
  const { slug, code } = await params;
  const election = (await cachedElections()).find((e) => e.slug === slug);
  const constituencyId = election ? (await cachedConstituencyIds(election.id)).value.get(code) : undefined;
  if (!election || constituencyId === undefined) notFound();
  // This constituency's part of the national aggregation (shared by every results page, decision 019) and its own precincts.
  const [{ value: scoped }, regions, t, format, locale, { value: precincts }, { value: coverage }, { value: akims }] = await Promise.all([
    cachedConstituencyResult(election.id, constituencyId),
    listRegions(getDb()),
    getTranslations('publicResults'),
    getFormatter(),
    getLocale(),
    cachedPrecinctResults(election.id, constituencyId),
    cachedImageCoverage(election.id),
    cachedAkimRecords(election.id),
  ]);
  if (!scoped) notFound();
  const { result, progress } = scoped;
  const name = localizer(locale);
  const percent = (value: number) => format.number(value, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const region = regions.find((r) => r.id === result.regionId)!;
  const leaderId = result.outcome.status === 'elected' || result.outcome.status === 'leading' ? result.outcome.candidateId : null;
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t('breadcrumbs')} className="flex gap-2 text-sm">
        <Link href={`/results?election=${slug}`} className="text-brand-700 underline">
          {name(election)}
        </Link>
        <span aria-hidden="true">›</span>
        <Link href={`/results/${slug}/region/${region.code}`} className="text-brand-700 underline">
          {name(region)}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{name(result)}</h1>
      <ResultsStatus results={progress} />
      <ImageCoverageLine
        coverage={coverage.get(result.id) ?? { approved: 0, published: 0 }}
        missingHref={`/results/${slug}/missing-images?constituency=${code}`}
      />
      <ScreeningLink slug={slug} />
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <ConstituencyResultView result={result} akim={akims.find((record) => record.constituencyId === result.id)} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <BarChart
          title={t('voteShares')}
          rows={[
            ...result.candidates.map((c) => ({
              key: String(c.id),
              label: c.fullName,
              value: c.share,
              display: percent(c.share),
              highlight: c.id === leaderId,
            })),
            {
              key: 'against-all',
              label: t('againstAll'),
              value: result.ballotsCast ? result.votesAgainstAll / result.ballotsCast : 0,
              display: percent(result.ballotsCast ? result.votesAgainstAll / result.ballotsCast : 0),
            },
          ]}
        />
      </section>
      <Section headingId="precincts-heading" title={t('precincts')}>
        <Table
          density="compact"
          columns={[
            t('precinct'),
            ...numeric(
              t('votersOnLists'),
              t('votersAtCloseShort'),
              t('ballotsCast'),
              t('mobileBoxes'),
              ...result.candidates.map((c) => `${c.ballotOrder}. ${c.fullName.split(' ')[0]}`),
              t('againstAll'),
            ),
          ]}
        >
          {precincts
            .filter((p) => p.constituencyId === result.id)
            .map((p) => (
              <tr key={p.id}>
                <RowHeader className="font-normal">
                  <Link href={`/results/${slug}/precinct/${p.id}`} className="text-brand-700 underline">
                    {t('precinctNo', { number: p.number })}
                  </Link>
                </RowHeader>
                <Num>{format.number(p.votersOnList)}</Num>
                {p.reported ? (
                  <>
                    <Num>{format.number(p.votersAtClose)}</Num>
                    <Num>{format.number(p.ballotsCast)}</Num>
                    <Num>{format.number(p.ballotsFoundMobile)}</Num>
                    {result.candidates.map((c) => (
                      <Num key={c.id}>{format.number(p.votes[c.id] ?? 0)}</Num>
                    ))}
                    <Num>{format.number(p.votesAgainstAll)}</Num>
                  </>
                ) : (
                  <td colSpan={result.candidates.length + 4} className="text-slate-500">
                    {t('notReported')}
                  </td>
                )}
              </tr>
            ))}
        </Table>
      </Section>
    </div>
  );
}
