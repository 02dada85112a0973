import 'server-only';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { chooseEncoding } from '@/lib/http/encoding';
import { matchesEtag, publicCacheControl } from '@/lib/http/cache-headers';
import { PRE_ENCODED_HEADER, RELAYS_ENCODING_HEADER } from '@/lib/http/pre-encoded';
import type { CompressedDocument } from './documents';

// Shared response helpers of the open-data API: cache headers, ETags from the results version, JSON errors.

/** The open-data API's own answers: as public as the page cache's shared copies of them (decision 012). */
export const PUBLIC_CACHE_CONTROL = publicCacheControl(Number(process.env.PAGE_CACHE_MS ?? 2000));

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Answers 304 when the client already holds this version, else the document: its kept gzip bytes
 * as they are to a reader that accepts gzip (every browser and HTTP library), decompressed as
 * they go out to one that does not (decision 018). `no-transform`: no compression layer, Next.js'
 * own included, may encode the body again.
 */
export function documentResponse(request: Request, etag: string, document: CompressedDocument, contentType: string, filename: string): Response {
  const headers: Record<string, string> = {
    'Cache-Control': `${PUBLIC_CACHE_CONTROL}, no-transform`,
    ETag: etag,
    Vary: 'Accept-Encoding',
    'Content-Type': contentType,
    'Content-Disposition': `inline; filename="${filename}"`,
    'Access-Control-Allow-Origin': '*',
  };
  if (matchesEtag(request.headers.get('if-none-match') ?? undefined, etag)) return new Response(null, { status: 304, headers });
  const relayed = request.headers.get(RELAYS_ENCODING_HEADER) === '1';
  if (relayed && chooseEncoding(request.headers.get('accept-encoding'), ['gzip']) === 'gzip') {
    return new Response(document.gzip as BodyInit, { headers: { ...headers, [PRE_ENCODED_HEADER]: 'gzip' } });
  }
  const text = Readable.toWeb(Readable.from([document.gzip]).pipe(createGunzip())) as ReadableStream<Uint8Array>;
  return new Response(text, { headers });
}
