import { getFormatter, getTranslations } from 'next-intl/server';
import type { ElectionResults } from '@/lib/results/aggregate';
import { AutoRefresh } from './auto-refresh';

const STYLE = {
  'unofficial-partial': 'bg-amber-100 text-amber-900 border-amber-300',
  'unofficial-complete': 'bg-sky-100 text-sky-900 border-sky-300',
  certified: 'bg-green-100 text-green-900 border-green-300',
} as const;

/** The results' status and age, and the self-refresh while they can still change. */
export async function ResultsStatus({ results }: { results: Pick<ElectionResults, 'status' | 'lastChangedAt'> }) {
  const [t, format] = await Promise.all([getTranslations('publicResults'), getFormatter()]);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span className={`rounded-full border px-3 py-1 font-semibold ${STYLE[results.status]}`} data-testid="results-status">
        {t(`status.${results.status}`)}
      </span>
      <span className="text-slate-600">{t('lastUpdated', { date: results.lastChangedAt ? format.dateTime(results.lastChangedAt, 'dateTime') : '—' })}</span>
      {results.status !== 'certified' && <span className="text-slate-600">{t('refreshing')}</span>}
      <AutoRefresh active={results.status !== 'certified'} />
    </div>
  );
}
