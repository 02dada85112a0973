import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { etagOf, matchesEtag, sharedCopyHeaders } from '@/lib/http/cache-headers';
import { isLocale, LOCALE_COOKIE, negotiateLocale } from '@/lib/i18n/config';

/**
 * Election-night micro-cache in front of the app, for the public pages and the open-data API:
 * a response rendered for one reader is served to every reader asking the same thing for the
 * next `ttlMs`, without rendering again (like an nginx proxy cache, but in the process). Pages
 * underneath read results through the versioned results cache (decision 004), so an approval
 * reaches readers within the results poll interval plus `ttlMs` on every instance.
 *
 * Only anonymous GET/HEAD requests to public paths are cached, only 200 responses that set no
 * cookie. Readers asking in different languages, encodings or router states get separate copies.
 */

const PUBLIC_PATHS = /^\/(?:$|\?|results(?:[/?]|$)|candidates(?:[/?]|$)|constituencies(?:[/?]|$)|api\/v1\/)/;
const SESSION_COOKIES = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;
/** Request headers the response depends on (Next.js lists them in Vary), besides language and encoding. */
const VARYING_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'x-forwarded-proto'];

type Entry = { status: number; headers: OutgoingHttpHeaders; body: Buffer; storedAt: number };
export type PageCacheOptions = { ttlMs: number; maxEntries: number; maxEntryBytes: number; maxTotalBytes: number };

function cookie(header: string | undefined, name: string): string | undefined {
  const match = header?.match(new RegExp(`(?:^|;\\s*)${name}=([^;]*)`));
  return match?.[1];
}

/** The language the app will render in for this request: the same choice as lib/i18n/request.ts. */
function localeOf(request: IncomingMessage): string {
  const chosen = cookie(request.headers.cookie, LOCALE_COOKIE);
  return isLocale(chosen) ? chosen : negotiateLocale(request.headers['accept-language'] ?? null);
}

export function cacheKey(request: IncomingMessage): string | null {
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  if ((method !== 'GET' && method !== 'HEAD') || !PUBLIC_PATHS.test(url)) return null;
  if (SESSION_COOKIES.test(request.headers.cookie ?? '') || request.headers['next-action']) return null;
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const varying = VARYING_HEADERS.map((name) => request.headers[name] ?? '');
  return createHash('sha256')
    .update(JSON.stringify([url, localeOf(request), gzip, ...varying]))
    .digest('base64url');
}

/**
 * The cached copy's Content-Security-Policy: every reader of a copy sees the same nonce, so the
 * nonce is replaced by the hashes of the page's own inline scripts (and 'self' for its files):
 * still nothing but those exact scripts can run.
 */
export function policyForSharedCopy(policy: string, html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) => `'sha256-${createHash('sha256').update(match[1]!, 'utf8').digest('base64')}'`,
  );
  return policy.replace(/script-src[^;]*/, `script-src 'self' ${[...new Set(hashes)].join(' ')}`.trim());
}

