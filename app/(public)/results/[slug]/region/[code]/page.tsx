import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Fact } from '@/components/fact';
import { BarChart } from '@/components/results/bar-chart';
import { ResultsStatus } from '@/components/results/results-status';
import { ScreeningLink } from '@/components/screening/screening-link';
import { localizer } from '@/lib/i18n/config';
import { getDb } from '@/db/client';
import { listRegions } from '@/lib/overview/queries';
import { cachedElections, cachedRegionResult } from '@/lib/results/cache';

/** A region's constituencies: reporting, turnout and the winner or leader of each. */
export default async function RegionResultsPage({ params }: { params: Promise<{ slug: string; code: string }> }) {
  const { slug, code } = await params;
  const election = (await cachedElections()).find((e) => e.slug === slug);
  const regionId = (await listRegions(getDb())).find((r) => r.code === code)?.id;
  if (!election || regionId === undefined) notFound();
  // This region's part of the national aggregation, which every results page shares (decision 019).
  const [{ value: scoped }, t, tResults, format, locale] = await Promise.all([
    cachedRegionResult(election.id, regionId),
    getTranslations('publicResults'),
    getTranslations('results'),
    getFormatter(),
    getLocale(),
  ]);
  if (!scoped) notFound();
  const { region, constituencies, progress } = scoped;
  const name = localizer(locale);
  const percent = (value: number | null) =>
    value === null ? '—' : format.number(value, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t('breadcrumbs')} className="text-sm">
        <Link href={`/results?election=${slug}`} className="text-brand-700 underline">
          {name(election)}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{name(region)}</h1>
      <ResultsStatus results={progress} />
      <ScreeningLink slug={slug} />
      <dl className="grid grid-cols-2 gap-3 text-sm break-words sm:grid-cols-4 [&>div]:min-w-0">
        <Fact label={t('turnout')} large>
          {percent(region.turnout)}
        </Fact>
        <Fact label={t('precinctsReported')} large>
          {t('ofPrecincts', { reported: region.precinctsReported, total: region.precincts })}
        </Fact>
        <Fact
          label={t('votersOnLists')}
          large
          note={region.precinctsReported < region.precincts ? tResults('votersInReported', { voters: region.votersInReported }) : undefined}
        >
          {format.number(region.votersOnList)}
        </Fact>
        <Fact label={t('ballotsCast')} large>
          {format.number(region.ballotsCast)}
        </Fact>
        <Fact label={tResults('votersAtClose')} large note={tResults('addedOnDay', { voters: region.votersAddedOnDay })}>
          {format.number(region.votersInReported)}
        </Fact>
        <Fact label={t('mobileBoxes')} large>
          {percent(region.mobileShare)}
        </Fact>
      </dl>
      <p className="text-xs text-slate-500">{tResults('bases')}</p>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <BarChart
          title={t('turnoutByConstituency')}
          rows={constituencies.map((c) => ({ key: c.code, label: name(c), value: c.turnout ?? 0, display: percent(c.turnout) }))}
        />
      </section>
      <ul className="grid gap-3 sm:grid-cols-2">
        {constituencies.map((c) => {
          const leaderId = c.outcome.status === 'elected' || c.outcome.status === 'leading' ? c.outcome.candidateId : null;
          const leader = c.candidates.find((k) => k.id === leaderId);
          return (
            <li key={c.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <Link href={`/results/${slug}/constituency/${c.code}`} className="font-semibold text-brand-700 underline">
                {name(c)}
              </Link>
              <p className="text-sm">
                {leader
                  ? t(`winnerLine.${c.outcome.status === 'elected' ? 'elected' : 'leading'}`, { name: leader.fullName, share: percent(leader.share) })
                  : t(`outcomeShort.${c.outcome.status}`)}
              </p>
              <p className="text-xs text-slate-600">
                {t('ofPrecincts', { reported: c.precinctsReported, total: c.precincts })} · {t('turnout')} {percent(c.turnout)}
              </p>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
