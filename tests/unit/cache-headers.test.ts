import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalPublicUrl, keepPersonalAnswersPrivate, matchesEtag, publicCacheControl, redirectToCanonical, varyFor } from '@/lib/http/cache-headers';
import { createPageCache } from '@/lib/http/page-cache';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** server.ts' order: personal answers marked private, canonical addresses, then the page cache. */
async function serve(render: (request: IncomingMessage, response: ServerResponse) => void, ttlMs = 60_000) {
  const cache = createPageCache({ ttlMs, maxEntries: 100, maxEntryBytes: 1_000_000, maxTotalBytes: 10_000_000 });
  let requests = 0;
  const listening = createServer((request, response) => {
    // What the request log does first: every answer names its own request.
    response.setHeader('x-request-id', `request-${++requests}`);
    keepPersonalAnswersPrivate(request, response);
    if (redirectToCanonical(request, response)) return;
    void cache.handle(request, response, () => render(request, response));
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  return (path: string, init: RequestInit = {}) =>
    fetch(base + path, { redirect: 'manual', ...init, headers: { 'accept-encoding': 'identity', ...(init.headers as Record<string, string>) } });
}

const nextPage = (request: IncomingMessage, response: ServerResponse) => {
  // What Next.js says about every dynamically rendered page.
  response.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  response.setHeader('vary', 'rsc, next-router-state-tree');
  response.setHeader('content-type', 'text/html');
  response.end(`<p>${request.url}</p>`);
};

describe('cache headers of shared copies', () => {
  it('serves the page cache’s copies as public for their remaining life, with an ETag and a full Vary', async () => {
    const get = await serve(nextPage, 3000);
    const miss = await get('/results?election=a');
    // The reader whose request rendered it gets the shared copy too, for the copy's whole life.
    expect([miss.headers.get('x-page-cache'), miss.headers.get('cache-control')]).toEqual(['miss', 'public, max-age=0, s-maxage=3, stale-while-revalidate=10']);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const hit = await get('/results?election=a');
    expect(hit.headers.get('x-page-cache')).toBe('hit');
    expect([miss.headers.get('x-request-id'), hit.headers.get('x-request-id')]).toEqual(['request-1', 'request-2']);
    // A second later, proxies may keep it for the rest of its life here.
    expect(hit.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=2, stale-while-revalidate=10');
    expect(hit.headers.get('etag')).toBe(miss.headers.get('etag'));
    expect(hit.headers.get('vary')).toBe('rsc, next-router-state-tree, Accept-Encoding, Accept-Language, Cookie');
    const etag = hit.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await get('/results?election=a', { headers: { 'if-none-match': `"other", W/${etag}` } });
    expect([again.status, await again.text()]).toEqual([304, '']);
    expect((await get('/results?election=a', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('gives the API a Vary without language', () => {
    expect(varyFor('/api/v1/elections', undefined)).toBe('Accept-Encoding');
    expect(varyFor('/results', 'Accept-Encoding')).toBe('Accept-Encoding, Accept-Language, Cookie');
  });

  it('never lets a proxy keep an answer to a signed-in reader, a change or a cookie', async () => {
    const get = await serve((request, response) => {
      // An app that wrongly marks everything public must still be overruled.
      response.setHeader('cache-control', 'public, s-maxage=60');
      if (request.headers['x-sets-cookie']) response.setHeader('set-cookie', 'a=1');
      response.end('x');
    });
    const session = { cookie: 'NEXT_LOCALE=kk; authjs.session-token=abc' };
    expect((await get('/staff', { headers: session })).headers.get('cache-control')).toBe('private, no-store');
    expect((await get('/results', { headers: session })).headers.get('cache-control')).toBe('private, no-store');
    expect((await get('/results', { headers: { cookie: '__Secure-authjs.session-token=abc' } })).headers.get('cache-control')).toBe('private, no-store');
    expect((await get('/login', { method: 'POST', body: 'x' })).headers.get('cache-control')).toBe('private, no-store');
    expect((await get('/results', { headers: { 'x-sets-cookie': '1' } })).headers.get('cache-control')).toBe('private, no-store');
    // Files the same for everyone keep theirs.
    expect((await get('/_next/static/chunk.js', { headers: session })).headers.get('cache-control')).toBe('public, s-maxage=60');
    expect((await get('/protocol-images/abc')).headers.get('cache-control')).toBe('public, s-maxage=60');
  });

  it('says how long proxies may keep a copy in whole seconds, at least one', () => {
    expect(publicCacheControl(2000)).toContain('s-maxage=2,');
    expect(publicCacheControl(1200)).toContain('s-maxage=2,');
    expect(publicCacheControl(-50)).toContain('s-maxage=1,');
  });

  it('compares validators as If-None-Match does', () => {
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', 'W/"a"')).toBe(true);
    expect(matchesEtag('*', '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag(undefined, '"a"')).toBe(false);
    expect(matchesEtag('"a"', undefined)).toBe(false);
  });
});

describe('canonical public addresses', () => {
  it('drops unknown and repeated parameters, keeps the ones a page reads', () => {
    expect(canonicalPublicUrl('/results?election=a')).toBeNull();
    expect(canonicalPublicUrl('/results?election=a&utm_source=x')).toBe('/results?election=a');
    expect(canonicalPublicUrl('/results?election=a&election=b')).toBe('/results?election=a');
    expect(canonicalPublicUrl('/?x=1')).toBe('/');
    expect(canonicalPublicUrl('/candidates?election=a&status=registered&sex=female&q=1')).toBe('/candidates?election=a&status=registered&sex=female');
    expect(canonicalPublicUrl('/results/akim-2023/region/aktobe?x=1')).toBe('/results/akim-2023/region/aktobe');
    // Long lists are paged: the page number is part of the address, nothing else is added.
    expect(canonicalPublicUrl('/candidates?election=a&page=3')).toBeNull();
    // A large election's constituencies are listed region by region.
    expect(canonicalPublicUrl('/constituencies?election=a&region=aktobe')).toBeNull();
    expect(canonicalPublicUrl('/constituencies?election=a&region=aktobe&page=2')).toBe('/constituencies?election=a&region=aktobe');
    expect(canonicalPublicUrl('/results/akim-2023/missing-images?constituency=c-1&page=2')).toBeNull();
    expect(canonicalPublicUrl('/results/akim-2023/missing-images?page=2&q=1')).toBe('/results/akim-2023/missing-images?page=2');
    expect(canonicalPublicUrl('/results/akim-2023/region/aktobe?page=2')).toBe('/results/akim-2023/region/aktobe');
    expect(canonicalPublicUrl('/api/v1/elections/1/results.json?v=2')).toBe('/api/v1/elections/1/results.json');
    // Next.js' router marker and addresses without a query are left alone; so are staff pages.
    expect(canonicalPublicUrl('/results?election=a&_rsc=1x2y')).toBeNull();
    expect(canonicalPublicUrl('/results')).toBeNull();
    expect(canonicalPublicUrl('/staff/users?q=someone')).toBeNull();
    expect(canonicalPublicUrl('/resultsx?a=1')).toBeNull();
  });

  it('redirects such requests without caching them anywhere, so no cache grows with made-up addresses', async () => {
    let renders = 0;
    const get = await serve((request, response) => {
      renders++;
      nextPage(request, response);
    });
    for (let i = 0; i < 5; i++) {
      const answer = await get(`/results?election=a&nonce=${i}`);
      expect([answer.status, answer.headers.get('location'), answer.headers.get('cache-control')]).toEqual([308, '/results?election=a', 'no-store']);
    }
    expect(renders).toBe(0);
    expect((await get('/results?election=a', { method: 'POST', body: 'x' })).status).toBe(200);
  });
});
