'use client';

import { useTranslations } from 'next-intl';
import { useId, useState, type KeyboardEvent } from 'react';
import type { ScanPageView } from '@/lib/protocol-images/queries';

const ZOOMS = [1, 1.5, 2, 3, 4];
const toolButton = 'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-40';

/**
 * The pages of a protocol image: page through, zoom and rotate with buttons or keys (← → or
 * Page Up/Down for pages when not zoomed in, + − zoom, R rotate, 0 reset), so a reviewer can
 * read every figure of the paper. Pages without a preview offer the original for download.
 */
export function ImageViewer({ pages }: { pages: Pick<ScanPageView, 'preview' | 'original'>[] }) {
  const t = useTranslations('protocolImages.viewer');
  const [index, setIndex] = useState(0);
  const [zoom, setZoom] = useState(0);
  const [rotation, setRotation] = useState(0);
  const keysId = useId();
  const page = pages[Math.min(index, pages.length - 1)];
  if (!page) return null;
  const turn = (by: number) => {
    setIndex((current) => Math.max(0, Math.min(pages.length - 1, current + by)));
    setZoom(0);
  };
  const zoomBy = (by: number) => setZoom((current) => Math.max(0, Math.min(ZOOMS.length - 1, current + by)));
  const reset = () => {
    setZoom(0);
    setRotation(0);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // Zoomed in, the arrow keys scroll the page instead.
    const actions: Record<string, () => void> = {
      PageUp: () => turn(-1),
      PageDown: () => turn(1),
      ...(zoom === 0 ? { ArrowLeft: () => turn(-1), ArrowRight: () => turn(1) } : {}),
      '+': () => zoomBy(1),
      '=': () => zoomBy(1),
      '-': () => zoomBy(-1),
      r: () => setRotation((current) => (current + 90) % 360),
      R: () => setRotation((current) => (current + 90) % 360),
      '0': reset,
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  };
  const number = { page: String(index + 1), pages: String(pages.length) };
  const sideways = rotation % 180 !== 0;
  const preview = page.preview;

  return (
    <div className="flex w-full max-w-3xl flex-col gap-2" data-testid="image-viewer">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('label', number)}>
        <button type="button" className={toolButton} onClick={() => turn(-1)} disabled={index === 0} aria-label={t('previous')}>
          ‹
        </button>
        <span className="min-w-24 text-center text-sm" aria-live="polite" data-testid="viewer-page">
          {t('page', number)}
        </span>
        <button type="button" className={toolButton} onClick={() => turn(1)} disabled={index === pages.length - 1} aria-label={t('next')}>
          ›
        </button>
        <span className="mx-1 h-5 w-px bg-slate-300" aria-hidden="true" />
        <button type="button" className={toolButton} onClick={() => zoomBy(-1)} disabled={zoom === 0 || !preview} aria-label={t('zoomOut')}>
          −
        </button>
        <span className="w-12 text-center text-sm" aria-label={t('zoom', { percent: `${ZOOMS[zoom]! * 100}%` })}>
          {ZOOMS[zoom]! * 100}%
        </span>
        <button type="button" className={toolButton} onClick={() => zoomBy(1)} disabled={zoom === ZOOMS.length - 1 || !preview} aria-label={t('zoomIn')}>
          +
        </button>
        <button type="button" className={toolButton} onClick={() => setRotation((rotation + 90) % 360)} disabled={!preview} aria-label={t('rotate')}>
          ⟳
        </button>
        <button type="button" className={toolButton} onClick={reset} disabled={zoom === 0 && rotation === 0}>
          {t('reset')}
        </button>
      </div>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- a keyboard-operated viewer (zoom, rotate, pan keys) */}
      <div
        // Focusable so the keys work once the reader is on the image.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- as above
        tabIndex={0}
        role="group"
        aria-roledescription="image viewer"
        aria-label={t('label', number)}
        aria-describedby={keysId}
        onKeyDown={onKeyDown}
        className="max-h-[80vh] overflow-auto rounded-md border border-slate-300 bg-slate-100 focus:outline-2 focus:outline-brand-600"
        data-testid="viewer-frame"
      >
        {preview ? (
          <div
            className="relative"
            style={{ width: `${ZOOMS[zoom]! * 100}%`, aspectRatio: sideways ? `${preview.height} / ${preview.width}` : `${preview.width} / ${preview.height}` }}
          >
            {/* A plain img: hash-addressed files are cached by the browser and any CDN for a year. */}
            {/* eslint-disable-next-line @next/next/no-img-element -- see above: no image optimizer in between */}
            <img
              src={preview.url}
              alt={t('alt', number)}
              width={preview.width}
              height={preview.height}
              className="absolute top-1/2 left-1/2 max-w-none select-none"
              style={{
                width: sideways ? `${(100 * preview.width) / preview.height}%` : '100%',
                height: sideways ? `${(100 * preview.height) / preview.width}%` : '100%',
                transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
              }}
              draggable={false}
              data-rotation={rotation}
            />
          </div>
        ) : (
          <p className="p-6 text-sm">
            {t('noPreview')}{' '}
            <a href={page.original.downloadUrl} className="text-brand-700 underline">
              {page.original.contentType}
            </a>
          </p>
        )}
      </div>
      <p id={keysId} className="text-xs text-slate-600">
        {t('keys')}
      </p>
    </div>
  );
}
