/**
 * The several-instance layout (decision 012): two built instances on one PostgreSQL database
 * behind nginx, started by scripts/cluster.mjs exactly as `npm run cluster` does. Needs a
 * production build, nginx and a PostgreSQL server (TEST_DATABASE_URL); skipped otherwise.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX, prepareClusterDatabase, rollingRestart, startCluster, type Cluster } from '../../scripts/cluster.mjs';

const serverUrl = process.env.TEST_DATABASE_URL;
const built = existsSync('dist/server.js') && existsSync('.next/BUILD_ID');
const skipReason = !serverUrl
  ? 'it needs a PostgreSQL server (TEST_DATABASE_URL); the embedded database allows one process'
  : !NGINX
    ? 'nginx is not installed (Debian: apt-get install nginx)'
    : !built
      ? 'there is no production build (npm run build)'
      : null;
if (skipReason) console.warn(`Skipping the several-instance layout test: ${skipReason}.`);

const PASSWORD = 'demo-pass-2023';
// Reviewers of the two regions where the demo's counting election has protocols waiting for review.
const REVIEWERS = { aktobe: 'reviewer.aktobe@demo.kz', almaty: 'reviewer.almaty@demo.kz' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((entry) => {
    const file = path.join(folder, entry);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe.skipIf(skipReason !== null)('two instances behind nginx', () => {
  let sql: postgres.Sql;
  let admin: postgres.Sql;
  let databaseName: string;
  let cluster: Cluster;
  let browser: Browser;
  let staff: BrowserContext;
  let staffAlmaty: BrowserContext;
  let electionId: number;

  /** Protocols of the counting election in a region waiting for a reviewer: precinct ids. */
  async function awaitingReview(region: keyof typeof REVIEWERS): Promise<number[]> {
    const rows = await sql<{ precinct_id: number }[]>`
      select p.precinct_id from protocols p join precincts pr on pr.id = p.precinct_id join constituencies c on c.id = pr.constituency_id
      join regions r on r.id = c.region_id join elections e on e.id = c.election_id
      where p.status = 'awaiting_review' and r.code = ${region} and e.slug = 'akim-counting' order by p.precinct_id`;
    return rows.map((row) => row.precinct_id);
  }

  async function approve(page: Page, base: string, precinctId: number) {
    await page.goto(`${base}/staff/protocols/precinct/${precinctId}`);
    await page
      .getByTestId('current-user')
      .waitFor({ timeout: 15_000 })
      .catch(async () => {
        throw new Error(`not signed in at ${page.url()}: ${(await page.locator('body').innerText()).slice(0, 300)}`);
      });
    const reason = page.getByLabel('Reason for approving without an image');
    if (await reason.isVisible()) await reason.fill('Checked against the paper at the district commission');
    await page.getByRole('button', { name: 'Approve protocol' }).click();
    await page.getByRole('dialog', { name: 'Approve this protocol?' }).getByRole('button', { name: 'Approve the protocol' }).click();
    await page.getByTestId('protocol-status').getByText('Approved', { exact: true }).waitFor({ timeout: 15_000 });
  }

  const reported = async () => {
    const answer = await fetch(`${cluster.url}/api/v1/elections/${electionId}/results.json`);
    return ((await answer.json()) as { totals: { precinctsReported: number } }).totals.precinctsReported;
  };

  const sessionCookie = async () => (await staff.cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');

  beforeAll(async () => {
    databaseName = `portal_cluster_${Date.now()}_${randomBytes(3).toString('hex')}`;
    admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${databaseName}"`);
    const url = new URL(serverUrl!);
    url.pathname = `/${databaseName}`;
    await prepareClusterDatabase(url.toString());
    sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
    electionId = (await sql<{ id: number }[]>`select id from elections where slug = 'akim-counting'`)[0]!.id;
    const [port, portA, portB] = [await freePort(), await freePort(), await freePort()];
    cluster = await startCluster({ databaseUrl: url.toString(), port, instancePorts: [portA, portB], workerProcesses: 1 });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    // Signed in through instance A: the session cookie (host 127.0.0.1, any port) then also goes to nginx.
    const signIn = async (email: string) => {
      const context = await browser.newContext({ locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(`${cluster.instances[0]!.url}/login`);
      await page.getByLabel('E-mail').fill(email);
      await page.getByLabel('Password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByTestId('current-user').waitFor();
      await page.close();
      return context;
    };
    staff = await signIn(REVIEWERS.aktobe);
    staffAlmaty = await signIn(REVIEWERS.almaty);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await cluster?.stop();
    await sql?.end();
    if (admin) {
      await admin.unsafe(`drop database if exists "${databaseName}" with (force)`);
      await admin.end();
    }
  }, 60_000);

  it('shows an approval made through instance A to a reader through nginx within 5 s', async () => {
    const before = await reported();
    const [precinctId] = await awaitingReview('aktobe');
    expect(precinctId).toBeDefined();
    const page = await staff.newPage();
    await approve(page, cluster.instances[0]!.url, precinctId!);
    const approvedAt = Date.now();
    let now = before;
    while (now === before && Date.now() - approvedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      now = await reported();
    }
    const seenAfter = Date.now() - approvedAt;
    console.log(`Approval seen through nginx after ${seenAfter} ms.`);
    expect(now).toBe(before + 1);
    expect(seenAfter).toBeLessThan(5000);
    await page.close();
  });

  it('keeps shared copies of public answers, and never a staff page or an answer to a signed-in reader', async () => {
    const cookie = await sessionCookie();
    const page = await staff.newPage();
    // A signed-in reviewer browses staff and public pages through nginx…
    for (const address of ['/staff', '/staff/protocols?election=akim-counting', '/results?election=akim-counting', '/', '/candidates?election=akim-counting']) {
      await page.goto(cluster.url + address);
      await page.getByRole('main').waitFor();
    }
    await page.close();
    // …and asks for the open data and a public page again and again, as a crowd would.
    for (let i = 0; i < 4; i++) {
      const answer = await fetch(`${cluster.url}/results?election=akim-counting`, { headers: { cookie } });
      expect(answer.headers.get('x-cache')).toBe('BYPASS');
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      await fetch(`${cluster.url}/api/v1/elections`, { headers: { cookie } });
    }
    // Anonymous readers are served from nginx's copy once an instance hands out a shared one.
    const states: string[] = [];
    for (let i = 0; i < 4; i++) {
      const answer = await fetch(`${cluster.url}/results?election=akim-counting`, { headers: { 'accept-language': 'ru' } });
      states.push(answer.headers.get('x-cache') ?? '');
      expect(await answer.text()).toContain('<html lang="ru"');
      // A copy nginx keeps or serves allows the page's scripts by hash: one nonce for every reader would be none.
      if (['HIT', 'STALE', 'UPDATING'].includes(answer.headers.get('x-cache') ?? ''))
        expect(answer.headers.get('content-security-policy') ?? '', `copy ${i}`).not.toContain('nonce-');
    }
    expect(states).toContain('HIT');
    // Another language is another copy.
    expect(await (await fetch(`${cluster.url}/results?election=akim-counting`, { headers: { 'accept-language': 'en' } })).text()).toContain('<html lang="en"');

    const stored = filesUnder(cluster.cacheDir).map((file) => readFileSync(file).toString('latin1'));
    const keys = stored.map((text) => /\nKEY: ([^\n]*)\n/.exec(text)?.[1] ?? '?');
    expect(keys).toContain('/results?election=akim-counting|ru|gzip');
    for (const [index, text] of stored.entries()) {
      expect(keys[index], 'a staff or sign-in address').not.toMatch(/^\/(?:staff|login|api\/auth)/);
      const head = text.slice(0, text.indexOf('\r\n\r\n'));
      expect(head, keys[index]).not.toMatch(/set-cookie|cache-control: private|no-store/i);
      expect(text, keys[index]).not.toContain(REVIEWERS.aktobe);
      expect(text, keys[index]).not.toContain('data-testid="current-user"');
    }
  });

  it('keeps staff signed in and working through instance B when instance A stops', async () => {
    const [instanceA] = cluster.instances;
    await instanceA!.stop();
    try {
      // Signed in through A; A is gone: B takes the same session and the reviewer approves through nginx.
      const page = await staffAlmaty.newPage();
      const [precinctId] = await awaitingReview('almaty');
      expect(precinctId).toBeDefined();
      await approve(page, cluster.url, precinctId!);
      await page.close();
    } finally {
      await instanceA!.start();
    }
  });

  it('loses no request while the instances restart one after the other under load', async () => {
    const cookie = await sessionCookie();
    const targets: [string, Record<string, string>][] = [
      ['/results?election=akim-counting', {}],
      [`/api/v1/elections/${electionId}/results.json`, {}],
      ['/results/akim-counting/region/aktobe', { 'accept-language': 'kk' }],
      ['/staff', { cookie }],
      ['/staff/protocols?election=akim-counting', { cookie }],
    ];
    const failures: string[] = [];
    let served = 0;
    let loading = true;
    const worker = async (offset: number) => {
      for (let i = offset; loading; i++) {
        const [address, headers] = targets[i % targets.length]!;
        try {
          const answer = await fetch(cluster.url + address, { headers, redirect: 'manual' });
          await answer.arrayBuffer();
          if (answer.status !== 200) failures.push(`${address}: HTTP ${answer.status}`);
          else served++;
        } catch (error) {
          failures.push(`${address}: ${(error as Error).message}`);
        }
      }
    };
    const load = Array.from({ length: 6 }, (_, offset) => worker(offset));
    await rollingRestart(cluster);
    loading = false;
    await Promise.all(load);
    console.log(`Rolling restart: ${served} requests served, ${failures.length} failed.`);
    expect(failures).toEqual([]);
    expect(served).toBeGreaterThan(100);
  });

  it('tells a client whose request no instance answered to check and retry, in the three languages, and keeps no copy', async () => {
    const cookie = await sessionCookie();
    await Promise.all(cluster.instances.map((instance) => instance.stop()));
    try {
      for (const [method, address] of [
        ['POST', '/staff/protocols?election=akim-counting'],
        ['GET', '/staff'],
      ] as const) {
        const answer = await fetch(cluster.url + address, { method, headers: { cookie }, body: method === 'POST' ? 'x' : undefined, redirect: 'manual' });
        expect(answer.status, address).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('5');
        expect(answer.headers.get('cache-control')).toBe('no-store');
        const text = await answer.text();
        for (const message of ['Бетті жаңартып', 'Обновите страницу', 'Reload the page, check whether it was, then try again']) expect(text).toContain(message);
      }
    } finally {
      for (const instance of cluster.instances) await instance.start();
    }
  });
});
