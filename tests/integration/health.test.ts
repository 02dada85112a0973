import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { readiness } from '@/lib/http/health';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let database: TestDatabase;
const processWide = globalThis as unknown as { portalDb?: TestDatabase };

beforeAll(async () => {
  database = await createTestDatabase();
  processWide.portalDb = database;
});
afterAll(async () => {
  processWide.portalDb = undefined;
  await database.drop();
});

describe('readiness', () => {
  it('is ready once started, with the database migrated', async () => {
    expect(await readiness({ started: true, draining: false })).toEqual({ ready: true });
  });

  it('is not ready while starting or stopping', async () => {
    expect(await readiness({ started: false, draining: false })).toEqual({ ready: false, reason: 'starting' });
    expect(await readiness({ started: true, draining: true })).toEqual({ ready: false, reason: 'stopping' });
  });

  it('is not ready when a committed migration is missing from the database', async () => {
    await selectRows(database.db, sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
    expect(await readiness({ started: true, draining: false })).toEqual({ ready: false, reason: 'migrations pending' });
  });

  it('is not ready when the database does not answer', async () => {
    processWide.portalDb = { ...database, db: { execute: () => Promise.reject(new Error('connection refused')) } } as unknown as TestDatabase;
    expect(await readiness({ started: true, draining: false })).toEqual({ ready: false, reason: 'database unreachable' });
  });
});
