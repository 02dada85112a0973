import 'server-only';
import { publicCacheControl } from '@/lib/http/cache-headers';

/** Shared response helpers of the open-data API: cache headers, ETags from the results version, JSON errors. */
/** The open-data API's own answers: as public as the page cache's shared copies of them (decision 012). */
export const PUBLIC_CACHE_CONTROL = publicCacheControl(Number(process.env.PAGE_CACHE_MS ?? 2000));

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A document encoded to bytes once per results version (compression is left to the server or proxy). */
export const encodeDocument = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Answers 304 when the client already holds this version, else the body with caching headers. */
export function versionedResponse(request: Request, etag: string, document: Uint8Array, contentType: string, filename?: string): Response {
  const headers: Record<string, string> = {
    'Cache-Control': PUBLIC_CACHE_CONTROL,
    ETag: etag,
    'Content-Type': contentType,
    'Access-Control-Allow-Origin': '*',
  };
  if (filename) headers['Content-Disposition'] = `inline; filename="${filename}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(document as BodyInit, { headers });
}
