import { useFormatter, useTranslations } from 'next-intl';
import type { ScanView } from '@/lib/protocol-images/queries';
import { ImageViewer } from './image-viewer';

const TYPE_NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF', 'image/svg+xml': 'SVG' };

/** Each original of a version: type, size, pages, its SHA-256 and a download link. */
export function ScanFiles({ scan }: { scan: ScanView }) {
  const t = useTranslations('protocolImages');
  const format = useFormatter();
  return (
    <ul className="flex flex-col gap-2 text-sm" data-testid="scan-files">
      {scan.files.map((file) => (
        <li key={file.fileNo} className="flex flex-col gap-0.5">
          <span>
            {t('fileSummary', {
              number: String(file.fileNo),
              type: TYPE_NAMES[file.contentType] ?? file.contentType,
              size:
                file.size >= 1024 * 1024
                  ? `${format.number(file.size / 1024 / 1024, { maximumFractionDigits: 1 })} MB`
                  : `${format.number(Math.ceil(file.size / 1024))} kB`,
              pages: file.pageCount,
            })}
            {file.receivedName && <span className="text-slate-600"> · {t('receivedAs', { name: file.receivedName })}</span>}
          </span>
          <span>
            {t('sha256')}:{' '}
            <code className="font-mono text-xs break-all" data-testid="file-sha256">
              {file.sha256}
            </code>
          </span>
          <a href={file.downloadUrl} className="w-fit text-brand-700 underline" data-testid="file-download" download>
            {t('download')}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Who uploaded and reviewed a version, and why it replaced the one before (staff see names). */
export function ScanMeta({ scan }: { scan: ScanView }) {
  const t = useTranslations('protocolImages');
  const format = useFormatter();
  const date = (value: Date) => format.dateTime(value, 'dateTime');
  return (
    <div className="text-sm text-slate-700">
      <p className="font-medium">{t('version', { number: String(scan.versionNo) })}</p>
      {scan.correctionReason && <p>{t('correction', { reason: scan.correctionReason })}</p>}
      <p>{scan.uploadedBy ? t('uploadedBy', { name: scan.uploadedBy, date: date(scan.uploadedAt) }) : t('uploadedOn', { date: date(scan.uploadedAt) })}</p>
      {scan.reviewedAt ? (
        <p>{scan.reviewedBy ? t('reviewedBy', { name: scan.reviewedBy, date: date(scan.reviewedAt) }) : t('reviewedOn', { date: date(scan.reviewedAt) })}</p>
      ) : (
        <p className="text-amber-800">{t('notReviewed')}</p>
      )}
      {scan.demoRendering && <p className="italic">{t('demoRendering')}</p>}
    </div>
  );
}

/** One image version in full: the pages in the viewer, then its files and its history line. */
export function ScanPanel({ scan }: { scan: ScanView }) {
  return (
    <div className="flex flex-col gap-3" data-testid="scan-panel">
      <ImageViewer pages={scan.pages} />
      <ScanMeta scan={scan} />
      <ScanFiles scan={scan} />
    </div>
  );
}

/** Earlier image versions, newest first, folded away: they stay on record but are not the current paper. */
export function ScanHistory({ scans }: { scans: ScanView[] }) {
  const t = useTranslations('protocolImages');
  if (scans.length === 0) return null;
  return (
    <details className="rounded-md border border-slate-200 p-3" data-testid="scan-history">
      <summary className="cursor-pointer font-medium">{t('history')}</summary>
      <ol className="mt-3 flex flex-col gap-4">
        {scans.map((scan) => (
          <li key={scan.versionNo} className="flex flex-col gap-2 border-l-4 border-slate-300 pl-3">
            <ScanMeta scan={scan} />
            <ScanFiles scan={scan} />
          </li>
        ))}
      </ol>
    </details>
  );
}
