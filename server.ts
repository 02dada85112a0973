/**
 * The production server: Next.js behind the in-process page cache (lib/http/page-cache.ts), so
 * election-night crowds on the public pages and the open-data API are served without rendering
 * each request. `npm run serve` (and `npm start`, after building) run it; PORT picks the port.
 */
import { createServer } from 'node:http';
import { createPageCache } from '@/lib/http/page-cache';

// What `next start` sets: React and Next.js run their production builds.
Object.assign(process.env, { NODE_ENV: 'production' });
const { default: next } = await import('next');

const port = Number(process.env.PORT ?? 3000);
const app = next({ dev: false, port });
const handle = app.getRequestHandler();
const pageCache = createPageCache({
  ttlMs: Number(process.env.PAGE_CACHE_MS ?? 2000),
  maxEntries: 2000,
  maxEntryBytes: 8 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
});

await app.prepare();
createServer((request, response) => {
  void pageCache.handle(request, response, () => handle(request, response));
}).listen(port, async () => {
  // Start-up work (configuration check, migrations, demo seed: instrumentation.ts) finishes before
  // the first request is answered. Ask for a page now: if start-up failed, stop instead of serving
  // errors, so a supervisor sees the failure and restarts the portal.
  const answer = await fetch(`http://127.0.0.1:${port}/login`).catch((error: unknown) => error as Error);
  if (answer instanceof Error || answer.status >= 500) {
    console.error(`Start-up failed (${answer instanceof Error ? answer.message : `HTTP ${answer.status}`}): stopping.`);
    process.exit(1);
  }
  console.log(`Portal listening on http://localhost:${port}`);
});
