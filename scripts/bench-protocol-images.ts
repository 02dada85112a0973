/**
 * Protocol images, measured (decision 011): what loading the demo's images costs, and what the
 * server spends checking an upload. Writes docs/protocol-images-performance.md.
 *
 *   npm run bench:images                      embedded PostgreSQL (in memory)
 *   BENCH_DATABASE_URL=postgres://… npm run bench:images   also on that server (a scratch database is made and dropped)
 */
import { randomBytes } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { writeFileSync } from 'node:fs';
import postgres from 'postgres';
import sharp from 'sharp';
import { openDatabase, type DatabaseHandle } from '@/db/client';
import { generateDemoData } from '@/db/demo';
import { demoProtocolScans } from '@/db/demo/protocol-images';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import { inspectUpload } from '@/lib/protocol-images/inspect';
import { postgresStore } from '@/lib/storage/postgres-store';
import { protocolPdf } from '../tests/support/protocol-images';

const REFERENCE_DATE = '2026-11-28';
const RUNS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
/** Wall and CPU milliseconds of one run (CPU includes embedded PostgreSQL, which runs in this process). */
async function measure(run: () => unknown): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}
const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** A fresh migrated database: in memory, or a scratch database on the server. */
async function freshDatabase(serverUrl?: string): Promise<DatabaseHandle & { drop: () => Promise<void> }> {
  if (!serverUrl) {
    const handle = openDatabase({ dataDir: 'memory://' });
    await migrateDatabase(handle);
    return { ...handle, drop: handle.close };
  }
  const name = `bench_images_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), maxConnections: 4 });
  await migrateDatabase(handle, url.toString());
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function demoCosts(serverUrl?: string) {
  const demo = generateDemoData(REFERENCE_DATE);
  const scans = demoProtocolScans(demo);
  const bytes = scans.reduce((total, scan) => total + scan.bytes.byteLength, 0);
  const store: { wall: number; cpu: number }[] = [];
  const seed: { wall: number; cpu: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const bare = await freshDatabase(serverUrl);
    store.push(
      await measure(() =>
        bare.db.transaction((tx) =>
          postgresStore.putMany(
            tx,
            scans.map((s) => ({ sha256: s.sha256, bytes: s.bytes, contentType: 'image/svg+xml' })),
          ),
        ),
      ),
    );
    await bare.drop();
    const full = await freshDatabase(serverUrl);
    seed.push(await measure(() => seedDemoData(full.db, { referenceDate: REFERENCE_DATE })));
    await full.drop();
  }
  const render = await measure(() => demoProtocolScans(demo));
  return { images: scans.length, bytes, render, store, seed };
}

async function uploadCosts() {
  // Sensor noise makes it compress like a real photo (~3.4 MB), not like a flat page.
  const photo = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#f4f1e8', noise: { type: 'gaussian', mean: 128, sigma: 16 } } })
    .jpeg({ quality: 85 })
    .withExif({ IFD0: { Make: 'BenchPhone' } })
    .toBuffer();
  const pdf = await protocolPdf(4);
  const rows: { what: string; size: number; times: number[] }[] = [];
  for (const [what, name, bytes] of [
    ['12-megapixel phone photo (JPEG)', 'photo.jpg', photo],
    ['4-page PDF', 'protocol.pdf', pdf],
  ] as const) {
    const times: number[] = [];
    for (let run = 0; run < RUNS + 1; run++) {
      const { wall } = await measure(async () => {
        const result = await inspectUpload([{ name, bytes }]);
        if (!result.ok) throw new Error(JSON.stringify(result.refusals));
      });
      // The first run loads sharp's or PDF.js' code: reported apart.
      times.push(wall);
    }
    rows.push({ what, size: bytes.byteLength, times });
  }
  return rows;
}

const serverUrl = process.env.BENCH_DATABASE_URL;
const embedded = await demoCosts();
const server = serverUrl ? await demoCosts(serverUrl) : null;
const uploads = await uploadCosts();

const demoRows = (label: string, costs: Awaited<ReturnType<typeof demoCosts>>) => [
  `| ${label}: storing the ${costs.images.toLocaleString('en-US')} demo images (${(costs.bytes / 1024 / 1024).toFixed(1)} MB) | ${fmt(median(costs.store.map((m) => m.wall)))} | ${fmt(median(costs.store.map((m) => m.cpu)))} |`,
  `| ${label}: loading the whole demo, images included | ${fmt(median(costs.seed.map((m) => m.wall)))} | ${fmt(median(costs.seed.map((m) => m.cpu)))} |`,
];
const report = `# Protocol images: measurements

Measured by \`npm run bench:images\` (scripts/bench-protocol-images.ts) on ${new Date().toISOString().slice(0, 10)}:
${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB memory, Node.js ${process.version}.
Medians of ${RUNS} runs; CPU time includes embedded PostgreSQL, which runs in the same process.
The machine is shared: wall times vary with other load, CPU times much less.

## Demo images (decision 011)

Rendering the ${embedded.images.toLocaleString('en-US')} demo protocol images as SVG from their figures: ${fmt(embedded.render.wall)}.
What the images add to loading the demo is that rendering, storing their bytes (below) and one
version, file and page row each; rasterising every page with sharp instead would add minutes.

| step | wall | CPU |
|---|---|---|
${demoRows('embedded', embedded).join('\n')}
${server ? demoRows('PostgreSQL server', server).join('\n') : ''}

## Checking an upload (type, polyglots, metadata, previews)

The first run of each kind loads sharp or PDF.js; a PDF page is drawn by PDF.js on its canvas,
then made a JPEG preview by sharp.

| file | size | first run | then (median) |
|---|---|---|---|
${uploads.map((row) => `| ${row.what} | ${row.size >= 1024 * 1024 ? `${(row.size / 1024 / 1024).toFixed(2)} MB` : `${Math.ceil(row.size / 1024)} kB`} | ${fmt(row.times[0]!)} | ${fmt(median(row.times.slice(1)))} |`).join('\n')}
`;
writeFileSync('docs/protocol-images-performance.md', report);
console.log(report);
