import { createRequire } from 'node:module';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { checkPdfStructure, FileRefused } from './formats';
import { PREVIEW_SIDE, UPLOAD_LIMITS } from './limits';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | undefined;
// Loaded on the first PDF only: PDF.js is large and most uploads are photos.
const loadPdfJs = () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** PDF.js' font, CMap, ICC and decoder files, read from its package folder. */
function assetFolders() {
  const root = path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) => `${path.join(root, name)}${path.sep}`;
  return { standardFontDataUrl: folder('standard_fonts'), cMapUrl: folder('cmaps'), iccUrl: folder('iccs'), wasmUrl: folder('wasm') };
}

/** One object stream decompressed, at most 32 MB of it (a zip bomb is not inflated whole); null if it is not valid. */
function inflateCapped(data: Uint8Array): Uint8Array | null {
  try {
    return inflateSync(data, { maxOutputLength: 32 * 1024 * 1024 });
  } catch {
    return null;
  }
}

// PDF.js' annotation type of attached files.
const FILE_ATTACHMENT = 17;

export type RenderedPage = { png: Uint8Array } | null;

/**
 * Checks a PDF (structure, no active content, at most `maxPages` pages) and renders each page as
 * a PNG whose longer side is PREVIEW_SIDE pixels, with PDF.js and its prebuilt canvas. A page
 * PDF.js cannot draw comes back as null (shown as a download link).
 */
export async function inspectPdf(bytes: Uint8Array, maxPages: number): Promise<RenderedPage[]> {
  checkPdfStructure(bytes, inflateCapped);
  const { getDocument } = await loadPdfJs();
  // PDF.js takes ownership of the buffer it gets: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, enableXfa: false, verbosity: 0, stopAtErrors: false, ...assetFolders() });
  try {
    const pdf = await task.promise.catch(() => {
      throw new FileRefused('damaged');
    });
    if (pdf.numPages > maxPages) throw new FileRefused('tooManyPages', { pages: String(pdf.numPages), max: String(UPLOAD_LIMITS.maxPages) });
    // A second look, by the parser itself, for what the byte scan could have missed.
    if ((await pdf.getJSActions()) || (await pdf.getAttachments())) throw new FileRefused('pdfActiveContent');
    const pages: RenderedPage[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const annotations = (await page.getAnnotations()) as { annotationType: number; actions?: unknown; attachment?: unknown }[];
      if (annotations.some((a) => a.actions || a.attachment || a.annotationType === FILE_ATTACHMENT)) throw new FileRefused('pdfActiveContent');
      pages.push(await renderPage(page, pdf.canvasFactory as CanvasFactory));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

type CanvasFactory = { create(width: number, height: number): { canvas: { toBuffer(type: 'image/png'): Uint8Array }; context: unknown } };
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs['getDocument']>['promise']>['getPage']>>;

async function renderPage(page: PdfPage, canvasFactory: CanvasFactory): Promise<RenderedPage> {
  const natural = page.getViewport({ scale: 1 });
  const scale = PREVIEW_SIDE / Math.max(natural.width, natural.height);
  const viewport = page.getViewport({ scale });
  // A page far longer than wide would still be a huge canvas: such a page gets no preview.
  if (!(viewport.width >= 1 && viewport.height >= 1) || viewport.width * viewport.height > PREVIEW_SIDE * PREVIEW_SIDE) return null;
  try {
    const { canvas, context } = canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvas: canvas as never, canvasContext: context as never, viewport }).promise;
    return { png: canvas.toBuffer('image/png') };
  } catch {
    return null;
  }
}
