import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { postgresError } from '@/db/errors';
import { auditLog } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe('migrations', () => {
  it('make the audit log append-only at the database', async () => {
    const { db } = testDb;
    const [row] = await db.insert(auditLog).values({ action: 'test.append', entityType: 'test' }).returning();
    expect(row?.id).toBeGreaterThan(0);
    for (const statement of [sql`update audit_log set action = 'x'`, sql`delete from audit_log`, sql`truncate audit_log`]) {
      const error = await db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(postgresError(error)?.message).toMatch(/append-only/);
    }
    const rows = await selectRows<{ action: string }>(db, sql`select action from audit_log`);
    expect(rows).toEqual([{ action: 'test.append' }]);
  });
});
