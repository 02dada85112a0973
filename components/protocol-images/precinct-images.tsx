import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { ScanView } from '@/lib/protocol-images/queries';
import { ApproveScanButton } from '../protocols/protocol-buttons';
import { ImageViewer } from './image-viewer';
import { ScanHistory, ScanPanel } from './scan-view';
import { UploadForm } from './upload-form';

/**
 * The staff precinct page's image section: the latest image with its files and hashes, the
 * upload form, a corrected image's approval, and the earlier versions.
 */
export function PrecinctImages({
  precinctId,
  scans,
  canUpload,
  protocolApproved,
  canApproveImage,
}: {
  precinctId: number;
  /** Newest first, as `precinctScans(…, 'staff')` returns them. */
  scans: ScanView[];
  canUpload: boolean;
  /** Images of an approved protocol wait for a reviewer of their own; before approval they are reviewed with it. */
  protocolApproved: boolean;
  /** A reviewer who did not upload the waiting image. */
  canApproveImage: boolean;
}) {
  const t = useTranslations('protocolImages');
  const [latest, ...earlier] = scans;
  const awaitingReview = latest && !latest.reviewedAt && protocolApproved;
  return (
    <section aria-labelledby="images-heading" className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-4" data-testid="protocol-images">
      <h2 id="images-heading" className="text-lg font-semibold">
        {t('title')}
      </h2>
      {latest ? <ScanPanel scan={latest} /> : <p>{t('noImage')}</p>}
      {awaitingReview && (
        <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p>{t('pendingCorrection')}</p>
          {canApproveImage && <ApproveScanButton precinctId={precinctId} versionNo={latest.versionNo} />}
        </div>
      )}
      {canUpload && <UploadForm precinctId={precinctId} latestVersionNo={latest?.versionNo ?? 0} reasonRequired={scans.some((scan) => scan.reviewedAt)} />}
      <ScanHistory scans={earlier} />
    </section>
  );
}

/** The typed figures beside the paper they came from, so a reviewer checks one against the other. */
export function BesidePaper({ scan, children }: { scan: ScanView | undefined; children: ReactNode }) {
  const t = useTranslations('protocolImages');
  return (
    <div className="grid gap-4 lg:grid-cols-2" data-testid="beside-paper">
      <div className="flex flex-col gap-4">{children}</div>
      <div className="flex flex-col gap-2">
        <h3 className="font-semibold">{t('besidePaper')}</h3>
        {scan ? <ImageViewer pages={scan.pages} /> : <p className="text-sm text-slate-600">{t('noImage')}</p>}
      </div>
    </div>
  );
}
