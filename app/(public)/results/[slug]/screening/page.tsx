import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Section } from '@/components/section';
import { ResultsStatus } from '@/components/results/results-status';
import { AreaFindings, FlaggedPrecincts } from '@/components/screening/report';
import { ScreeningCharts } from '@/components/screening/screening-charts';
import { namesOf } from '@/components/screening/text';
import { Stat } from '@/components/stat';
import { getDb } from '@/db/client';
import { localizer } from '@/lib/i18n/config';
import { cachedDerived, cachedElectionResults, cachedElections } from '@/lib/results/cache';
import { electionScreening } from '@/lib/screening/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('screening'))('publicTitle') };
}

/**
 * The public screening of an election's official results: charts, area-wide tests and the
 * precincts flagged for a second look with the reviewers' answers. Nothing about figures still
 * being counted is shown.
 */
export default async function PublicScreeningPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const election = (await cachedElections()).find((e) => e.slug === slug);
  if (!election) notFound();
  const { value: aggregation } = await cachedElectionResults(election.id);
  const { value: screening } = await cachedDerived('screening', election.id, () => electionScreening(getDb(), election.id, 'official', aggregation));
  if (!screening) notFound();
  const [t, tResults, format, locale] = await Promise.all([getTranslations('screening'), getTranslations('publicResults'), getFormatter(), getLocale()]);
  const name = localizer(locale);
  const { results, report, checks } = screening;
  const names = namesOf(results, locale);
  const flagged = report.precincts.filter((s) => s.flags.length > 0);
  const electionArea = report.areas.find((a) => a.area.level === 'election');
  const digits = electionArea?.findings.find((f) => f.test === 'lastDigits');
  // The election, and any area where a test is worth a look; every region's tests one click away.
  const areas = report.areas.filter((a) => a.area.level === 'election' || a.findings.some((f) => f.status === 'flagged'));
  const regions = report.areas.filter((a) => a.area.level === 'region');
  const constituencyOf = new Map(results.constituencies.map((c) => [c.id, c]));
  const screened = screening.screenedConstituencies.size;
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={tResults('breadcrumbs')} className="text-sm">
        <Link href={`/results?election=${slug}`} className="text-brand-700 underline">
          {name(results.election)}
        </Link>
      </nav>
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold text-brand-900">{t('publicTitle')}</h1>
        <ResultsStatus results={results} />
      </div>
      {screened === 0 ? (
        <p role="note" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm" data-testid="screening-not-official">
          {t('public.notOfficial')}
        </p>
      ) : (
        screened < results.constituencies.length && (
          <p role="note" className="text-sm text-slate-700">
            {t('public.partial', { count: screened, total: results.constituencies.length })}
          </p>
        )
      )}

      <section aria-labelledby="about-heading" className="rounded-xl border border-slate-200 bg-white p-4 text-sm leading-relaxed">
        <h2 id="about-heading" className="mb-2 text-lg font-semibold">
          {t('public.aboutTitle')}
        </h2>
        <div className="flex flex-col gap-2">
          <p>{t('public.about1')}</p>
          <p>{t('public.about2')}</p>
          <p>{t('public.about3')}</p>
          <p className="text-slate-600">{t('public.method')}</p>
        </div>
      </section>

      {screened > 0 && electionArea && digits?.test === 'lastDigits' && (
        <>
          <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3" data-testid="screening-summary">
            <Stat label={t('public.screened')} value={format.number(electionArea.precincts)} />
            <Stat label={t('public.flagged')} value={format.number(flagged.length)} />
            <Stat label={t('public.checked')} value={format.number(flagged.filter((s) => checks.has(s.precinct.id)).length)} />
          </dl>

          <Section headingId="charts-heading" title={t('public.chartsTitle')}>
            <ScreeningCharts id="election" screened={report.precincts} digits={digits} settings={report.settings} />
          </Section>

          <Section headingId="findings-heading" title={t('findings.title')}>
            <AreaFindings areas={areas} settings={report.settings} names={names} />
            <details className="mt-3">
              <summary className="cursor-pointer text-sm text-brand-700 underline">{t('findings.allRegions')}</summary>
              <div className="mt-2">
                <AreaFindings areas={regions} settings={report.settings} names={names} />
              </div>
            </details>
          </Section>

          <Section headingId="flagged-heading" title={t('public.flaggedTitle')} variant="plain">
            {flagged.length === 0 ? (
              <p>{t('public.noneFlagged')}</p>
            ) : (
              <FlaggedPrecincts
                flagged={flagged}
                checks={checks}
                settings={report.settings}
                names={names}
                audience="public"
                title={(s) => {
                  const constituency = constituencyOf.get(s.precinct.constituencyId)!;
                  return (
                    <>
                      <Link href={`/results/${slug}/constituency/${constituency.code}`} className="text-brand-700 underline">
                        {name(constituency)}
                      </Link>
                      {' · '}
                      <Link href={`/results/${slug}/precinct/${s.precinct.id}`} className="text-brand-700 underline">
                        {tResults('precinctNo', { number: s.precinct.number })}
                      </Link>
                    </>
                  );
                }}
              />
            )}
          </Section>
        </>
      )}
    </div>
  );
}
