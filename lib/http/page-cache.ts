import { createHash } from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
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

const PUBLIC_PATHS = /^\/(?:$|\?|results(?:[/?]|$)|candidates(?:[/?]|$)|constituencies(?:[/?]|$)|api\/v1\/)/;
const SESSION_COOKIES = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token=/;
/** Request headers the response depends on (Next.js lists them in Vary), besides the language; the encoding is chosen per reader. */
const VARYING_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url', 'x-forwarded-proto'];

type Encoding = 'br' | 'gzip' | 'identity';
type Entry = { key: string; status: number; headers: OutgoingHttpHeaders; body: Buffer; encoded: Partial<Record<Encoding, Buffer>>; storedAt: number };
export type PageCacheOptions = { ttlMs: number; maxEntries: number; maxEntryBytes: number; maxTotalBytes: number };

/**
 * The best encoding the reader accepts, of those the copy can be sent in (Accept-Encoding with
 * q-values; identity is acceptable unless refused outright).
 */
export function chooseEncoding(acceptEncoding: string | string[] | undefined, compressible: boolean): Encoding {
  const weights = new Map<string, number>();
  for (const part of String(acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((piece) => piece.trim());
    if (!name) continue;
    const q = params.find((param) => param.startsWith('q='));
    weights.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? (name === 'identity' ? 1 : 0);
  if (compressible) for (const name of ['br', 'gzip'] as const) if (weight(name) > 0) return name;
  return 'identity';
}

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

export function createPageCache(options: PageCacheOptions) {
  // A Map keeps insertion order: re-inserting on store makes the first key the least recently stored.
  const entries = new Map<string, Entry>();
  /** Renders under way, so a crowd arriving together waits for one render instead of starting its own. */
  const rendering = new Map<string, Promise<void>>();

  function send(request: IncomingMessage, response: ServerResponse, entry: Entry, state: 'hit' | 'stale') {
    const encoding = chooseEncoding(request.headers['accept-encoding'], COMPRESSIBLE.test(String(entry.headers['content-type'] ?? '')));
    const body = encoded(entry, encoding);
    const headers: OutgoingHttpHeaders = { ...entry.headers, age: String(Math.floor((Date.now() - entry.storedAt) / 1000)), 'x-page-cache': state };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = String(body.length);
    // A client that holds this version (the open-data API sends ETags) gets an empty answer.
    if (entry.headers.etag && request.headers['if-none-match'] === entry.headers.etag) {
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

  /** Records what the app writes, to keep it if it turns out cacheable; resolves when the response is done. */
  function capture(key: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    let headHeaders: OutgoingHttpHeaders = {};
    const { writeHead, write, end } = response;
    response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const headers = rest.find((arg) => arg && typeof arg === 'object');
      if (headers && !Array.isArray(headers)) headHeaders = headers as OutgoingHttpHeaders;
      return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...rest);
    } as ServerResponse['writeHead'];
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > options.maxEntryBytes) return;
      const buffer =
        typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
    };
    response.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as ServerResponse['write'];
    response.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      keep(chunk, rest[0]);
      return (end as (...args: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as ServerResponse['end'];
    const done = new Promise<void>((resolve) => response.on('close', resolve));
    response.on('finish', () => {
      if (request.method !== 'GET' || response.statusCode !== 200 || size > options.maxEntryBytes) return;
      const headers: OutgoingHttpHeaders = { ...response.getHeaders(), ...headHeaders };
      // Next.js marks every dynamically rendered page "private, no-store" for browsers; what may be
      // shared here is decided by the path, the session cookie and the language, not by that header.
      if (headers['set-cookie']) return;
      // The app was asked for identity; a body it encoded anyway cannot be re-encoded per reader.
      if (headers['content-encoding'] && headers['content-encoding'] !== 'identity') return;
      delete headers['content-encoding'];
      delete headers.date;
      delete headers['transfer-encoding'];
      delete headers.connection;
      delete headers['keep-alive'];
      const body = Buffer.concat(chunks);
      const policy = headers['content-security-policy'];
      if (typeof policy === 'string' && String(headers['content-type'] ?? '').includes('text/html')) {
        headers['content-security-policy'] = policyForSharedCopy(policy, body.toString('utf8'));
      }
      delete headers['content-length'];
      headers.vary = varyWithEncoding(headers.vary);
      store(key, { key, status: 200, headers, body, encoded: {}, storedAt: Date.now() });
    });
    return done;
  }

  function renderAndKeep(key: string, request: IncomingMessage, response: ServerResponse, render: () => unknown) {
    response.setHeader('x-page-cache', 'miss');
    // The copy is kept as the app renders it uncompressed; this first reader gets it so too.
    request.headers['accept-encoding'] = 'identity';
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
