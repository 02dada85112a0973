/**
 * The production server: Next.js behind the in-process page cache (lib/http/page-cache.ts), so
 * election-night crowds on the public pages and the open-data API are served without rendering
 * each request. `npm start` runs its built form (dist/server.js, see scripts/build.mjs); PORT
 * picks the port. SIGTERM or SIGINT stops it gracefully.
 */
import { createServer } from 'node:http';
import { closeDatabaseHandle } from '@/db/client';
import { keepPersonalAnswersPrivate, redirectToCanonical } from '@/lib/http/cache-headers';
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from '@/lib/http/client-address';
import { answerHealth, isHealthRequest, type ServerState } from '@/lib/http/health';
import { createPageCache } from '@/lib/http/page-cache';
import { relayPreEncodedBodies } from '@/lib/http/pre-encoded';
import { logLine, withRequestLog } from '@/lib/http/request-log';
import { hasWellFormedPath } from '@/lib/http/well-formed';

// What `next start` sets: React and Next.js run their production builds.
Object.assign(process.env, { NODE_ENV: 'production' });
const { default: next } = await import('next');

const port = Number(process.env.PORT ?? 3000);
/** How long a stop waits for requests in flight before closing their connections. */
const SHUTDOWN_GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000);
/** REQUEST_LOG=off leaves out the line per request (the e2e suite's output). */
const LOG_REQUESTS = process.env.REQUEST_LOG !== 'off';
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
const pageCache = createPageCache({
  ttlMs: Number(process.env.PAGE_CACHE_MS ?? 2000),
  maxEntries: 2000,
  maxEntryBytes: 8 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
});

/** Proxies whose X-Forwarded-For is believed (docs/operations.md); a wrong setting stops the start. */
const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);

await app.prepare();
const state: ServerState = { started: false, draining: false };
const server = createServer((request, response) => {
  // Probes need no session, cache or log line of their own.
  if (isHealthRequest(request)) return void answerHealth(request, response, state);
  // The client's address is decided here, once, and whatever the client claimed in its place is overwritten.
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(request.socket.remoteAddress, request.headers['x-forwarded-for'], trustedProxies);
  // An address that cannot be decoded names nothing: the not-found page, not a server error.
  if (!hasWellFormedPath(request.url)) request.url = '/_not-found';
  void withRequestLog(
    request,
    response,
    () => {
      // While stopping, a proxy's kept-alive connection gets closed after its answer, so its next request goes elsewhere.
      if (state.draining) response.setHeader('connection', 'close');
      keepPersonalAnswersPrivate(request, response);
      relayPreEncodedBodies(request, response);
      if (redirectToCanonical(request, response)) return;
      return pageCache.handle(request, response, () => handle(request, response));
    },
    LOG_REQUESTS,
  );
});
server.listen(port, () => void checkStartUp());

async function checkStartUp() {
  // Start-up work (configuration check, migrations, demo seed: instrumentation.ts) finishes before
  // the first request is answered. Ask for a page now: if start-up failed, stop instead of serving
  // errors, so a supervisor sees the failure and restarts the portal.
  const answer = await fetch(`http://127.0.0.1:${port}/login`).catch((error: unknown) => error as Error);
  if (answer instanceof Error || answer.status >= 500) {
    console.error(`Start-up failed (${answer instanceof Error ? answer.message : `HTTP ${answer.status}`}): stopping.`);
    process.exit(1);
  }
  state.started = true;
  logLine('listening', { message: `Portal listening on http://localhost:${port}`, port });
}

/**
 * A graceful stop: accept no new connections, let requests in flight finish (each command is one
 * transaction, so it either commits or rolls back whole), then close the database — which flushes
 * the embedded one — and exit. Connections still busy after the grace period are cut.
 */
let stopping = false;
async function stop(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  // Readiness answers 503 from now on; requests in flight finish.
  state.draining = true;
  logLine('stopping', { message: `${signal}: stopping (in-flight requests get up to ${SHUTDOWN_GRACE_MS} ms)…`, signal });
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections fall idle between requests: close them as they do.
  const reaper = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS))]);
  clearInterval(reaper);
  server.closeAllConnections();
  await closeDatabaseHandle().catch((error: unknown) => console.error('Closing the database failed', error));
  logLine('stopped', { message: 'Stopped.' });
  process.exit(0);
}
process.on('SIGTERM', (signal) => void stop(signal));
process.on('SIGINT', (signal) => void stop(signal));
