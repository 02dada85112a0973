import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PRE_ENCODED_HEADER, RELAYS_ENCODING_HEADER, relayPreEncodedBodies } from '@/lib/http/pre-encoded';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe('bodies kept compressed by the app', () => {
  it('go out labelled with their encoding once server.ts relays them; the mark on the request is the server’s own', async () => {
    const seen: (string | undefined)[] = [];
    const listening = createServer((request, response) => {
      relayPreEncodedBodies(request, response);
      seen.push(request.headers[RELAYS_ENCODING_HEADER] as string | undefined);
      // What a route answers through Next.js: the encoding under its own name, the status written implicitly.
      if (request.url === '/document') {
        response.setHeader(PRE_ENCODED_HEADER, 'gzip');
        response.end(gzipSync('{"kept":"compressed"}'));
      } else response.end('plain');
    });
    server = listening;
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    const document = await fetch(`${base}/document`, { headers: { 'accept-encoding': 'gzip', [RELAYS_ENCODING_HEADER]: 'forged' } });
    expect(document.headers.get('content-encoding')).toBe('gzip');
    expect(document.headers.get(PRE_ENCODED_HEADER)).toBeNull();
    expect(await document.json()).toEqual({ kept: 'compressed' });
    const page = await fetch(`${base}/page`, { headers: { 'accept-encoding': 'gzip' } });
    expect(page.headers.get('content-encoding')).toBeNull();
    expect(await page.text()).toBe('plain');
    expect(seen).toEqual(['1', '1']);
  });
});
