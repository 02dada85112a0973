import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { ClientMessages } from '@/components/client-messages';
import { PublishedProtocolImage } from '@/components/protocol-images/published-image';
import { FiguresTable } from '@/components/protocols/figures-table';
import { getDb } from '@/db/client';
import { localizer } from '@/lib/i18n/config';
import { idFromUrl } from '@/lib/validation/fields';
import { cachedPrecinctImages } from '@/lib/protocol-images/public';
import { protocolSheet } from '@/lib/protocols/queries';
import { cachedDerived, cachedElections } from '@/lib/results/cache';

const mobileShare = (f: { ballotsFoundStationary: number; ballotsFoundMobile: number }) => {
  const found = f.ballotsFoundStationary + f.ballotsFoundMobile;
  return found > 0 ? f.ballotsFoundMobile / found : 0;
};

/** A precinct's approved protocol, figure by figure, so observers can compare it with the signed paper. */
export default async function PrecinctResultsPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const precinctId = idFromUrl(id);
  const election = (await cachedElections()).find((e) => e.slug === slug);
  if (!election || precinctId === null) notFound();
  const { value: sheet } = await cachedDerived(`precinct-sheet:${precinctId}`, election.id, () => protocolSheet(getDb(), precinctId, 'public'));
  if (!sheet || sheet.election.id !== election.id) notFound();
  const [t, format, locale, { value: paper }] = await Promise.all([
    getTranslations('publicResults'),
    getFormatter(),
    getLocale(),
    cachedPrecinctImages(election.id, precinctId),
  ]);
  const name = localizer(locale);
  const approved = sheet.versions.flatMap((v) => v.entries).find((e) => e.id === sheet.protocol?.approvedEntryId);
  const version = sheet.versions.find((v) => v.entries.some((e) => e.id === approved?.id));
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={t('breadcrumbs')} className="flex flex-wrap gap-2 text-sm">
        <Link href={`/results?election=${slug}`} className="text-brand-700 underline">
          {name(election)}
        </Link>
        <span aria-hidden="true">›</span>
        <Link href={`/results/${slug}/region/${sheet.region.code}`} className="text-brand-700 underline">
          {name(sheet.region)}
        </Link>
        <span aria-hidden="true">›</span>
        <Link href={`/results/${slug}/constituency/${sheet.constituency.code}`} className="text-brand-700 underline">
          {name(sheet.constituency)}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{t('precinctNo', { number: sheet.precinct.number })}</h1>
      <p className="text-slate-600">{sheet.precinct.address}</p>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        {approved ? (
          <>
            <div className="mb-3 flex flex-col gap-1 text-sm" data-testid="boxes">
              <p>
                {t('votersAtClose', {
                  atClose: format.number(approved.figures.votersAtClose),
                  list: format.number(sheet.precinct.votersOnList),
                  added: format.number(Math.max(0, approved.figures.votersAtClose - sheet.precinct.votersOnList)),
                })}
              </p>
              <p>
                {t('boxes', {
                  total: format.number(approved.figures.ballotsFoundStationary + approved.figures.ballotsFoundMobile),
                  stationary: format.number(approved.figures.ballotsFoundStationary),
                  mobile: format.number(approved.figures.ballotsFoundMobile),
                  share: format.number(mobileShare(approved.figures), { style: 'percent', maximumFractionDigits: 1 }),
                })}
              </p>
              <p className="text-slate-600">{t('bases')}</p>
            </div>
            <FiguresTable
              caption={t('protocolFigures')}
              columns={[{ label: t('approvedProtocol'), figures: approved.figures }]}
              candidates={sheet.candidates}
              againstAllOnBallot={sheet.election.againstAllOnBallot}
              votersOnList={sheet.precinct.votersOnList}
            />
            <p className="mt-3 text-sm text-slate-600">
              {t('approvedOn', {
                version: version?.versionNo ?? 1,
                date: version?.approvedAt ? format.dateTime(version.approvedAt, 'dateTime') : '—',
              })}
              {version?.correctionReason && ` ${t('correctedBecause', { reason: version.correctionReason })}`}
            </p>
          </>
        ) : (
          <p>{t('notReported')}</p>
        )}
      </section>
      {approved && (
        // The image viewer is a client component: it gets its own messages only.
        <ClientMessages namespaces={['protocolImages']}>
          <PublishedProtocolImage {...paper} />
        </ClientMessages>
      )}
    </div>
  );
}
