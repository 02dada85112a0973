/**
 * `npm run cluster`: the several-instance layout on one machine (decision 012, docs/operations.md):
 * two portal instances (dist/server.js) on one PostgreSQL database behind nginx, whose
 * configuration is deploy/nginx.conf.template filled in. Needs a production build and nginx.
 *
 *   DATABASE_URL=postgres://… npm run cluster          (or: npm run cluster -- postgres://…)
 *
 * Migrates the database and loads the demo when it holds no election. Ports: CLUSTER_PORT for
 * nginx (default 8080), CLUSTER_INSTANCE_PORTS for the instances (default 3001,3002). AUTH_SECRET
 * from the environment, or one generated for this run. Ctrl-C stops everything.
 * Also a module: the layout's test (tests/cluster/) and the benchmark start it with startCluster().
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const NGINX = process.env.NGINX_PATH ?? ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((file) => existsSync(file));

/**
 * Node.js flags every portal server runs with (decision 018; `npm start` and `npm run serve` pass
 * the same in package.json): a young generation large enough that rendering a results page at
 * election scale is not interrupted by a garbage collection every few milliseconds, and an old
 * generation capped so that an instance stays within 1 GB (it holds about 200 MB of live data
 * while building the largest document of a 100,000-precinct election; without the cap V8 let
 * garbage grow to over 1 GB before collecting).
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64', '--max-old-space-size=768'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `url` answers 200 (or `deadline` passes). */
export async function waitUntilOk(url, timeoutMs = 120_000, isAlive = () => true) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`the process behind ${url} exited`);
    const ok = await fetch(url).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ok) return;
    await sleep(200);
  }
  throw new Error(`${url} did not become ready within ${timeoutMs} ms`);
}

