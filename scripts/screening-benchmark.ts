/**
 * Writes the numbers of docs/screening.md: the screening tests measured on seeded synthetic
 * elections, and what they flag in the 2023 demo election (loaded into an in-memory database).
 * `npm run screening:benchmark`; tests/unit/screening-benchmark.test.ts and
 * tests/integration/screening-demo.test.ts fail when the document no longer says what this measures.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedDemoData } from '@/db/seed';
import { benchmarkMarkdown, measureScreening, withSection } from '@/lib/screening/benchmark';
import { demoScreeningMarkdown } from '@/lib/screening/demo-report';
import { DEFAULT_SCREENING_SETTINGS } from '@/lib/screening/settings';

const file = path.join(process.cwd(), 'docs/screening.md');
const benchmark = benchmarkMarkdown(await measureScreening(DEFAULT_SCREENING_SETTINGS));
console.log(benchmark);

const handle = openDatabase({ dataDir: 'memory://' });
await migrateDatabase(handle);
await seedDemoData(handle.db, { referenceDate: '2025-06-01' });
const demo = await demoScreeningMarkdown(handle.db);
await handle.close();
console.log(`\n${demo}`);

writeFileSync(file, withSection(withSection(readFileSync(file, 'utf8'), 'benchmark', benchmark), 'demo', demo));
