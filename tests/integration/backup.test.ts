import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, selectRows, type Queryable } from '@/db/client';
import { seedDemoData } from '@/db/seed';
import { verifyAuditChain } from '@/lib/audit/verify';
import { readVerified, sha256Hex } from '@/lib/storage';
import { postgresStore } from '@/lib/storage/postgres-store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The documented backup and restore (docs/operations.md), run for real: pg_dump, pg_restore, verify (protocol images included). */
const serverUrl = process.env.TEST_DATABASE_URL;
let source: TestDatabase;
const restoredName = `portal_restore_${Date.now()}`;
const folder = mkdtempSync(path.join(tmpdir(), 'portal-backup-'));

const tableCounts = async (db: Queryable) =>
  selectRows<{ table: string; rows: number }>(
    db,
    sql`select relname as table, (xpath('/row/c/text()', query_to_xml('select count(*) as c from ' || quote_ident(relname), false, true, '')))[1]::text::int as rows
        from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by relname`,
  );

describe.skipIf(!serverUrl)('backup and restore with pg_dump / pg_restore', () => {
  beforeAll(async () => {
    source = await createTestDatabase();
    await seedDemoData(source.db, { referenceDate: '2026-11-28' });
  });
  afterAll(async () => {
    await source?.drop();
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${restoredName}" with (force)`);
    await admin.end();
    rmSync(folder, { recursive: true, force: true });
  });

  it('restores every row into a fresh database, with the audit chain intact', async () => {
    const dump = path.join(folder, 'portal.dump');
    execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, source.url!]);
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${restoredName}"`);
    await admin.end();
    const restoredUrl = new URL(serverUrl!);
    restoredUrl.pathname = `/${restoredName}`;
    execFileSync('pg_restore', ['--no-owner', `--dbname=${restoredUrl}`, dump]);
    const restored = openDatabase({ url: restoredUrl.toString(), maxConnections: 2 });
    try {
      expect(await tableCounts(restored.db)).toEqual(await tableCounts(source.db));
      // The protocol images' bytes live in the database too: restored, and still hashing to their addresses.
      const images = await selectRows<{ sha256: string }>(source.db, sql`select sha256 from protocol_scan_files order by id limit 20`);
      expect(images.length).toBeGreaterThan(0);
      for (const { sha256 } of images) expect(sha256Hex((await readVerified(postgresStore, restored.db, sha256))!)).toBe(sha256);
      const chain = await verifyAuditChain(restored.db);
      expect(chain.firstBreak).toBeNull();
      expect(chain.rows).toBeGreaterThan(0);
      // The restored audit log is as append-only as the original.
      const error = await restored.db.execute(sql`delete from audit_log`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).not.toBeNull();
    } finally {
      await restored.close();
    }
  });
});
