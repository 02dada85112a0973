import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestContext, type RequestContext } from './request-context';

/** A request id from the proxy is kept when it looks like one (no log injection), else one is made. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/** One line of JSON on standard output: what log collectors parse without configuration. */
export function logLine(event: string, fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), event, ...fields })}\n`);
}

/**
 * Serves a request inside its context and logs it when it ends: request id (echoed back in
 * X-Request-Id), method, path without the query (searches may hold names), status, duration,
 * page-cache state and the staff user's id. No addresses, cookies, bodies or names.
 */
export function withRequestLog(request: IncomingMessage, response: ServerResponse, serve: () => unknown, log = true): unknown {
  const context: RequestContext = { requestId: requestIdOf(request) };
  const started = performance.now();
  response.setHeader('x-request-id', context.requestId);
  if (log)
    response.on('close', () => {
      logLine('request', {
        requestId: context.requestId,
        method: request.method,
        path: (request.url ?? '/').split('?')[0],
        status: response.statusCode,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        ...(response.writableFinished ? {} : { aborted: true }),
        ...(response.getHeader('x-page-cache') ? { cache: response.getHeader('x-page-cache') } : {}),
        ...(context.userId !== undefined ? { userId: context.userId } : {}),
      });
    });
  return requestContext.run(context, serve);
}
