import fc from 'fast-check';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { candidates } from '@/db/schema';
import { nominate } from '@/lib/candidates/commands';
import { executeCommand } from '@/lib/commands';
import { enterProtocol } from '@/lib/protocols/commands';
import { createUser } from '@/lib/users/commands';
import { LINE_KEYS } from '@/lib/protocols/definition';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { balancedProtocol } from '../support/protocols';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';
import { nominationForm } from '../support/candidates';

/** Hostile input through the real commands: a field-level error every time, and nothing stored. */
let testDb: TestDatabase;
let operator: { id: number };
let admin: { id: number };
let other: { id: number };
let nominationBase: Record<string, unknown>;
let protocolBase: Record<string, unknown>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  const region = await insertRegion(db, 'bad-input');
  operator = await insertUser(db, 'operator', region.id);
  other = await insertUser(db, 'operator', region.id);
  admin = await insertUser(db, 'admin', null);
  const open = await insertElection(db, -5);
  const constituency = await insertConstituency(db, open.id, region.id, operator.id, 5000);
  nominationBase = nominationForm(open.id, constituency.id);
  const counting = await insertElection(db, -41, 10);
  const protocolConstituency = await insertConstituency(db, counting.id, region.id, operator.id, 1000);
  const [first, second] = await insertRegisteredCandidates(db, counting.id, protocolConstituency.id, operator.id, 2);
  protocolBase = {
    precinctId: protocolConstituency.precincts[0]!.id,
    lockVersion: 0,
    ...balancedProtocol([first!.id, second!.id], { votersAtClose: 1000, votingDay: counting.votingDay }),
  };
});
afterAll(async () => {
  await testDb?.drop();
});

const stored = async () =>
  (
    await selectRows<Record<string, number>>(
      testDb.db,
      sql`select (select count(*)::int from candidates) as c, (select count(*)::int from protocol_entries) as e, (select count(*)::int from users) as u, (select count(*)::int from audit_log) as a`,
    )
  )[0];

const hostileCount = fc.oneof(
  fc.integer({ max: -1 }),
  fc.double().filter((n) => !Number.isInteger(n)),
  fc.constantFrom('', 'abc', '1e9999', null, true, [], {}, '\u0000'),
);
const hostileText = fc.oneof(
  fc.string({ minLength: 1000, maxLength: 2000 }).map((s) => s.padEnd(1000, 'ж')),
  fc.constantFrom('', '   ', null, 7, true, [], {}, 'x'),
);

async function expectRejectedAtField(
  command: Parameters<typeof executeCommand>[1],
  actor: { id: number },
  base: Record<string, unknown>,
  fields: string[],
  hostile: fc.Arbitrary<unknown>,
) {
  const before = await stored();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...fields), hostile, async (field, value) => {
      const result = await executeCommand(testDb.db, command, actor, { ...base, [field]: value });
      return !result.ok && result.error === 'invalid' && Boolean(result.fieldErrors?.[field]?.length);
    }),
    { numRuns: 40 },
  );
  expect(await stored()).toEqual(before);
}

describe('hostile input to commands', () => {
  it('nominations: every bad field is named, nothing is stored', async () => {
    await expectRejectedAtField(nominate, operator, nominationBase, ['depositAmount', 'supportingSignatures', 'constituencyId'], hostileCount);
    await expectRejectedAtField(nominate, operator, nominationBase, ['fullName', 'iin', 'birthDate', 'education'], hostileText);
  });

  it('protocols: every bad count and signature field is named, nothing is stored', async () => {
    await expectRejectedAtField(enterProtocol, operator, protocolBase, [...LINE_KEYS, 'membersTotal', 'membersPresent', 'membersSigning'], hostileCount);
    await expectRejectedAtField(enterProtocol, operator, protocolBase, ['chairName', 'secretaryName'], hostileText);
  });

  it('users: every bad field is named, nothing is stored', async () => {
    await expectRejectedAtField(
      createUser,
      admin,
      { email: 'x@y.kz', fullName: 'Some Body', role: 'observer', regionId: '', password: 'long-enough-secret' },
      ['email', 'fullName', 'password'],
      hostileText,
    );
  });

  it('ignores fields a caller adds to take over what the server decides', async () => {
    const result = await executeCommand(testDb.db, nominate, operator, {
      ...nominationBase,
      status: 'registered',
      ballotOrder: 1,
      enteredBy: other.id,
      decidedBy: other.id,
      lockVersion: 99,
    });
    expect(result.ok).toBe(true);
    const [row] = await testDb.db
      .select()
      .from(candidates)
      .where(eq(candidates.id, (result as { data: { id: number } }).data.id));
    expect(row).toMatchObject({ status: 'nominated', ballotOrder: null, enteredBy: operator.id, decidedBy: null, lockVersion: 1 });
  });
});
