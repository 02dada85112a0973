import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { writeAudit } from '@/lib/audit/write';
import { verifyAuditChain } from '@/lib/audit/verify';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

/** Changes a row behind the append-only trigger, as only a database superuser could. */
async function tamper(statement: ReturnType<typeof sql>) {
  await testDb.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
}

describe('the audit hash chain', () => {
  it('holds for rows written concurrently by many transactions', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        testDb.db.transaction((tx) =>
          writeAudit(
            tx,
            { id: i, email: `user${i}@test.kz`, role: 'operator', regionId: 1 },
            { action: 'users.update', entityType: 'user', entityId: i, after: { i, at: new Date(0), nested: { b: 1, a: [1, 'two'] } } },
          ),
        ),
      ),
    );
    expect(await verifyAuditChain(testDb.db, 7)).toEqual({ rows: 30, firstBreak: null });
  });

  it('reports the first broken link when a row is edited, and when one is deleted', async () => {
    const rows = await selectRows<{ id: number }>(testDb.db, sql`select id::int as id from audit_log order by id`);
    const edited = rows[10]!.id;
    await tamper(sql`update audit_log set after = '{"i": 999}' where id = ${edited}`);
    expect((await verifyAuditChain(testDb.db)).firstBreak).toEqual({ id: edited, reason: 'hash_mismatch' });

    await tamper(sql`delete from audit_log where id <= ${edited}`);
    const deletedNext = rows[11]!.id;
    expect(await verifyAuditChain(testDb.db)).toMatchObject({ firstBreak: { id: deletedNext, reason: 'prev_hash_mismatch' } });
  });
});
