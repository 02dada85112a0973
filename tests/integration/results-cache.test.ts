import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeCommand, type ActionResult } from '@/lib/commands';
import { approveProtocol, enterProtocol } from '@/lib/protocols/commands';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';
import { balancedProtocol } from '../support/protocols';
import { bumpResultsVersion } from '@/lib/results/version';

const POLL_MS = 300;
process.env.RESULTS_POLL_MS = String(POLL_MS);
const { cachedCandidateFacts, cachedCandidates, cachedElectionResults } = await import('@/lib/results/cache');

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

function expectOk<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data;
}

describe('the public results cache', () => {
  it('serves repeated reads from memory and shows an approval within one poll interval', async () => {
    const db = testDb.db;
    const region = await insertRegion(db, 'cache-a');
    const [operator, operator2, reviewer] = [
      await insertUser(db, 'operator', region.id),
      await insertUser(db, 'operator', region.id),
      await insertUser(db, 'reviewer', region.id),
    ];
    const election = await insertElection(db, -41, 10);
    const constituency = await insertConstituency(db, election.id, region.id, operator.id, 1000, 2);
    const [first, second] = await insertRegisteredCandidates(db, election.id, constituency.id, operator.id, 2);
    const figures = balancedProtocol([first!.id, second!.id], { votersAtClose: 1000, votingDay: election.votingDay });

    const before = await cachedElectionResults(election.id, db);
    const [factsBefore, candidatesBefore] = [await cachedCandidateFacts(election.id, db), await cachedCandidates(election.id, db)];
    expect(before.value?.totals.precinctsReported).toBe(0);
    const again = await cachedElectionResults(election.id, db);
    expect(again.value).toBe(before.value); // the same object: no recomputation

    const precinctId = constituency.precincts[0]!.id;
    expectOk(await executeCommand(db, enterProtocol, { id: operator.id }, { precinctId, lockVersion: 0, ...figures }));
    const entered = expectOk(await executeCommand(db, enterProtocol, { id: operator2.id }, { precinctId, lockVersion: 1, ...figures })) as {
      protocolId: number;
      lockVersion: number;
    };
    expectOk(
      await executeCommand(
        db,
        approveProtocol,
        { id: reviewer.id },
        { protocolId: entered.protocolId, lockVersion: entered.lockVersion, withoutImageReason: 'No image of the paper in this test' },
      ),
    );

    await new Promise((resolve) => setTimeout(resolve, POLL_MS + 50));
    const after = await cachedElectionResults(election.id, db);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.value?.totals).toMatchObject({ precinctsReported: 1, ballotsCast: 698 });
    // What depends only on candidates is kept through approvals, and read again after a listing change.
    expect((await cachedCandidateFacts(election.id, db)).value).toBe(factsBefore.value);
    expect((await cachedCandidates(election.id, db)).value).toBe(candidatesBefore.value);
    await bumpResultsVersion(db, election.id);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS + 50));
    expect((await cachedCandidateFacts(election.id, db)).value).not.toBe(factsBefore.value);
    expect((await cachedCandidates(election.id, db)).value).toEqual(candidatesBefore.value);
  });
});
