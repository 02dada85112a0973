import { crc32 } from 'node:zlib';
import { EXTENSIONS, type RefusalCode, type UploadType } from './limits';

/**
 * Reading JPEG, PNG and PDF files from their bytes: the real type (whatever the name or the
 * browser says), signs of a second format hidden in the same bytes (polyglots), the image's
 * dimensions from its header (before anything is decoded), and a copy without metadata.
 */

export class FileRefused extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly values: Record<string, string> = {},
  ) {
    super(code);
  }
}

const refuse = (code: RefusalCode, values?: Record<string, string>): never => {
  throw new FileRefused(code, values);
};

const ascii = (text: string) => Buffer.from(text, 'latin1');
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

const JPEG_MAGIC = [0xff, 0xd8, 0xff];
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_MAGIC = [...ascii('%PDF-')];

/** The type the bytes are, or null: never the file's name or the browser's word. */
export function sniffType(bytes: Uint8Array): UploadType | null {
  if (startsWith(bytes, JPEG_MAGIC)) return 'image/jpeg';
  if (startsWith(bytes, PNG_MAGIC)) return 'image/png';
  if (startsWith(bytes, PDF_MAGIC)) return 'application/pdf';
  return null;
}

/** A name whose extension claims another type than the bytes (or an extension of no accepted type) lies. */
export function extensionLies(name: string, type: UploadType): boolean {
  const match = /\.([a-z0-9]{1,8})$/i.exec(name.trim());
  if (!match) return false;
  return !EXTENSIONS[type].includes(match[1]!.toLowerCase());
}

// Where other formats' readers look for their signatures: PDF readers anywhere in the first
// 1,024 bytes, browsers sniffing HTML in the first 512, ZIP readers at the end (its directory).
const FOREIGN_HEAD = ['%pdf-', '<html', '<script', '<svg', '<!doctype', '<body', '<iframe', '<?php'];
const ZIP_DIRECTORY_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_SEARCH = 65_557;

/**
 * A second format's signature where that format's readers look for it. The end-of-data checks
 * (trailing bytes) live in the format parsers below.
 */
export function foreignSignature(bytes: Uint8Array, type: UploadType): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const head = buffer.subarray(0, 1024).toString('latin1').toLowerCase();
  for (const signature of FOREIGN_HEAD) {
    if (type === 'application/pdf' && signature === '%pdf-') continue;
    if (head.includes(signature)) return signature;
  }
  if (buffer.subarray(Math.max(0, buffer.length - ZIP_SEARCH)).includes(ZIP_DIRECTORY_END)) return 'zip';
  return null;
}

export type Dimensions = { width: number; height: number };

/** Bytes after a format's end belong to something else (a ZIP, a video, a script), unless they are zero padding. */
function refuseTrailingData(bytes: Uint8Array, end: number) {
  for (let at = end; at < bytes.length; at++) if (bytes[at] !== 0) refuse('polyglot', { detail: 'trailing' });
}

/* ---------------------------------------------------------------- JPEG */

const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);

/** EXIF orientation (1–8) from an APP1 Exif segment's first directory, or 1. */
function exifOrientation(segment: Uint8Array): number {
  const data = Buffer.from(segment.buffer, segment.byteOffset, segment.byteLength);
  if (data.length < 14 || data.toString('latin1', 0, 6) !== 'Exif\0\0') return 1;
  const tiff = data.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (at + 2 <= tiff.length ? (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at)) : 0);
  const u32 = (at: number) => (at + 4 <= tiff.length ? (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at)) : 0);
  const directory = u32(4);
  const entries = u16(directory);
  for (let index = 0; index < entries; index++) {
    const entry = directory + 2 + index * 12;
    if (u16(entry) === 0x0112) {
      const value = u16(entry + 8);
      return value >= 1 && value <= 8 ? value : 1;
    }
  }
  return 1;
}

