import 'server-only';
import { gzipSync } from 'node:zlib';

/** Shared response helpers of the open-data API: cache headers, ETags from the results version, JSON errors. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, s-maxage=5, stale-while-revalidate=30';

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A document encoded once per results version: plain and gzip bytes, served as they are. */
export type EncodedDocument = { plain: Buffer; gzip: Buffer };
export const encodeDocument = (text: string): EncodedDocument => {
  const plain = Buffer.from(text, 'utf8');
  return { plain, gzip: gzipSync(plain) };
};

/** Answers 304 when the client already holds this version, else the body (gzip if accepted) with caching headers. */
export function versionedResponse(request: Request, etag: string, document: EncodedDocument, contentType: string, filename?: string): Response {
  const headers: Record<string, string> = { 'Cache-Control': PUBLIC_CACHE_CONTROL, ETag: etag, 'Content-Type': contentType, 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' };
  if (filename) headers['Content-Disposition'] = `inline; filename="${filename}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
  if (gzip) headers['Content-Encoding'] = 'gzip';
  return new Response(new Uint8Array(gzip ? document.gzip : document.plain), { headers });
}
