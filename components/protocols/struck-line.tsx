import { getTranslations } from 'next-intl/server';

/**
 * A ballot line of a candidate removed after the ballots were printed: the number stays, the name
 * is struck through, no votes count for it.
 */
export async function StruckLine({ number, name }: { number: number; name: string }) {
  const t = await getTranslations('protocols');
  return (
    <span data-testid="struck-line">
      <s>{t('form.candidateVotes', { number, name })}</s> <span className="text-xs text-slate-600">({t('struckLine')})</span>
    </span>
  );
}
