import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Section } from '@/components/section';
import { RowHeader, Table } from '@/components/table';
import { pageNumber, Pagination } from '@/components/pagination';
import { localizer } from '@/lib/i18n/config';
import { cachedConstituencyIds, cachedImageCoverage, cachedMissingImages } from '@/lib/protocol-images/public';
import { totalCoverage } from '@/lib/protocol-images/queries';
import { cachedElections } from '@/lib/results/cache';
import type { PublicQuery } from '@/lib/http/cache-headers';

/**
 * Precincts listed per page, as many as the candidate list shows: a page of 500 took about 100 ms to
 * render and 310 kB to send, too much for a phone; the pilot's 1,491 take eight pages.
 */
const PAGE_SIZE = 200;

/** The public list of approved protocols published without an image of their signed paper, with the reviewers' reasons. */
export default async function MissingImagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PublicQuery<'missingImages'>>;
}) {
  const { slug } = await params;
  const election = (await cachedElections()).find((e) => e.slug === slug);
  if (!election) notFound();
  const query = await searchParams;
  const [t, tResults, locale, { value: coverage }, { value: idOf }] = await Promise.all([
    getTranslations('protocolImages.public'),
    getTranslations('publicResults'),
    getLocale(),
    cachedImageCoverage(election.id),
    cachedConstituencyIds(election.id),
  ]);
  // One constituency's precincts (the link from its results page), or every constituency's, a page at a time.
  const constituencyId = query.constituency ? idOf.get(query.constituency) : undefined;
  const constituency = query.constituency && constituencyId !== undefined ? { id: constituencyId, code: query.constituency } : undefined;
  const { approved, published } = constituency ? (coverage.get(constituency.id) ?? { approved: 0, published: 0 }) : totalCoverage(coverage.values());
  const total = approved - published;
  const page = Math.min(pageNumber(query.page), Math.max(1, Math.ceil(total / PAGE_SIZE)));
  const { value: shown } = await cachedMissingImages(election.id, {
    constituencyCode: constituency?.code,
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const name = localizer(locale);
  const constituencies = [...new Map(shown.map((m) => [m.constituency.code, m])).values()];
  const pagination = (
    <Pagination
      page={page}
      pageSize={PAGE_SIZE}
      total={total}
      href={(to) =>
        `/results/${slug}/missing-images?${new URLSearchParams({ ...(constituency && { constituency: constituency.code }), page: String(to) }).toString()}`
      }
    />
  );
  return (
    <div className="flex flex-col gap-6">
      <nav aria-label={tResults('breadcrumbs')} className="flex gap-2 text-sm">
        <Link href={`/results?election=${slug}`} className="text-brand-700 underline">
          {name(election)}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold text-brand-900">{t('missingTitle')}</h1>
      <p className="text-slate-700">{t('missingIntro')}</p>
      {total === 0 && <p role="status">{t('missingNone')}</p>}
      {pagination}
      {constituencies.map(({ constituency, region }) => (
        <Section
          key={constituency.code}
          id={constituency.code}
          headingId={`${constituency.code}-heading`}
          title={
            <>
              <Link href={`/results/${slug}/constituency/${constituency.code}`} className="text-brand-700 underline">
                {name(constituency)}
              </Link>{' '}
              <span className="text-sm font-normal text-slate-600">· {name(region)}</span>
            </>
          }
        >
          <Table testId="missing-images" density="compact" scroll="none" columns={[tResults('precinct'), t('reason')]}>
            {shown
              .filter((m) => m.constituency.code === constituency.code)
              .map((m) => (
                <tr key={m.precinctId}>
                  <RowHeader className="font-normal">
                    <Link href={`/results/${slug}/precinct/${m.precinctId}`} className="text-brand-700 underline">
                      {tResults('precinctNo', { number: m.number })}
                    </Link>
                  </RowHeader>
                  <td>{m.withoutImageReason ?? '—'}</td>
                </tr>
              ))}
          </Table>
        </Section>
      ))}
      {pagination}
    </div>
  );
}
