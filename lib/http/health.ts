import { max } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { getDatabaseHandle } from '@/db/client';
import { appliedMigrations, migrationsFolder } from '@/db/migrate';

/**
 * Liveness and readiness for the proxy and any orchestrator, answered by server.ts before the
 * page cache, Next.js and sign-in. Live: the process answers. Ready: start-up finished, not
 * stopping, the database answers and has every committed migration.
 */
export type ServerState = { started: boolean; draining: boolean };

const DATABASE_TIMEOUT_MS = 2000;

/** When the newest committed migration was generated: drizzle records it as the applied row's created_at. */
function newestMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

async function databaseCheck(): Promise<string | null> {
  const [row] = await getDatabaseHandle()
    .db.select({ last: max(appliedMigrations.createdAt) })
    .from(appliedMigrations);
  return (row?.last ?? 0) >= newestMigration() ? null : 'migrations pending';
}

export async function readiness(state: ServerState): Promise<{ ready: boolean; reason?: string }> {
  if (state.draining) return { ready: false, reason: 'stopping' };
  if (!state.started) return { ready: false, reason: 'starting' };
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('database timeout'), DATABASE_TIMEOUT_MS).unref());
  const problem = await Promise.race([databaseCheck().catch(() => 'database unreachable'), timeout]);
  return problem ? { ready: false, reason: problem } : { ready: true };
}

const HEALTH_PATHS = new Set(['/api/health/live', '/api/health/ready']);
export const isHealthRequest = (request: IncomingMessage) => HEALTH_PATHS.has((request.url ?? '').split('?')[0]!);

export async function answerHealth(request: IncomingMessage, response: ServerResponse, state: ServerState): Promise<void> {
  const live = request.url?.startsWith('/api/health/live');
  const result = live ? { ready: true } : await readiness(state);
  const body = JSON.stringify(live ? { status: 'live' } : result.ready ? { status: 'ready' } : { status: 'not-ready', reason: result.reason });
  response.writeHead(result.ready ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store', 'content-length': Buffer.byteLength(body) });
  response.end(request.method === 'HEAD' ? undefined : body);
}
