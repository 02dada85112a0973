import { useTranslations } from 'next-intl';
import type { ScanView } from '@/lib/protocol-images/queries';
import { ScanHistory, ScanPanel } from './scan-view';

/**
 * The public precinct page's paper: the published image of the signed protocol with the SHA-256
 * of each original and its download, earlier published versions, or why there is none.
 */
export function PublishedProtocolImage({ scans, withoutImageReason }: { scans: ScanView[]; withoutImageReason: string | null }) {
  const t = useTranslations('protocolImages');
  const [current, ...earlier] = scans;
  return (
    <section aria-labelledby="paper-heading" className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4" data-testid="published-image">
      <h2 id="paper-heading" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {current ? (
        <>
          <ScanPanel scan={current} />
          <p className="text-sm text-slate-600">{t('public.checkHint')}</p>
          <ScanHistory scans={earlier} />
        </>
      ) : (
        <p>{withoutImageReason ? t('approvedWithoutImage', { reason: withoutImageReason }) : t('noImage')}</p>
      )}
    </section>
  );
}
