import { getDatabaseHandle } from './client';
import { migrateDatabase } from './migrate';
import { isDatabaseEmpty, seedDemoData } from './seed';

/**
 * Brings the database to the current schema; an empty embedded database also gets the demo
 * election, so `npm start` on a fresh machine shows a working portal.
 */
export async function prepareDatabase(): Promise<void> {
  const handle = getDatabaseHandle();
  await migrateDatabase(handle, process.env.DATABASE_URL);
  if (handle.kind === 'embedded' && (await isDatabaseEmpty(handle.db))) {
    console.log('Empty embedded database: loading the demo election…');
    await seedDemoData(handle.db);
  }
}
