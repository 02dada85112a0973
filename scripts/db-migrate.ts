/** `npm run db:migrate`: applies the committed migrations to DATABASE_URL or the embedded database. */
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';

const url = process.env.DATABASE_URL || undefined;
const handle = openDatabase({ url, maxConnections: 1 });
await migrateDatabase(handle, url);
await handle.close();
console.log(`Migrated the ${handle.kind === 'embedded' ? 'embedded' : 'PostgreSQL'} database.`);