/** An APP1 segment holding only the orientation, so a rotated phone photo still shows upright. */
function orientationSegment(orientation: number): Uint8Array {
  const payload = Buffer.concat([
    ascii('Exif\0\0'),
    Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]), // big-endian TIFF, first directory at 8
    Buffer.from([0x00, 0x01]), // one entry
    Buffer.from([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00]), // Orientation, SHORT, 1 value
    Buffer.from([0x00, 0x00, 0x00, 0x00]), // no next directory
  ]);
  const length = payload.length + 2;
  return Buffer.concat([Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]), payload]);
}

/** The JFIF header without its optional thumbnail (arbitrary bytes could ride in it). */
function bareJfif(segment: Uint8Array): Uint8Array | null {
  const data = Buffer.from(segment.buffer, segment.byteOffset, segment.byteLength);
  if (data.length < 14 || data.toString('latin1', 0, 5) !== 'JFIF\0') return null;
  return Buffer.concat([Buffer.from([0xff, 0xe0, 0x00, 0x10]), data.subarray(0, 12), Buffer.from([0x00, 0x00])]);
}

export type Sanitised = { bytes: Uint8Array; dimensions: Dimensions; orientation: number };

/**
 * Walks a JPEG's segments to its end. Returns a copy without metadata: application segments
 * (EXIF with GPS, XMP, IPTC, ICC profiles, vendor notes) and comments are dropped, the JFIF
 * header keeps no thumbnail, an Adobe marker (colour transform) stays, and the orientation is
 * kept alone in a minimal EXIF segment. The compressed image data is copied byte for byte.
 */
export function sanitiseJpeg(bytes: Uint8Array): Sanitised {
  const kept: Uint8Array[] = [bytes.subarray(0, 2)];
  let dimensions: Dimensions | null = null;
  let orientation = 1;
  let jfif: Uint8Array | null = null;
  let at = 2;
  let end = -1;
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) refuse('damaged');
    let markerAt = at + 1;
    while (bytes[markerAt] === 0xff) markerAt++; // fill bytes
    const marker = bytes[markerAt];
    if (marker === undefined) refuse('damaged');
    if (marker === 0xd9) {
      end = markerAt + 1;
      break;
    }
    if (isStandalone(marker!)) refuse('damaged');
    const length = ((bytes[markerAt + 1] ?? 0) << 8) | (bytes[markerAt + 2] ?? 0);
    const segmentEnd = markerAt + 1 + length;
    if (length < 2 || segmentEnd > bytes.length) refuse('damaged');
    const body = bytes.subarray(markerAt + 3, segmentEnd);
    if (isStartOfFrame(marker!)) {
      if (body.length < 5) refuse('damaged');
      dimensions = { height: (body[1]! << 8) | body[2]!, width: (body[3]! << 8) | body[4]! };
    }
    if (marker === 0xe0) jfif ??= bareJfif(body);
    else if (marker === 0xe1) orientation = orientation === 1 ? exifOrientation(body) : orientation;
    else if (marker === 0xee || !((marker! >= 0xe0 && marker! <= 0xef) || marker === 0xfe)) kept.push(bytes.subarray(at, segmentEnd));
    at = segmentEnd;
    if (marker === 0xda) {
      // Entropy-coded data up to the next marker that is neither stuffing (FF00) nor a restart.
      const dataStart = at;
      while (
        at < bytes.length - 1 &&
        !(bytes[at] === 0xff && bytes[at + 1] !== 0x00 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7) && bytes[at + 1] !== 0xff)
      )
        at++;
      if (at >= bytes.length - 1) refuse('damaged');
      kept.push(bytes.subarray(dataStart, at));
    }
  }
  if (end < 0 || !dimensions) refuse('damaged');
  refuseTrailingData(bytes, end);
  kept.push(Buffer.from([0xff, 0xd9]));
  const header = [bytes.subarray(0, 2), ...(jfif ? [jfif] : []), ...(orientation !== 1 ? [orientationSegment(orientation)] : [])];
  return { bytes: Buffer.concat([...header, ...kept.slice(1)]), dimensions: dimensions!, orientation };
}

