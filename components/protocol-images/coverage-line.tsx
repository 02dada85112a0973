import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { ImageCoverage } from '@/lib/protocol-images/queries';

/** "1,412 of 1,491 approved protocols published as images", with the list of those without. */
export function ImageCoverageLine({ coverage, missingHref }: { coverage: ImageCoverage; missingHref: string }) {
  const t = useTranslations('protocolImages.public');
  const format = useFormatter();
  return (
    <p className="text-sm text-slate-700" data-testid="image-coverage">
      {t('coverage', { published: format.number(coverage.published), approved: format.number(coverage.approved) })}
      {coverage.published < coverage.approved && (
        <>
          {' · '}
          <Link href={missingHref} className="text-brand-700 underline">
            {t('missingLink')}
          </Link>
        </>
      )}
    </p>
  );
}
