import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { CandidateTable } from '@/components/candidates/candidate-table';
import { ElectionPicker } from '@/components/election-picker';
import { FormField, inputClass, primaryButtonClass } from '@/components/form-field';
import { pageNumber, Pagination } from '@/components/pagination';
import { RegionConstituencyFilter } from '@/components/region-constituency-filter';
import { Stat } from '@/components/stat';
import { getDb } from '@/db/client';
import { candidateFacts, candidateStatistics, constituencyCount, constituencyOptions, listCandidates, type CandidateFilter } from '@/lib/candidates/queries';
import { listPublicElections, pickElection } from '@/lib/elections/queries';
import { localizer } from '@/lib/i18n/config';
import { CONSTITUENCIES_LISTED, listRegions } from '@/lib/overview/queries';
import type { PublicQuery } from '@/lib/http/cache-headers';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('publicCandidates'))('title') };
}

type Query = PublicQuery<'candidates'>;
/** Candidates per page: a whole election of Kazakhstan's size (161) fits on one. */
const PAGE_SIZE = 200;
const STATUSES = ['registered', 'nominated', 'refused', 'withdrawn', 'cancelled'] as const;
const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) => (allowed.includes(value as T) ? (value as T) : undefined);

/** The public candidate list with filters and statistics (no IIN or birth date: age only). */
export default async function PublicCandidatesPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const db = getDb();
  const [t, tc, format, locale, elections, regions] = await Promise.all([
    getTranslations('publicCandidates'),
    getTranslations('candidates'),
    getFormatter(),
    getLocale(),
    listPublicElections(db),
    listRegions(db),
  ]);
  const name = localizer(locale);
  const election = pickElection(elections, query.election);
  if (!election) return <p>{tc('noElections')}</p>;
  const region = regions.find((r) => r.code === query.region);
  // A large election's filter offers one applied region's constituencies, not thousands (decision 018).
  const regionOnly = (await constituencyCount(db, election.id)) > CONSTITUENCIES_LISTED;
  const constituencies = !regionOnly ? await constituencyOptions(db, election.id, null) : region ? await constituencyOptions(db, election.id, region.id) : [];
  // A constituency of another region than the one chosen is dropped, not turned into an empty list.
  const constituency = constituencies.find((c) => c.code === query.constituency && (!region || c.regionId === region.id));
  const filter: CandidateFilter = {
    electionId: election.id,
    regionId: region?.id ?? null,
    constituencyCode: constituency?.code,
    status: pick(query.status, STATUSES),
    sex: pick(query.sex, ['male', 'female'] as const),
    route: pick(query.route, ['party', 'self'] as const),
  };
  // The figures over every candidate the filters select; the table, one page of them.
  // Both read at once; a page past the end (an old link) is read again as the last page.
  const listPage = (page: number) => listCandidates(db, filter, 'ballot', { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const requested = pageNumber(query.page);
  const [facts, requestedRows] = await Promise.all([candidateFacts(db, filter), listPage(requested)]);
  const regionCodeOf = new Map(regions.map((r) => [r.id, r.code]));
  const stats = candidateStatistics(facts);
  const page = Math.min(requested, Math.max(1, Math.ceil(stats.nominated / PAGE_SIZE)));
  const candidates = page === requested ? requestedRows : await listPage(page);
  // The filters in force, with another page.
  const pageHref = (to: number) => {
    const params = {
      election: election.slug,
      region: region?.code,
      constituency: constituency?.code,
      status: filter.status,
      sex: filter.sex,
      route: filter.route,
    };
    const chosen = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
    return `/candidates?${new URLSearchParams([...chosen, ['page', String(to)]]).toString()}`;
  };
  const percent = (share: number | null) => (share === null ? '—' : format.number(share, { style: 'percent', maximumFractionDigits: 1 }));
  const select = (id: keyof Query, label: string, options: [string, string][], value?: string) => (
    <FormField id={id} label={label}>
      <select id={id} name={id} defaultValue={value ?? ''} className={inputClass}>
        <option value="">{t('all')}</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </FormField>
  );
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold text-brand-900">{t('title')}</h1>
      <ElectionPicker elections={elections} currentId={election.id} href={(e) => `/candidates?election=${e.slug}`} label={tc('election')} />
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading" className="sr-only">
          {t('statistics')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-4" data-testid="candidate-stats">
          <Stat label={t('stats.nominated')} value={format.number(stats.nominated)} />
          <Stat label={t('stats.registered')} value={format.number(stats.registered)} hint={t('stats.registeredHint')} />
          <Stat label={t('stats.onBallot')} value={format.number(stats.onBallot)} hint={t('stats.onBallotHint')} />
          <Stat label={t('stats.refused')} value={format.number(stats.refused)} />
          <Stat label={t('stats.withdrawn')} value={format.number(stats.withdrawn)} />
          <Stat label={t('stats.cancelled')} value={format.number(stats.cancelled)} />
          <Stat label={t('stats.selfNominated')} value={percent(stats.selfNominatedShare)} hint={t('stats.amongRegistered')} />
          <Stat label={t('stats.women')} value={percent(stats.womenShare)} hint={t('stats.amongRegistered')} />
          <Stat label={t('stats.under35')} value={percent(stats.under35Share)} hint={t('stats.amongRegistered')} />
          <Stat
            label={t('stats.averageAge')}
            value={stats.averageAge === null ? '—' : format.number(stats.averageAge, { maximumFractionDigits: 1 })}
            hint={t('stats.amongRegistered')}
          />
        </dl>
      </section>
      <form method="get" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" aria-label={t('filters')}>
        <input type="hidden" name="election" value={election.slug} />
        <RegionConstituencyFilter
          labels={{ region: t('region'), constituency: tc('constituency'), all: t('all'), applyRegionFirst: t('applyRegionFirst') }}
          regions={regions.map((r) => ({ value: r.code, label: name(r) }))}
          constituencies={constituencies.map((c) => ({ value: c.code, label: name(c), region: regionCodeOf.get(c.regionId) ?? '' }))}
          region={region?.code}
          constituency={constituency?.code}
          regionOnly={regionOnly}
        />
        {select(
          'status',
          tc('status'),
          STATUSES.map((s) => [s, tc(`statuses.${s}`)]),
          query.status,
        )}
        {select(
          'sex',
          tc('sex'),
          (['female', 'male'] as const).map((s) => [s, tc(`sexes.${s}`)]),
          query.sex,
        )}
        {select(
          'route',
          tc('route'),
          (['self', 'party'] as const).map((r) => [r, tc(`routes.${r}`)]),
          query.route,
        )}
        <div className="flex items-end">
          <button type="submit" className={primaryButtonClass}>
            {t('apply')}
          </button>
        </div>
      </form>
      <CandidateTable candidates={candidates} caption={name(election)} />
      <Pagination page={page} pageSize={PAGE_SIZE} total={stats.nominated} href={pageHref} />
    </div>
  );
}
