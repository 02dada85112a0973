import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

/**
 * What shared HTTP caches (nginx, a CDN) may keep (decision 012). Only the page cache's shared
 * copies of public pages and open-data documents are `public`; everything personal is
 * `private, no-store`, whatever the app underneath said.
 */

/** Seconds a shared cache may serve a stale copy while it fetches a fresh one in the background. */
export const STALE_WHILE_REVALIDATE_S = 10;

/**
 * The Cache-Control of a shared copy: proxies keep it for at most its remaining life in the page
 * cache (so a proxy in front adds no delay of its own to an approval reaching readers), browsers
 * revalidate every time (cheap: the ETag answers 304).
 */
export function publicCacheControl(freshForMs: number): string {
  return `public, max-age=0, s-maxage=${Math.max(1, Math.ceil(freshForMs / 1000))}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}`;
}

export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** A strong validator for a stored copy's exact bytes (gzip and plain copies differ). */
export const etagOf = (body: Buffer): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** If-None-Match with weak comparison (RFC 9110 §13.1.2): a list of tags, `*`, W/ prefixes ignored. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string | undefined): boolean {
  if (!ifNoneMatch || !etag) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/**
 * What a public body depends on besides its address: the encoding, and for pages the language,
 * which the app negotiates from the NEXT_LOCALE cookie, else Accept-Language (decision 003).
 * The open-data API speaks no language. Next.js' own router headers (RSC…) stay listed.
 */
export function varyFor(path: string, existing: OutgoingHttpHeaders['vary']): string {
  const names = String(existing ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const wanted = path.startsWith('/api/') ? ['Accept-Encoding'] : ['Accept-Encoding', 'Accept-Language', 'Cookie'];
  for (const name of wanted) if (!names.some((have) => have.toLowerCase() === name.toLowerCase())) names.push(name);
  return names.join(', ');
}

/** The headers a shared copy is served with: public for its remaining life, validator, full Vary. */
export function sharedCopyHeaders(path: string, headers: OutgoingHttpHeaders, freshForMs: number): OutgoingHttpHeaders {
  return { ...headers, 'cache-control': publicCacheControl(freshForMs), vary: varyFor(path, headers.vary) };
}

const SESSION_COOKIES = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;
/** Files identical for everyone, signed in or not, that keep the cache headers they were given. */
const SHARED_FILES = /^\/(?:_next\/static\/|protocol-images\/|favicon\.ico|robots\.txt)/;

export const hasSessionCookie = (request: IncomingMessage) => SESSION_COOKIES.test(request.headers.cookie ?? '');

/**
 * Marks personal answers `private, no-store` as their headers go out: anything for a signed-in
 * reader, any request that changes something (sign-in, server actions) and any response setting a
 * cookie, so no proxy or CDN can keep one whatever the app or the page cache put there.
 */
export function keepPersonalAnswersPrivate(request: IncomingMessage, response: ServerResponse): void {
  const method = request.method ?? 'GET';
  const path = request.url ?? '/';
  const personalRequest = (method !== 'GET' && method !== 'HEAD') || (hasSessionCookie(request) && !SHARED_FILES.test(path));
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  response.writeHead = function (status: number, ...rest: unknown[]) {
    const headers = rest.find((arg): arg is OutgoingHttpHeaders => !!arg && typeof arg === 'object' && !Array.isArray(arg));
    const setsCookie = response.hasHeader('set-cookie') || Object.keys(headers ?? {}).some((name) => name.toLowerCase() === 'set-cookie');
    if (personalRequest || setsCookie) {
      response.setHeader('cache-control', PRIVATE_CACHE_CONTROL);
      if (headers) for (const name of Object.keys(headers)) if (name.toLowerCase() === 'cache-control') headers[name] = PRIVATE_CACHE_CONTROL;
    }
    return writeHead(status, ...rest);
  };
}

/**
 * The query parameters each public page reads; `_rsc` is Next.js' client-router marker. Any other
 * parameter would only multiply cached copies (here and in every proxy), so requests with one are
 * redirected to the address without it. Pages type their query with `PublicQuery`, so a parameter a
 * page reads cannot be missing here (it would be redirected away).
 */
export const PUBLIC_QUERIES = {
  results: ['election'],
  constituencies: ['election', 'region'],
  candidates: ['election', 'region', 'constituency', 'status', 'sex', 'route', 'page'],
  missingImages: ['constituency', 'page'],
} as const;

/** The query a public page receives: only the parameters its address keeps. */
export type PublicQuery<Page extends keyof typeof PUBLIC_QUERIES> = { [name in (typeof PUBLIC_QUERIES)[Page][number]]?: string };

const PUBLIC_PARAMETERS: [RegExp, readonly string[]][] = [
  [/^\/results$/, PUBLIC_QUERIES.results],
  [/^\/constituencies$/, PUBLIC_QUERIES.constituencies],
  [/^\/candidates$/, PUBLIC_QUERIES.candidates],
  [/^\/results\/[^/?]+\/missing-images$/, PUBLIC_QUERIES.missingImages],
  [/^\/(?:$|results\/|api\/v1\/)/, []],
];

/** The canonical form of a public address (unknown and repeated parameters dropped), or null when it already is. */
export function canonicalPublicUrl(url: string): string | null {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return null;
  const path = url.slice(0, queryAt);
  const known = PUBLIC_PARAMETERS.find(([pattern]) => pattern.test(path))?.[1];
  if (!known) return null;
  const query = new URLSearchParams(url.slice(queryAt + 1));
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [name, value] of query) {
    if ((known.includes(name) || name === '_rsc') && !kept.has(name)) kept.append(name, value);
    else dropped = true;
  }
  if (!dropped) return null;
  return kept.size ? `${path}?${kept}` : path;
}

/** Sends a GET or HEAD for a public address with unknown parameters to its canonical form; true when it did. */
export function redirectToCanonical(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const canonical = canonicalPublicUrl(request.url ?? '/');
  if (canonical === null) return false;
  // Not kept by any cache: arbitrary addresses must not fill one.
  response.writeHead(308, { location: canonical, 'cache-control': 'no-store', 'content-length': 0 });
  response.end();
  return true;
}
