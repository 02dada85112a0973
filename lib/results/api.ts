import 'server-only';

/** Shared response helpers of the open-data API: cache headers, ETags from the results version, JSON errors. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=5, s-maxage=5, stale-while-revalidate=30';

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** A document encoded to bytes once per results version (compression is left to the server or proxy). */
export const encodeDocument = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Answers 304 when the client already holds this version, else the body with caching headers. */
export function versionedResponse(request: Request, etag: string, document: Uint8Array, contentType: string, filename?: string): Response {
  const headers: Record<string, string> = { 'Cache-Control': PUBLIC_CACHE_CONTROL, ETag: etag, 'Content-Type': contentType, 'Access-Control-Allow-Origin': '*' };
  if (filename) headers['Content-Disposition'] = `inline; filename="${filename}"`;
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(document as BodyInit, { headers });
}
