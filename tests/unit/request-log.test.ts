import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noteRequestUser } from '@/lib/http/request-context';
import { withRequestLog } from '@/lib/http/request-log';

let server: Server | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  return new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function serveLogged(log = true) {
  const lines: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, ...rest: never[]) => {
    if (typeof chunk === 'string' && chunk.startsWith('{"time"')) return lines.push(chunk) > 0;
    return write(chunk, ...rest);
  }) as typeof process.stdout.write);
  const listening = createServer((request, response) => {
    void withRequestLog(
      request,
      response,
      async () => {
        // The auth guard runs deep inside the app, asynchronously: the context follows it there.
        await new Promise((resolve) => setTimeout(resolve, 5));
        if (request.url?.startsWith('/staff')) noteRequestUser(42);
        response.end('ok');
      },
      log,
    );
  });
  server = listening;
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { base, lines, settle };
}

describe('request log', () => {
  it('writes one JSON line per request with the proxy’s request id, echoed back, and the staff user', async () => {
    const { base, lines, settle } = await serveLogged();
    const answer = await fetch(`${base}/staff/users?q=Aliya%20Nurlanovna`, {
      headers: { 'x-request-id': 'abc-123', cookie: 'authjs.session-token=secret-token' },
    });
    expect(answer.headers.get('x-request-id')).toBe('abc-123');
    await settle();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.endsWith('}\n') && !lines[0]!.slice(0, -1).includes('\n')).toBe(true);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({ event: 'request', requestId: 'abc-123', method: 'GET', path: '/staff/users', status: 200, userId: 42 });
    expect(typeof line.durationMs).toBe('number');
    // No query (it may hold a name), no cookie.
    expect(lines[0]).not.toMatch(/Aliya|secret-token/);
  });

  it('makes a request id when the proxy sent none or one that does not look like one', async () => {
    const { base, lines, settle } = await serveLogged();
    const plain = await fetch(`${base}/results`);
    const forged = await fetch(`${base}/results`, { headers: { 'x-request-id': 'a"} {"event":"forged' } });
    await settle();
    const ids = [plain.headers.get('x-request-id'), forged.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(2);
    const parsed = lines.map((line) => JSON.parse(line) as { requestId?: string; userId?: number });
    expect(parsed.map((line) => line.requestId)).toEqual(ids);
    expect(parsed.map((line) => line.userId)).toEqual([undefined, undefined]);
  });

  it('still names each request but writes no line when request logging is off', async () => {
    const { base, lines, settle } = await serveLogged(false);
    const answer = await fetch(`${base}/results`, { headers: { 'x-request-id': 'quiet-1' } });
    await settle();
    expect([answer.headers.get('x-request-id'), lines]).toEqual(['quiet-1', []]);
  });
});
