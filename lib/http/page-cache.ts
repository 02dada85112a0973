import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { etagOf, matchesEtag, sharedCopyHeaders } from '@/lib/http/cache-headers';
import { chooseEncoding, type Encoding } from '@/lib/http/encoding';
import { localeOfRequest } from '@/lib/i18n/config';

/**
 * Election-night micro-cache in front of the app, for the public pages and the open-data API:
 * a response rendered for one reader is served to every reader asking the same thing for the
 * next `ttlMs`, without rendering again (like an nginx proxy cache, but in the process). Pages
 * underneath read results through the versioned results cache (decision 004), so an approval
 * reaches readers within the results poll interval plus `ttlMs` on every instance.
 *
 * Only anonymous GET/HEAD requests to public paths are cached, only 200 responses that set no
 * cookie. Readers asking in different languages or router states get separate copies. A copy is
 * kept uncompressed (the app is asked for identity) and encoded once per copy for each encoding
 * readers ask for (br, gzip), so what one reader accepts never decides what another gets.
 */

// The open-data documents (/api/v1/elections/{id}/{file}) are not copied here: their route keeps
// each one gzip-compressed per results version already (decision 018).
const PUBLIC_PATHS = /^\/(?:$|\?|results(?:[/?]|$)|candidates(?:[/?]|$)|constituencies(?:[/?]|$)|api\/v1\/elections(?:\?|$))/;
const SESSION_COOKIES = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;
/** Request headers the response depends on (Next.js lists them in Vary), besides the language; the encoding is chosen per reader. */
const VARYING_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'x-forwarded-proto'];

type Entry = { key: string; status: number; headers: OutgoingHttpHeaders; body: Buffer; encoded: Partial<Record<Encoding, Buffer>>; storedAt: number };
export type PageCacheOptions = { ttlMs: number; maxEntries: number; maxEntryBytes: number; maxTotalBytes: number };

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml|[\w.+-]+\+(?:json|xml))|image\/svg\+xml)/;
const encoders: Record<Exclude<Encoding, 'identity'>, (body: Buffer) => Buffer> = {
  // A middle quality: compressing must stay cheap next to rendering (once per copy per encoding).
  br: (body) => brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipSync(body, { level: 6 }),
};

