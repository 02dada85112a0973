/**
 * What production runs, built ahead of time: the Next.js app (`.next/`) and the server plus the
 * operational scripts as plain JavaScript (`dist/`), so no TypeScript loader sits in the
 * production path (tsx stays a development tool).
 *
 *   node scripts/build.mjs            next build, then the server and scripts (`npm run build`)
 *   node scripts/build.mjs --server   only the server and scripts (seconds)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entry points compiled to dist/<name>.js. */
const ENTRY_POINTS = {
  server: 'server.ts',
  'db-migrate': 'scripts/db-migrate.ts',
  'db-seed': 'scripts/db-seed.ts',
  'user-create': 'scripts/user-create.ts',
  'audit-verify': 'scripts/audit-verify.ts',
};
const SOURCES = [
  ...['app', 'components', 'lib', 'db', 'messages', 'drizzle', 'public'],
  ...Object.values(ENTRY_POINTS),
  ...['scripts/build.mjs', 'package-lock.json', 'next.config.ts', 'proxy.ts', 'instrumentation.ts', 'tsconfig.json'],
];

export const builtFile = (name) => path.join(root, 'dist', `${name}.js`);
const nextBuildId = path.join(root, '.next', 'BUILD_ID');

function newestChange(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))));
}

const sourcesChangedAt = () => Math.max(...SOURCES.map((entry) => newestChange(path.join(root, entry))));
const builtAt = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

/** True when the server bundle (and, with `withApp`, the Next.js build) is older than the sources. */
export function isStale({ withApp }) {
  const changed = sourcesChangedAt();
  const outputs = [...Object.keys(ENTRY_POINTS).map(builtFile), ...(withApp ? [nextBuildId] : [])];
  return outputs.some((file) => builtAt(file) < changed);
}

export async function buildServer() {
  const { build } = await import('esbuild');
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([name, file]) => [name, path.join(root, file)])),
    outdir: path.join(root, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Dependencies load from node_modules at run time, as Next.js' own server does.
    packages: 'external',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

export function buildApp() {
  const result = spawnSync('npx', ['next', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (!process.argv.includes('--server')) buildApp();
  await buildServer();
}
