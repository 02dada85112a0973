import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isEmbeddedMode } from '@/db/client';

/**
 * AUTH_SECRET signs session tokens. On a real server it must be configured (every instance the
 * same); in demo mode (embedded database) one is generated once and kept beside the data.
 */
export function resolveAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!isEmbeddedMode()) {
    throw new Error('AUTH_SECRET is not set. It is required when DATABASE_URL points at a PostgreSQL server.');
  }
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
