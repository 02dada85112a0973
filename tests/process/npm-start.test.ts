import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * What a supervisor does: start the portal with `npm start` (after `npm run build`), send SIGTERM
 * to the process it started, and expect the server to stop gracefully, the port to be free and no
 * process of the portal to remain.
 */
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function databaseEnv(): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), 'portal-start-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return { PGLITE_DATA_DIR: path.join(dir, 'pglite') };
  }
  const name = `portal_start_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { DATABASE_URL: url.toString(), AUTH_SECRET: 'process-test-secret-not-for-production-use-0123456789' };
}

/** The parent of every process, from /proc/<pid>/stat (the field after the parenthesised name). */
function parents(): Map<number, number> {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  return parentOf;
}

/** The process and every process below it. */
function processTree(pid: number, parentOf = parents()): number[] {
  const children = [...parentOf].filter(([, parent]) => parent === pid).map(([child]) => child);
  return [pid, ...children.flatMap((child) => processTree(child, parentOf))];
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** A port nothing listens on now. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

const portIsOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms; the portal printed:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start under a supervisor', () => {
  it('stops gracefully on SIGTERM: the port is freed and no process of it remains', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, ...(await databaseEnv()), PORT: String(port), NODE_ENV: 'production' };
    const npm = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let running = true;
    const exited = new Promise<void>((resolve) => npm.once('exit', () => ((running = false), resolve())));
    // Whatever happens, leave no server behind for the next test run.
    let tree = [npm.pid!];
    cleanups.push(() => tree.filter(isAlive).forEach((pid) => process.kill(pid, 'SIGKILL')));

    await waitFor(
      () => output.includes('Portal listening') || !running,
      120_000,
      () => output,
    );
    expect(running, output).toBe(true);
    tree = processTree(npm.pid!);
    // npm execs the start script, which runs the built server in its own process: npm → node.
    expect(tree.length, output).toBeLessThanOrEqual(2);
    expect(await portIsOpen(port)).toBe(true);

    npm.kill('SIGTERM');
    await exited;
    await waitFor(
      () => tree.every((pid) => !isAlive(pid)),
      20_000,
      () => output,
    );
    expect(await portIsOpen(port)).toBe(false);
    expect(output).toContain('Stopped.');
  }, 180_000);
});
