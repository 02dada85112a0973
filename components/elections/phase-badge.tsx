import { getTranslations } from 'next-intl/server';
import type { Phase } from '@/lib/elections/phase';

const STYLE: Record<Phase, string> = {
  draft: 'bg-slate-200 text-slate-800',
  constituency_lists: 'bg-indigo-100 text-indigo-900',
  nomination: 'bg-sky-100 text-sky-900',
  registration: 'bg-cyan-100 text-cyan-900',
  campaign: 'bg-violet-100 text-violet-900',
  voting: 'bg-amber-100 text-amber-900',
  counting: 'bg-orange-100 text-orange-900',
  results_official: 'bg-green-100 text-green-900',
  archived: 'bg-slate-100 text-slate-700',
};

/** The election's phase, as a labelled badge ("Phase: Nomination"). */
export async function PhaseBadge({ phase }: { phase: Phase }) {
  const t = await getTranslations('elections');
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-xs font-semibold ${STYLE[phase]}`} data-testid="election-phase">
      <span className="sr-only">{t('phase')}: </span>
      {t(`phases.${phase}`)}
    </span>
  );
}