/* ---------------------------------------------------------------- PNG */

// Ancillary chunks that only affect how the pixels look; every other ancillary chunk (text,
// EXIF, time, ICC profiles, private chunks, animation) is dropped.
const KEPT_PNG_ANCILLARY = new Set(['gAMA', 'cHRM', 'sRGB', 'pHYs', 'tRNS', 'bKGD', 'sBIT']);

/** Walks a PNG's chunks (each CRC checked) to IEND; returns a copy without metadata chunks. */
export function sanitisePng(bytes: Uint8Array): Sanitised {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [buffer.subarray(0, 8)];
  let dimensions: Dimensions | null = null;
  let at = 8;
  let ended = false;
  while (at + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const chunkEnd = at + 12 + length;
    if (!/^[A-Za-z]{4}$/.test(type) || chunkEnd > buffer.length) refuse('damaged');
    if (crc32(buffer.subarray(at + 4, at + 8 + length)) !== buffer.readUInt32BE(at + 8 + length)) refuse('damaged');
    if (dimensions === null && type !== 'IHDR') refuse('damaged');
    if (type === 'IHDR') dimensions = { width: buffer.readUInt32BE(at + 8), height: buffer.readUInt32BE(at + 12) };
    const critical = type[0] === type[0]!.toUpperCase();
    if (critical || KEPT_PNG_ANCILLARY.has(type)) kept.push(buffer.subarray(at, chunkEnd));
    at = chunkEnd;
    if (type === 'IEND') {
      ended = true;
      break;
    }
  }
  if (!ended || !dimensions) refuse('damaged');
  refuseTrailingData(bytes, at);
  return { bytes: Buffer.concat(kept), dimensions: dimensions!, orientation: 1 };
}

/* ---------------------------------------------------------------- PDF */

// Names that make a PDF act rather than show: scripts, launching programs, embedded files,
// forms that submit, multimedia, remote documents.
const ACTIVE_PDF_NAMES = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToR',
  'GoToE',
  'Sound',
  'Movie',
  'Rendition',
]);

/** Every PDF name in the text, with `#xx` escapes decoded (`/J#61vaScript` is `/JavaScript`). */
function pdfNames(text: string): string[] {
  return [...text.matchAll(/\/([^\s/<>[\]()%{}]+)/g)].map((match) =>
    match[1]!.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
  );
}

/**
 * The structural checks of a PDF: nothing after its last `%%EOF`, no encryption (its objects
 * could not be inspected) and no active content, looked for in the file and inside its
 * compressed object streams, where dictionaries can hide. `inflate` decompresses one stream
 * with a cap on its output.
 */
export function checkPdfStructure(bytes: Uint8Array, inflate: (data: Uint8Array) => Uint8Array | null): void {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const eof = text.lastIndexOf('%%EOF');
  if (eof < 0) refuse('damaged');
  if (!/^[\s\0]*$/.test(text.slice(eof + 5))) refuse('polyglot', { detail: 'trailing' });
  const names = pdfNames(text);
  if (names.includes('Encrypt')) refuse('pdfEncrypted');
  const hidden: string[] = [];
  for (const match of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S]){0,2000}?)>>\s*stream\r?\n/g)) {
    const dictionary = pdfNames(match[1]!);
    // An uncompressed object stream was read with the rest of the file; other filters are left to PDF.js' check.
    if (!dictionary.includes('ObjStm') || !dictionary.includes('FlateDecode')) continue;
    const start = match.index + match[0].length;
    const stop = text.indexOf('endstream', start);
    if (stop < 0) refuse('damaged');
    const inflated = inflate(bytes.subarray(start, stop));
    if (inflated === null) refuse('damaged');
    hidden.push(...pdfNames(Buffer.from(inflated!).toString('latin1')));
  }
  const active = [...names, ...hidden].find((name) => ACTIVE_PDF_NAMES.has(name));
  if (active) refuse('pdfActiveContent', { detail: active });
}