export function createPageCache(options: PageCacheOptions) {
  // A Map keeps insertion order: re-inserting on store makes the first key the least recently stored.
  const entries = new Map<string, Entry>();
  /** Renders under way, so a crowd arriving together waits for one render instead of starting its own. */
  const rendering = new Map<string, Promise<void>>();

  function send(request: IncomingMessage, response: ServerResponse, entry: Entry, state: 'hit' | 'stale' | 'miss') {
    const age = Date.now() - entry.storedAt;
    // A shared copy may be shared further, by any proxy or CDN, for the rest of its life here (decision 012).
    const shared = sharedCopyHeaders((request.url ?? '/').split('?')[0]!, entry.headers, options.ttlMs - age);
    // No Age header: s-maxage already counts down, and a cache that honours Age would count twice.
    const headers = { ...shared, 'x-page-cache': state };
    // A client that holds this copy gets an empty answer.
    if (matchesEtag(request.headers['if-none-match'], String(entry.headers.etag ?? ''))) {
      delete headers['content-length'];
      response.writeHead(304, headers);
      return response.end();
    }
    response.writeHead(entry.status, headers);
    response.end(request.method === 'HEAD' ? undefined : entry.body);
  }

  let totalBytes = 0;
  function drop(key: string) {
    totalBytes -= entries.get(key)?.body.length ?? 0;
    entries.delete(key);
  }
  function store(key: string, entry: Entry) {
    drop(key);
    entries.set(key, entry);
    totalBytes += entry.body.length;
    while (entries.size > options.maxEntries || totalBytes > options.maxTotalBytes) drop(entries.keys().next().value!);
  }

  /** The copy to keep from a finished render, or null when it may not be shared. */
  function copyOf(status: number, headers: OutgoingHttpHeaders, body: Buffer): Entry | null {
    // Next.js marks every dynamically rendered page "private, no-store" for browsers; what may be
    // shared here is decided by the path, the session cookie and the language, not by that header.
    if (status !== 200 || headers['set-cookie'] || body.length > options.maxEntryBytes) return null;
    const kept: OutgoingHttpHeaders = { ...headers };
    delete kept.date;
    delete kept['transfer-encoding'];
    delete kept.connection;
    delete kept['keep-alive'];
    // Each answer names its own request (lib/http/request-log.ts).
    delete kept['x-request-id'];
    const policy = kept['content-security-policy'];
    if (typeof policy === 'string' && String(kept['content-type'] ?? '').includes('text/html')) {
      const html = (kept['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      kept['content-security-policy'] = policyForSharedCopy(policy, html);
    }
    kept['content-length'] = String(body.length);
    // The open-data API names its versions itself; pages get one from their bytes.
    kept.etag ??= etagOf(body);
    return { status: 200, headers: kept, body, storedAt: Date.now() };
  }

  /**
   * Holds back what the app writes for a GET until it is complete: if it may be shared, it is kept
   * and the reader who asked first gets the shared copy too (hash policy, ETag, public for proxies,
   * decision 012); otherwise, or once it outgrows a copy, it goes out as the app wrote it.
   * Resolves when the response is done.
   */
  function capture(key: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const done = new Promise<void>((resolve) => response.on('close', resolve));
    if (request.method !== 'GET') return done;
    const chunks: Buffer[] = [];
    let size = 0;
    let headArgs: unknown[] = [];
    const { writeHead, write, end, flushHeaders } = response;
    const restore = () => Object.assign(response, { writeHead, write, end, flushHeaders });
    /** Sends what was held back; the rest streams straight through. */
    const release = () => {
      restore();
      response.writeHead(response.statusCode, ...(headArgs as []));
      for (const chunk of chunks) response.write(chunk);
    };
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      const buffer =
        typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
    };
    const callbackIn = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === 'function');
    // The status is the response's own (the app may set statusCode without calling writeHead).
    response.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
      this.statusCode = code;
      if (rest.length) headArgs = rest;
      return this;
    } as ServerResponse['writeHead'];
    response.flushHeaders = () => {};
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      if (size > options.maxEntryBytes) {
        release();
        callbackIn(rest)?.();
        return true;
      }
      const callback = callbackIn(rest);
      if (callback) process.nextTick(callback);
      return true;
    } as ServerResponse['write'];
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(typeof chunk === 'function' ? undefined : chunk, rest[0]);
      const callback = callbackIn([chunk, ...rest]);
      const headerObject = headArgs.find((arg): arg is OutgoingHttpHeaders => !!arg && typeof arg === 'object' && !Array.isArray(arg));
      const entry = copyOf(this.statusCode, { ...this.getHeaders(), ...headerObject }, Buffer.concat(chunks));
      if (entry) {
        store(key, entry);
        restore();
        send(request, response, entry, 'miss');
      } else {
        release();
        response.end();
      }
      if (callback) process.nextTick(callback);
      return this;
    } as ServerResponse['end'];
    return done;
  }

  function renderAndKeep(key: string, request: IncomingMessage, response: ServerResponse, render: () => unknown) {
    response.setHeader('x-page-cache', 'miss');
    const done = capture(key, request, response);
    if (request.method === 'GET' && !rendering.has(key)) {
      rendering.set(key, done);
      void done.finally(() => rendering.delete(key));
    }
    return render();
  }

  return {
    /** Serves from the cache, or lets `render` answer (and keeps its answer when it may be shared). */
    handle(request: IncomingMessage, response: ServerResponse, render: () => unknown) {
      const key = cacheKey(request);
      if (key === null) return render();
      const entry = entries.get(key);
      if (entry && Date.now() - entry.storedAt < options.ttlMs) return send(request, response, entry, 'hit');
      const inFlight = rendering.get(key);
      if (!inFlight) return renderAndKeep(key, request, response, render);
      // Someone is already rendering this: the previous copy will do meanwhile, or wait for the new one.
      if (entry) return send(request, response, entry, 'stale');
      return inFlight.then(() => {
        const fresh = entries.get(key);
        return fresh ? send(request, response, fresh, 'hit') : renderAndKeep(key, request, response, render);
      });
    },
    get size() {
      return entries.size;
    },
    get bytes() {
      return totalBytes;
    },
  };
}
