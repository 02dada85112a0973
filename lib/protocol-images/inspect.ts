import sharp from 'sharp';
import { sha256Hex } from '@/lib/storage/hash';
import { extensionLies, FileRefused, foreignSignature, sanitiseJpeg, sanitisePng, sniffType, type Dimensions } from './formats';
import { PREVIEW_SIDE, UPLOAD_LIMITS, type RefusalCode } from './limits';
import { inspectPdf } from './pdf';
import { markInspected, type Addressed, type InspectedFile, type Preview } from './vetted';

export { isInspectedFile, type InspectedFile } from './vetted';

/** Why one file (or, with `file: null`, the upload as a whole) was refused; values fill the message. */
export type Refusal = { file: string | null; code: RefusalCode; values: Record<string, string> };
export type UploadedFile = { name: string; bytes: Uint8Array };

const addressed = (bytes: Uint8Array): Addressed => ({ sha256: sha256Hex(bytes), bytes });
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function checkDimensions({ width, height }: Dimensions) {
  if (width > UPLOAD_LIMITS.maxSide || height > UPLOAD_LIMITS.maxSide || width * height > UPLOAD_LIMITS.maxPixels) {
    throw new FileRefused('tooManyPixels', { width: String(width), height: String(height), max: String(UPLOAD_LIMITS.maxPixels / 1_000_000) });
  }
}

/** A preview-sized JPEG, turned upright, without metadata (sharp keeps none by default). */
async function previewOf(bytes: Uint8Array): Promise<Preview> {
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: UPLOAD_LIMITS.maxPixels })
      .rotate()
      .resize({ width: PREVIEW_SIDE, height: PREVIEW_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { ...addressed(data), width: info.width, height: info.height };
  } catch {
    // The header looked right but the image data does not decode.
    throw new FileRefused('damaged');
  }
}

/** Every check on one file, by its bytes; throws FileRefused. `pagesLeft` bounds a PDF's pages. */
async function inspectFile({ name, bytes }: UploadedFile, pagesLeft: number): Promise<InspectedFile> {
  if (bytes.byteLength === 0) throw new FileRefused('empty');
  if (bytes.byteLength > UPLOAD_LIMITS.maxFileBytes)
    throw new FileRefused('tooLarge', { size: megabytes(bytes.byteLength), max: megabytes(UPLOAD_LIMITS.maxFileBytes) });
  const contentType = sniffType(bytes);
  if (!contentType) throw new FileRefused('unsupportedType');
  if (extensionLies(name, contentType)) throw new FileRefused('lyingExtension', { type: contentType });
  const foreign = foreignSignature(bytes, contentType);
  if (foreign) throw new FileRefused('polyglot', { detail: foreign });
  const received = { receivedName: name.slice(0, 200), receivedSha256: sha256Hex(bytes), contentType };
  if (contentType === 'application/pdf') {
    const rendered = await inspectPdf(bytes, pagesLeft);
    const pages = [];
    for (const page of rendered) pages.push(page ? await previewOf(page.png) : null);
    // A PDF is stored as it came: its pages carry no camera metadata, and rewriting it could change what it shows.
    return { ...received, original: addressed(bytes), pages };
  }
  const sanitised = contentType === 'image/jpeg' ? sanitiseJpeg(bytes) : sanitisePng(bytes);
  checkDimensions(sanitised.dimensions);
  return { ...received, original: addressed(sanitised.bytes), pages: [await previewOf(sanitised.bytes)] };
}

/**
 * Checks an upload of a protocol's image: one to four files, one to four pages in all, each file
 * by its bytes. Every refusal is reported, one per file, so the operator can fix them at once.
 */
export async function inspectUpload(files: UploadedFile[]): Promise<{ ok: true; files: InspectedFile[] } | { ok: false; refusals: Refusal[] }> {
  if (files.length === 0) return { ok: false, refusals: [{ file: null, code: 'noFiles', values: {} }] };
  if (files.length > UPLOAD_LIMITS.maxFiles)
    return { ok: false, refusals: [{ file: null, code: 'tooManyFiles', values: { count: String(files.length), max: String(UPLOAD_LIMITS.maxFiles) } }] };
  const accepted: InspectedFile[] = [];
  const refusals: Refusal[] = [];
  let pages = 0;
  // One at a time: decoding several large photos at once would multiply the memory they take.
  for (const file of files) {
    try {
      const result = await inspectFile(file, Math.max(1, UPLOAD_LIMITS.maxPages - pages));
      pages += result.pages.length;
      accepted.push(result);
    } catch (error) {
      if (!(error instanceof FileRefused)) throw error;
      refusals.push({ file: file.name, code: error.code, values: error.values });
    }
  }
  if (refusals.length) return { ok: false, refusals };
  if (pages > UPLOAD_LIMITS.maxPages)
    return { ok: false, refusals: [{ file: null, code: 'tooManyPages', values: { pages: String(pages), max: String(UPLOAD_LIMITS.maxPages) } }] };
  for (const file of accepted) markInspected(file);
  return { ok: true, files: accepted };
}