function runNode(script, env) {
  const result = spawnSync(process.execPath, [path.join(root, 'dist', script)], { cwd: root, env, encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** Migrates the database (the instances would too) and loads the demo into a database without elections. */
export async function prepareClusterDatabase(databaseUrl, env = process.env) {
  const migrated = runNode('db-migrate.js', { ...env, DATABASE_URL: databaseUrl });
  if (!migrated.ok) throw new Error(`migration failed:\n${migrated.output}`);
  const seeded = runNode('db-seed.js', { ...env, DATABASE_URL: databaseUrl });
  // db-seed refuses a database that already holds elections: that one is kept as it is.
  if (!seeded.ok && !seeded.output.includes('already holds elections')) throw new Error(`seeding failed:\n${seeded.output}`);
  return seeded.ok ? 'seeded' : 'kept';
}

/**
 * After a failed attempt nginx leaves an instance alone for this long (fail_timeout), even once it
 * is ready again: a rolling restart waits that long before stopping the next instance, or nginx
 * could find none available.
 */
export const UPSTREAM_FAIL_TIMEOUT_S = 2;

/** nginx's configuration for these instances: the committed template filled in. */
export function nginxConfig({ prefix, listen, instancePorts, workerProcesses = 'auto' }) {
  const upstreams = instancePorts.map((port) => `server 127.0.0.1:${port} max_fails=1 fail_timeout=${UPSTREAM_FAIL_TIMEOUT_S}s;`).join('\n    ');
  return readFileSync(path.join(root, 'deploy', 'nginx.conf.template'), 'utf8')
    .replaceAll('{{PREFIX}}', prefix)
    .replaceAll('{{LISTEN}}', `127.0.0.1:${listen}`)
    .replaceAll('{{UPSTREAM_SERVERS}}', upstreams)
    .replaceAll('{{WORKER_PROCESSES}}', String(workerProcesses));
}

/**
 * Starts the layout: `instancePorts.length` instances and nginx on `port`. Returns handles to stop
 * and restart instances; `stop()` ends every process it started and removes its temporary folder.
 * Output of each process goes to a log file in the folder (`logs`), or to this process' with `echo`.
 */
export async function startCluster({ databaseUrl, port = 8080, instancePorts = [3001, 3002], env = {}, echo = false, workerProcesses }) {
  if (!NGINX) throw new Error('nginx not found (Debian: apt-get install nginx; or set NGINX_PATH)');
  if (!existsSync(path.join(root, 'dist', 'server.js')) || !existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('no production build: run `npm run build` first');
  }
  const prefix = mkdtempSync(path.join(os.tmpdir(), 'portal-cluster-'));
  // nginx's workers may run as another user (when started as root): they need to reach the folder.
  chmodSync(prefix, 0o755);
  mkdirSync(path.join(prefix, 'temp'));
  const instanceEnv = {
    ...process.env,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString('base64'),
    // nginx, on this machine, is the proxy whose X-Forwarded-For the instances believe.
    TRUSTED_PROXIES: '127.0.0.1',
    ...env,
    DATABASE_URL: databaseUrl,
  };
  const logTo = (name) => {
    const file = createWriteStream(path.join(prefix, `${name}.log`), { flags: 'a' });
    return (child) => {
      for (const stream of [child.stdout, child.stderr]) {
        stream.pipe(file, { end: false });
        if (echo) stream.on('data', (chunk) => process.stdout.write(`[${name}] ${chunk}`));
      }
    };
  };

  const instances = instancePorts.map((instancePort, index) => {
    const name = `instance-${String.fromCharCode(65 + index)}`;
    const instance = {
      name,
      port: instancePort,
      url: `http://127.0.0.1:${instancePort}`,
      process: undefined,
      /** Starts the instance and resolves once it reports ready. */
      async start() {
        const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, 'dist', 'server.js')], {
          cwd: root,
          env: { ...instanceEnv, PORT: String(instancePort) },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        logTo(name)(child);
        instance.process = child;
        await waitUntilOk(`${instance.url}/api/health/ready`, 120_000, () => child.exitCode === null && child.signalCode === null);
      },
      /** SIGTERM (a graceful stop: requests in flight finish) and wait for the exit. */
      async stop() {
        const child = instance.process;
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      },
    };
    return instance;
  });

  const configFile = path.join(prefix, 'nginx.conf');
  writeFileSync(configFile, nginxConfig({ prefix, listen: port, instancePorts, workerProcesses }));
  let nginx;
  const stop = async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx.once('exit', resolve));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await Promise.all(instances.map((instance) => instance.stop()));
    rmSync(prefix, { recursive: true, force: true });
  };
  try {
    // The first instance migrates under the advisory lock; the others find nothing left to do.
    await Promise.all(instances.map((instance) => instance.start()));
    const check = spawnSync(NGINX, ['-t', '-q', '-e', path.join(prefix, 'error.log'), '-p', prefix, '-c', configFile], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`nginx refused the configuration:\n${check.stderr}`);
    nginx = spawn(NGINX, ['-e', path.join(prefix, 'error.log'), '-p', prefix, '-c', configFile, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
    logTo('nginx')(nginx);
    await waitUntilOk(`http://127.0.0.1:${port}/api/health/ready`, 20_000, () => nginx.exitCode === null);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, prefix, cacheDir: path.join(prefix, 'cache'), instances, nginx, stop };
}

/** Restarts the instances one after the other, each back in nginx's rotation before the next stops. */
export async function rollingRestart(cluster) {
  for (const instance of cluster.instances) {
    await instance.stop();
    await instance.start();
    await sleep(UPSTREAM_FAIL_TIMEOUT_S * 1000 + 500);
  }
}

async function main() {
  const databaseUrl = process.argv[2] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('Usage: DATABASE_URL=postgres://… npm run cluster   (or npm run cluster -- postgres://…)');
    process.exit(2);
  }
  const port = Number(process.env.CLUSTER_PORT ?? 8080);
  const instancePorts = (process.env.CLUSTER_INSTANCE_PORTS ?? '3001,3002').split(',').map(Number);
  console.log(`Database: ${(await prepareClusterDatabase(databaseUrl)) === 'seeded' ? 'migrated, demo loaded' : 'migrated, existing data kept'}`);
  const cluster = await startCluster({ databaseUrl, port, instancePorts, echo: true });
  console.log(
    `\nPortal at ${cluster.url} (nginx → ${cluster.instances.map((instance) => instance.url).join(', ')}); logs and cache in ${cluster.prefix}. Ctrl-C stops.`,
  );
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
