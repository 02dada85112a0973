import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

/** From the results pages to the election's statistical screening. */
export async function ScreeningLink({ slug }: { slug: string }) {
  const t = await getTranslations('screening');
  return (
    <Link href={`/results/${slug}/screening`} className="self-start text-sm font-medium text-brand-700 underline" data-testid="screening-link">
      {t('link')}
    </Link>
  );
}
