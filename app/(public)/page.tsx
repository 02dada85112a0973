import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { PhaseBadge } from '@/components/elections/phase-badge';
import { Stat } from '@/components/stat';
import { getDb } from '@/db/client';
import { localizer } from '@/lib/i18n/config';
import { publicElectionSummaries } from '@/lib/overview/queries';
import { calendarDay } from '@/lib/i18n/formats';

export default async function HomePage() {
  const [t, format, locale, summaries] = await Promise.all([getTranslations('home'), getFormatter(), getLocale(), publicElectionSummaries(getDb())]);
  const name = localizer(locale);
  return (
    <div className="flex flex-col gap-8">
      <section className="rounded-xl bg-white p-6 shadow-sm">
        <h1 className="text-2xl font-bold text-brand-900 sm:text-3xl">{t('title')}</h1>
        <p className="mt-3 max-w-3xl text-slate-700">{t('intro')}</p>
        <div className="mt-4 flex flex-wrap gap-4">
          <Link href="/results" className="font-medium text-brand-700 underline">
            {t('resultsLink')}
          </Link>
          <Link href="/staff" className="font-medium text-brand-700 underline">
            {t('staffSignIn')}
          </Link>
        </div>
      </section>
      <section aria-labelledby="elections-heading" className="flex flex-col gap-4">
        <h2 id="elections-heading" className="text-xl font-semibold">
          {t('elections')}
        </h2>
        {summaries.length === 0 && <p>{t('noElections')}</p>}
        {summaries.map((election) => (
          <article key={election.id} data-testid={`election-${election.slug}`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="text-lg font-semibold">{name(election)}</h3>
              <PhaseBadge phase={election.phase} />
            </div>
            <p className="text-sm text-slate-600">{t('votingDay', { date: format.dateTime(calendarDay(election.votingDay), 'date') })}</p>
            <nav aria-label={t('electionLinks', { name: name(election) })} className="mt-2 flex flex-wrap gap-4 text-sm">
              <Link href={`/results?election=${election.slug}`} className="font-medium text-brand-700 underline">
                {t('resultsOf')}
              </Link>
              <Link href={`/candidates?election=${election.slug}`} className="font-medium text-brand-700 underline">
                {t('candidatesOf')}
              </Link>
              <Link href={`/constituencies?election=${election.slug}`} className="font-medium text-brand-700 underline">
                {t('constituenciesOf')}
              </Link>
            </nav>
            <dl className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4">
              <Stat label={t('constituencies')} value={format.number(election.constituencies)} />
              <Stat label={t('precincts')} value={format.number(election.precincts)} />
              <Stat label={t('voters')} value={format.number(election.votersOnList)} />
              <Stat label={t('registeredCandidates')} value={format.number(election.candidates.registered)} />
              <Stat label={t('protocolsApproved')} value={`${format.number(election.precinctsReported)} / ${format.number(election.precincts)}`} />
            </dl>
          </article>
        ))}
      </section>
    </div>
  );
}
