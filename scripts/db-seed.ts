/**
 * `npm run db:seed [-- --reset]`: loads the demo election into DATABASE_URL or the embedded
 * database. It refuses a database that already holds elections unless --reset is given, which
 * drops everything first (the audit log cannot be emptied any other way). Stop the portal before
 * seeding the embedded database: PGlite allows one process per data folder.
 */
import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { defaultEmbeddedDataDir, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { isDatabaseEmpty, seedDemoData } from '../db/seed';

const url = process.env.DATABASE_URL || undefined;
if (process.argv.includes('--reset')) {
  if (url) {
    const client = postgres(url, { max: 1, onnotice: () => {} });
    await client.unsafe('drop schema if exists drizzle cascade; drop schema public cascade; create schema public;');
    await client.end();
  } else {
    rmSync(defaultEmbeddedDataDir(), { recursive: true, force: true });
  }
}
const handle = openDatabase({ url, maxConnections: 1 });
await migrateDatabase(handle, url);
if (!(await isDatabaseEmpty(handle.db))) {
  console.error('The database already holds elections. Run `npm run db:seed -- --reset` to replace everything with the demo.');
  await handle.close();
  process.exit(1);
}
const started = Date.now();
await seedDemoData(handle.db);
await handle.close();
console.log(`Demo election loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
