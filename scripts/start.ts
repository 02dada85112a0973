/**
 * `npm start`: builds the portal on first run (or when sources changed since the last build),
 * then serves it. The server migrates the database at start and, when it is the embedded one and
 * empty, loads the demo election (see instrumentation.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = process.cwd();
const buildIdFile = path.join(root, '.next', 'BUILD_ID');
const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'messages', 'drizzle'];
const SOURCE_FILES = ['package-lock.json', 'next.config.ts', 'proxy.ts', 'instrumentation.ts'];

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))));
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const builtAt = existsSync(buildIdFile) ? statSync(buildIdFile).mtimeMs : 0;
const sourcesChangedAt = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((entry) => newestChange(path.join(root, entry))));
if (builtAt < sourcesChangedAt) {
  console.log(builtAt ? 'Sources changed since the last build: rebuilding…' : 'First run: building the portal…');
  run('npx', ['next', 'build']);
}
run('npx', ['tsx', 'server.ts']);