export function cacheKey(request: IncomingMessage): string | null {
  const method = request.method ?? 'GET';
  const url = request.url ?? '/';
  if ((method !== 'GET' && method !== 'HEAD') || !PUBLIC_PATHS.test(url)) return null;
  if (SESSION_COOKIES.test(request.headers.cookie ?? '') || request.headers['next-action']) return null;
  const varying = VARYING_HEADERS.map((name) => request.headers[name] ?? '');
  return createHash('sha256')
    .update(JSON.stringify([url, localeOfRequest(request.headers.cookie, request.headers['accept-language']), ...varying]))
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

const varyWithEncoding = (vary: OutgoingHttpHeaders['vary']) => {
  const names = String(vary ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.some((name) => name.toLowerCase() === 'accept-encoding') ? names.join(', ') : [...names, 'Accept-Encoding'].join(', ');
};

/** Each encoding of a copy is its own representation: a strong validator names the encoding too. */
const etagFor = (etag: OutgoingHttpHeaders['etag'], encoding: Encoding) => {
  const tag = String(etag ?? '');
  return encoding === 'identity' || tag.startsWith('W/') ? tag : tag.replace(/"$/, `-${encoding}"`);
};

export function createPageCache(options: PageCacheOptions) {
  // A Map keeps insertion order: re-inserting on store makes the first key the least recently stored.
  const entries = new Map<string, Entry>();
  /** Renders under way, so a crowd arriving together waits for one render instead of starting its own. */
  const rendering = new Map<string, Promise<void>>();

  function send(request: IncomingMessage, response: ServerResponse, entry: Entry, state: 'hit' | 'stale' | 'miss') {
    const encoding = chooseEncoding(request.headers['accept-encoding'], COMPRESSIBLE.test(String(entry.headers['content-type'] ?? '')) ? ['br', 'gzip'] : []);
    const body = encoded(entry, encoding);
    const age = Date.now() - entry.storedAt;
    // A shared copy may be shared further, by any proxy or CDN, for the rest of its life here (decision 012).
    const shared = sharedCopyHeaders((request.url ?? '/').split('?')[0]!, entry.headers, options.ttlMs - age);
    // No Age header: s-maxage already counts down, and a cache that honours Age would count twice.
    const etag = etagFor(entry.headers.etag, encoding);
    const headers: OutgoingHttpHeaders = { ...shared, etag, 'x-page-cache': state };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.length);
    // A client that holds this copy gets an empty answer.
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      delete headers['content-length'];
      response.writeHead(304, headers);
      return response.end();
    }
    response.writeHead(entry.status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  /** The copy in this encoding, compressed on first demand and kept with the copy. */
  function encoded(entry: Entry, encoding: Encoding): Buffer {
    if (encoding === 'identity') return entry.body;
    let body = entry.encoded[encoding];
    if (!body) {
      body = entry.encoded[encoding] = encoders[encoding](entry.body);
      if (entries.get(entry.key) === entry) {
        totalBytes += body.length;
        trim();
      }
    }
    return body;
  }

  let totalBytes = 0;
  const sizeOf = (entry: Entry) => entry.body.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0);
  function drop(key: string) {
    const entry = entries.get(key);
    if (entry) totalBytes -= sizeOf(entry);
    entries.delete(key);
  }
  function store(key: string, entry: Entry) {
    drop(key);
    entries.set(key, entry);
    totalBytes += sizeOf(entry);
    trim();
  }
  function trim() {
    while (entries.size > options.maxEntries || totalBytes > options.maxTotalBytes) drop(entries.keys().next().value!);
  }

  /** The copy to keep from a finished render, or null when it may not be shared. */
  function copyOf(key: string, status: number, headers: OutgoingHttpHeaders, body: Buffer): Entry | null {
    // Next.js marks every dynamically rendered page "private, no-store" for browsers; what may be
    // shared here is decided by the path, the session cookie and the language, not by that header.
    if (status !== 200 || headers['set-cookie'] || body.length > options.maxEntryBytes) return null;
    // The app was asked for identity; a body it encoded anyway cannot be re-encoded per reader.
    if (headers['content-encoding'] && headers['content-encoding'] !== 'identity') return null;
    const kept: OutgoingHttpHeaders = { ...headers };
    delete kept['content-encoding'];
    delete kept.date;
    delete kept['transfer-encoding'];
    delete kept.connection;
    delete kept['keep-alive'];
    // Each answer names its own request (lib/http/request-log.ts).
    delete kept['x-request-id'];
    const policy = kept['content-security-policy'];
    if (typeof policy === 'string' && String(kept['content-type'] ?? '').includes('text/html')) {
      kept['content-security-policy'] = policyForSharedCopy(policy, body.toString('utf8'));
    }
    delete kept['content-length'];
    kept.vary = varyWithEncoding(kept.vary);
    // The open-data API names its versions itself; pages get one from their bytes.
    kept.etag ??= etagOf(body);
    return { key, status: 200, headers: kept, body, encoded: {}, storedAt: Date.now() };
  }

  /**
   * Holds back what the app writes for a GET until it is complete: if it may be shared, it is kept
   * and the reader who asked first gets the shared copy too (hash policy, ETag, public for proxies,
   * decision 012); otherwise, or once it outgrows a copy, it goes out as the app wrote it.
   * Resolves when the response is done.
   */
  function capture(key: string, request: IncomingMessage, response: ServerResponse, acceptEncoding: string | undefined): Promise<void> {
    const done = new Promise<void>((resolve) => response.on('close', resolve));
    if (request.method !== 'GET') return done;
    const chunks: Buffer[] = [];
    let size = 0;
    let headArgs: unknown[] = [];
    // The originals, bound, to put back once the response may go out.
    const originals = {
      writeHead: response.writeHead.bind(response),
      write: response.write.bind(response),
      end: response.end.bind(response),
      flushHeaders: response.flushHeaders.bind(response),
    };
    const restore = () => Object.assign(response, originals);
    /** Sends what was held back; the rest streams straight through. */
    const release = () => {
      restore();
      (originals.writeHead as (...args: unknown[]) => ServerResponse)(response.statusCode, ...headArgs);
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
    };
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
      const entry = copyOf(key, this.statusCode, { ...this.getHeaders(), ...headerObject }, Buffer.concat(chunks));
      if (entry) {
        store(key, entry);
        restore();
        // The app rendered uncompressed; the reader gets the copy in the encoding they accept.
        request.headers['accept-encoding'] = acceptEncoding;
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
    // The copy is kept as the app renders it, uncompressed (then encoded per reader).
    const acceptEncoding = request.headers['accept-encoding'];
    request.headers['accept-encoding'] = 'identity';
    const done = capture(key, request, response, acceptEncoding);
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
