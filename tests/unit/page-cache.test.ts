import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { brotliDecompressSync, deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { chooseEncoding } from '@/lib/http/encoding';
import { createPageCache, policyForSharedCopy, type PageCacheOptions } from '@/lib/http/page-cache';
import { localeOfRequest } from '@/lib/i18n/config';

const NONCE_POLICY = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; object-src 'none'";

type Render = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose app counts its renders; `render` decides what the app answers. */
async function serve(render: Render, options: Partial<PageCacheOptions> = {}) {
  const cache = createPageCache({ ttlMs: 60_000, maxEntries: 100, maxEntryBytes: 1_000_000, maxTotalBytes: 10_000_000, ...options });
  let renders = 0;
  server = createServer((request, response) => {
    void cache.handle(request, response, () => {
      renders++;
      return render(request, response);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // fetch asks for gzip by default; readers here ask for plain bodies unless a test says otherwise.
  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(base + path, { ...init, headers: { 'accept-encoding': 'identity', ...(init.headers as Record<string, string>) } });
    return {
      status: response.status,
      state: response.headers.get('x-page-cache'),
      csp: response.headers.get('content-security-policy'),
      body: await response.text(),
    };
  };
  return { get, renders: () => renders, cache };
}

const page: Render = (request, response) => {
  response.setHeader('content-type', 'text/html; charset=utf-8');
  response.setHeader('content-security-policy', NONCE_POLICY);
  response.write('<html><body><h1>');
  response.end(`${request.url} ${request.headers['accept-language'] ?? '-'} ${request.headers.cookie ?? '-'}</h1></body></html>`);
};

describe('page cache', () => {
  it('renders a public page once and serves the copy to the next readers', async () => {
    const { get, renders } = await serve(page);
    const first = await get('/results?election=akim-2023');
    const second = await get('/results?election=akim-2023');
    expect([first.state, second.state]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    expect(renders()).toBe(1);
  });

  it('keeps separate copies per address and language, and one copy for every encoding', async () => {
    const { get, renders } = await serve(page);
    await get('/results?election=a');
    await get('/results?election=b');
    await get('/results?election=a', { headers: { 'accept-language': 'ru' } });
    await get('/results?election=a', { headers: { cookie: 'NEXT_LOCALE=en' } });
    expect((await get('/results?election=a', { headers: { cookie: 'NEXT_LOCALE=en' } })).state).toBe('hit');
    // The language cookie wins over Accept-Language, as in the app.
    expect((await get('/results?election=a', { headers: { cookie: 'NEXT_LOCALE=en', 'accept-language': 'ru' } })).state).toBe('hit');
    const gzipReader = await get('/results?election=a', { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipReader.state).toBe('hit');
    expect(renders()).toBe(4);
  });

  it('never shares staff pages, signed-in readers, posts, server actions, failures or responses that set cookies', async () => {
    const { get, renders } = await serve((request, response) => {
      if (request.url === '/results/missing') response.statusCode = 404;
      if (request.url === '/candidates?cookie') response.setHeader('set-cookie', 'x=1');
      response.end('body');
    });
    const twice = async (path: string, init: RequestInit = {}) => [(await get(path, init)).state, (await get(path, init)).state];
    expect(await twice('/staff/protocols')).toEqual([null, null]);
    expect(await twice('/login')).toEqual([null, null]);
    expect(await twice('/results', { headers: { cookie: 'authjs.session-token=abc' } })).toEqual([null, null]);
    expect(await twice('/results', { headers: { cookie: '__Secure-authjs.session-token=abc' } })).toEqual([null, null]);
    expect(await twice('/results', { method: 'POST', body: 'x' })).toEqual([null, null]);
    expect(await twice('/results', { headers: { 'next-action': 'abc' } })).toEqual([null, null]);
    expect(await twice('/results/missing')).toEqual(['miss', 'miss']);
    expect(await twice('/candidates?cookie')).toEqual(['miss', 'miss']);
    expect(renders()).toBe(16);
  });

  it('caches the home page, the public lists and the list of elections, but not look-alike paths or the documents (kept by their route)', async () => {
    const { get } = await serve((_request, response) => {
      response.end('ok');
    });
    for (const path of ['/', '/?x=1', '/candidates?election=a', '/constituencies', '/results/akim-2023/region/aktobe', '/api/v1/elections']) {
      await get(path);
      expect((await get(path)).state, path).toBe('hit');
    }
    for (const path of ['/resultsx', '/api/auth/session', '/locale', '/api/v1/elections/7/results.json']) {
      await get(path);
      expect((await get(path)).state, path).toBeNull();
    }
  });

  it('sends what the app wrote whole when it may not be kept: too large, failed or setting a cookie', async () => {
    const { get, cache } = await serve(
      async (request, response) => {
        if (request.url === '/results?missing') response.statusCode = 404;
        if (request.url === '/results?cookie') response.setHeader('set-cookie', 'x=1');
        response.setHeader('x-app', 'yes');
        // Streamed in pieces, the way Next.js pipes a render (write, drain, end).
        await pipeline(Readable.from(['<p>', 'x'.repeat(request.url === '/results?big' ? 600 : 100), '</p>']), response);
      },
      { maxEntryBytes: 500 },
    );
    const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
    for (const [path, status] of [
      ['/results?big', 200],
      ['/results?missing', 404],
      ['/results?cookie', 200],
    ] as const) {
      const answer = await fetch(base + path, { headers: { 'accept-encoding': 'identity' } });
      const body = await answer.text();
      expect([answer.status, answer.headers.get('x-app'), body.length], path).toEqual([status, 'yes', path === '/results?big' ? 607 : 107]);
      expect((await get(path)).state, path).toBe('miss');
    }
    expect(cache.size).toBe(0);
    // A piped render that may be kept reaches its first reader whole, as the shared copy.
    const first = await get('/results?small');
    expect([first.state, first.body.length]).toEqual(['miss', 107]);
    expect(await get('/results?small')).toMatchObject({ state: 'hit', body: first.body });
  });

  it('lets one render serve a crowd that arrives at once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { get, renders } = await serve(async (request, response) => {
      await gate;
      await page(request, response);
    });
    const crowd = Array.from({ length: 20 }, () => get('/results'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await Promise.all(crowd);
    expect(renders()).toBe(1);
    expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
    expect(answers.filter((answer) => answer.state === 'miss')).toHaveLength(1);
  });

  it('renders again once the copy is older than the time to live, serving the old copy meanwhile', async () => {
    let version = 1;
    const { get, renders } = await serve(
      async (_request, response) => {
        const mine = version;
        await new Promise((resolve) => setTimeout(resolve, 60));
        response.end(`version ${mine}`);
      },
      { ttlMs: 100 },
    );
    expect((await get('/results')).body).toBe('version 1');
    version = 2;
    await new Promise((resolve) => setTimeout(resolve, 120));
    const [refreshing, meanwhile] = await Promise.all([get('/results'), new Promise((resolve) => setTimeout(resolve, 10)).then(() => get('/results'))]);
    expect(refreshing).toMatchObject({ state: 'miss', body: 'version 2' });
    expect(meanwhile).toMatchObject({ state: 'stale', body: 'version 1' });
    expect((await get('/results')).body).toBe('version 2');
    expect(renders()).toBe(2);
  });

  it('answers 304 to a client that already holds the cached version', async () => {
    const { get } = await serve((_request, response) => {
      response.setHeader('etag', 'W/"7-results"');
      response.end('{"results":[]}');
    });
    await get('/api/v1/elections');
    expect(await get('/api/v1/elections', { headers: { 'if-none-match': 'W/"7-results"' } })).toMatchObject({ status: 304, body: '' });
    expect(await get('/api/v1/elections', { headers: { 'if-none-match': 'W/"6-results"' } })).toMatchObject({
      status: 200,
      body: '{"results":[]}',
    });
  });

  it('keeps at most the configured number of copies, dropping the oldest', async () => {
    const { get, cache } = await serve(
      (_request, response) => {
        response.end('x');
      },
      { maxEntries: 2 },
    );
    await get('/results?1');
    await get('/results?2');
    await get('/results?3');
    expect(cache.size).toBe(2);
    expect((await get('/results?1')).state).toBe('miss');
    expect((await get('/results?3')).state).toBe('hit');
  });

  it('keeps at most the configured number of bytes, and no copy larger than allowed', async () => {
    const { get, cache } = await serve(
      (request, response) => {
        response.end('x'.repeat(request.url === '/results?big' ? 600 : 400));
      },
      { maxEntryBytes: 500, maxTotalBytes: 1000 },
    );
    await get('/results?big');
    expect(cache.size).toBe(0);
    await get('/results?1');
    await get('/results?2');
    await get('/results?3');
    expect([cache.size, cache.bytes]).toEqual([2, 800]);
    expect((await get('/results?1')).state).toBe('miss');
  });
});

describe('the policy of a shared copy', () => {
  it('allows exactly the page’s inline scripts by hash instead of the per-response nonce', () => {
    const inline = 'self.__next_f.push([1,"payload"])';
    const html = `<html><head><script src="/_next/static/a.js" async nonce="abc"></script></head><body><script nonce="abc">${inline}</script><script>${inline}</script></body></html>`;
    const policy = policyForSharedCopy(NONCE_POLICY, html);
    const hash = createHash('sha256').update(inline).digest('base64');
    expect(policy).toBe(`default-src 'self'; script-src 'self' 'sha256-${hash}'; object-src 'none'`);
    expect(policy).not.toContain('nonce-');
  });

  it('is what a cached HTML page is served with', async () => {
    const { get } = await serve((_request, response) => {
      response.setHeader('content-type', 'text/html');
      response.setHeader('content-security-policy', NONCE_POLICY);
      response.end('<script nonce="abc">run()</script>');
    });
    const hashed = `default-src 'self'; script-src 'self' 'sha256-${createHash('sha256').update('run()').digest('base64')}'; object-src 'none'`;
    // The reader whose request rendered the page gets the shared copy too.
    expect(await get('/results')).toMatchObject({ state: 'miss', csp: hashed });
    expect(await get('/results')).toMatchObject({ state: 'hit', csp: hashed });
  });
});

/** Raw bytes and headers as sent, without fetch's decoding. */
async function rawGet(port: number, path: string, headers: Record<string, string>) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; encoding: string | undefined; vary: string | undefined; state: string | undefined; body: Buffer }>((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          encoding: response.headers['content-encoding'],
          vary: response.headers.vary,
          state: response.headers['x-page-cache'] as string | undefined,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}
const decode = (answer: { encoding: string | undefined; body: Buffer }) =>
  (answer.encoding === 'gzip' ? gunzipSync(answer.body) : answer.encoding === 'br' ? brotliDecompressSync(answer.body) : answer.body).toString('utf8');

describe('poisoning the cache', () => {
  /** An app that renders in the language lib/i18n chooses and compresses as Next.js does: with whatever the request accepts. */
  const app: Render = (request, response) => {
    const html = `<html lang="${localeOfRequest(request.headers.cookie, request.headers['accept-language'])}"><body>${'results '.repeat(200)}</body></html>`;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    const accepts = String(request.headers['accept-encoding'] ?? '');
    if (/\bgzip\b/.test(accepts)) {
      response.setHeader('content-encoding', 'gzip');
      return void response.end(gzipSync(html));
    }
    if (/\bdeflate\b/.test(accepts)) {
      response.setHeader('content-encoding', 'deflate');
      return void response.end(deflateSync(html));
    }
    response.end(html);
  };
  const port = () => (server!.address() as AddressInfo).port;

  it('cannot file one language’s page under another language’s key with a crafted cookie', async () => {
    const { renders } = await serve(app);
    const crafted = [
      'NEXT_LOCALE=ru; NEXT_LOCALE=kk',
      'NEXT_LOCALE=%72%75',
      'NEXT_LOCALE="ru"',
      'NEXT_LOCALE=ru ; x=1',
      'a=1;NEXT_LOCALE=en',
      'NEXT_LOCALE=en;NEXT_LOCALE=ru',
    ];
    for (const cookie of crafted) {
      const attacker = await rawGet(port(), '/results', { cookie, 'accept-encoding': 'identity' });
      // Whatever the attacker gets, a plain reader of every language gets its own page.
      for (const [headers, lang] of [
        [{}, 'kk'],
        [{ 'accept-language': 'ru' }, 'ru'],
        [{ cookie: 'NEXT_LOCALE=en' }, 'en'],
      ] as const) {
        const reader = await rawGet(port(), '/results', { 'accept-encoding': 'identity', ...headers });
        expect(decode(reader), `${cookie} → ${JSON.stringify(headers)}`).toContain(`lang="${lang}"`);
      }
      expect(attacker.status).toBe(200);
    }
    expect(renders()).toBeLessThanOrEqual(3);
  });

  it('never answers a reader in an encoding it did not ask for, whoever filled the cache', async () => {
    await serve(app);
    const attacker = await rawGet(port(), '/results', { 'accept-encoding': 'deflate' });
    expect(attacker.encoding).toBeUndefined();
    const plain = await rawGet(port(), '/results', {});
    expect(plain).toMatchObject({ state: 'hit', encoding: undefined });
    expect(plain.body.toString('utf8')).toContain('lang="kk"');
    const identity = await rawGet(port(), '/results', { 'accept-encoding': 'identity' });
    expect(identity.body.equals(plain.body)).toBe(true);
    const gzip = await rawGet(port(), '/results', { 'accept-encoding': 'gzip' });
    expect(gzip.encoding).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    const browser = await rawGet(port(), '/results', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(browser.encoding).toBe('br');
    expect(brotliDecompressSync(browser.body).equals(plain.body)).toBe(true);
    expect(browser.vary).toMatch(/accept-encoding/i);
    const noBrotli = await rawGet(port(), '/results', { 'accept-encoding': 'br;q=0, gzip;q=0.5' });
    expect(noBrotli.encoding).toBe('gzip');
  });

  it('picks the best encoding the reader accepts', () => {
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBe('identity');
    expect(chooseEncoding('deflate', ['br', 'gzip'])).toBe('identity');
    expect(chooseEncoding('gzip, br', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('gzip, br', [])).toBe('identity');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('*;q=0, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0', ['br', 'gzip'])).toBe('identity');
    expect(chooseEncoding('GZIP;Q=1', ['br', 'gzip'])).toBe('gzip');
    // What is offered decides too: an open-data document is kept in gzip only.
    expect(chooseEncoding('gzip, br', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBe('identity');
  });
});
