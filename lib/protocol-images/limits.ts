/**
 * What an upload of a protocol's image may be (decision 011). Pure: the upload form shows these
 * limits and the server enforces them.
 */
export const UPLOAD_LIMITS = {
  /** Each file, in bytes. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Pages of the protocol in one upload, over all its files. */
  maxPages: 4,
  maxFiles: 4,
  /** Larger images are refused before they are decoded (image bombs): a 48-megapixel phone photo fits. */
  maxPixels: 60_000_000,
  maxSide: 16_384,
} as const;

/** The whole multipart request: the files plus room for the form's fields and boundaries. */
export const MAX_REQUEST_BYTES = UPLOAD_LIMITS.maxFiles * UPLOAD_LIMITS.maxFileBytes + 64 * 1024;

export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

/** Extensions each type may be named with; a file named otherwise is refused (a lying extension). */
export const EXTENSIONS: Record<UploadType, readonly string[]> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'application/pdf': ['pdf'],
};

/** For the file picker: types and extensions it offers (the server still sniffs the bytes). */
export const ACCEPT_ATTRIBUTE = [
  ...UPLOAD_TYPES,
  ...Object.values(EXTENSIONS)
    .flat()
    .map((e) => `.${e}`),
].join(',');

/** The longest side of a preview rendition, in pixels. */
export const PREVIEW_SIDE = 1600;

/** Why a file was refused: each maps to `protocolImages.refusals.<code>` in the catalogues. */
export type RefusalCode =
  | 'empty'
  | 'tooLarge'
  | 'unsupportedType'
  | 'lyingExtension'
  | 'polyglot'
  | 'tooManyPixels'
  | 'damaged'
  | 'pdfActiveContent'
  | 'pdfEncrypted'
  | 'tooManyPages'
  | 'tooManyFiles'
  | 'noFiles'
  | 'requestTooLarge';
