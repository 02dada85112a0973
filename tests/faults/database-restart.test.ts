import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { guardPostgresClosedSocketRace } from '@/db/driver-guard';
import { executeCommand, type ActionResult } from '@/lib/commands';
import { enterProtocol } from '@/lib/protocols/commands';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { protocolInput } from '../support/protocols';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';

/**
 * PostgreSQL restarts in the middle of a burst of protocol submissions. Every submission must be
 * reported failed or stored whole (never half-written), and the same connection pool must serve
 * again once the server is back, without restarting the portal. Runs alone (it stops the server
 * every other test uses) and only against a local server this machine can restart.
 */
let testDb: TestDatabase;
let operator: { id: number };
let precinctIds: number[];
let votes: Record<number, number>;
let votingDay: string;

const restartPostgres = () => {
  const version = readdirSync('/etc/postgresql')[0];
  execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main restart -m fast`, { stdio: 'ignore' });
};

let removeGuard: () => void;

beforeAll(async () => {
  // The same guard the server installs at start (instrumentation.ts), around a known driver bug.
  removeGuard = guardPostgresClosedSocketRace();
  testDb = await createTestDatabase();
  const db = testDb.db;
  const region = await insertRegion(db, 'faults');
  operator = await insertUser(db, 'operator', region.id);
  const election = await insertElection(db, -41, 10);
  votingDay = election.votingDay;
  const constituency = await insertConstituency(db, election.id, region.id, operator.id, 1000, 120);
  const [first, second] = await insertRegisteredCandidates(db, election.id, constituency.id, operator.id, 2);
  precinctIds = constituency.precincts.map((p) => p.id);
  votes = { [first!.id]: 400, [second!.id]: 280 };
});
afterAll(async () => {
  await testDb?.drop();
  removeGuard?.();
});

const submission = (precinctId: number) =>
  executeCommand(
    testDb.db,
    enterProtocol,
    { id: operator.id },
    {
      precinctId,
      lockVersion: 0,
      ...protocolInput(
        { ballotsReceived: 1010, ballotsIssued: 700, ballotsCast: 698, ballotsSpoiled: 3, ballotsUnused: 307, ballotsInvalid: 8, votesAgainstAll: 10, votes },
        { votersAtClose: 1000, votingDay },
      ),
    },
  );

describe('a database restart during a burst of submissions', () => {
  it('leaves no protocol half-written, and the portal serves again by itself', async () => {
    const results: { precinctId: number; result: ActionResult<unknown> }[] = [];
    const burst = (async () => {
      for (const precinctId of precinctIds.slice(0, 100)) {
        results.push({ precinctId, result: await submission(precinctId) });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 400));
    restartPostgres();
    await burst;

    const failed = results.filter((r) => !r.result.ok);
    const succeeded = results.filter((r) => r.result.ok);
    expect(failed.length).toBeGreaterThan(0); // the restart did hit the burst
    expect(succeeded.length).toBeGreaterThan(0);
    for (const { result } of failed) expect(!result.ok && result.error).toBe('failed');

    // Whole = protocol, version, first entry and a vote row per candidate, or nothing at all.
    const stored = await selectRows<{ precinctId: number; versions: number; entries: number; votes: number }>(
      testDb.db,
      sql`select p.precinct_id as "precinctId", count(distinct v.id)::int as versions, count(distinct e.id)::int as entries, count(ev.*)::int as votes
          from protocols p left join protocol_versions v on v.protocol_id = p.id left join protocol_entries e on e.version_id = v.id
          left join protocol_entry_votes ev on ev.entry_id = e.id group by p.precinct_id`,
    );
    for (const row of stored) expect(row).toMatchObject({ versions: 1, entries: 1, votes: 2 });
    const storedIds = new Set(stored.map((row) => row.precinctId));
    for (const { precinctId } of succeeded) expect(storedIds.has(precinctId)).toBe(true);
    // A failure reported while the commit was in flight may still have been stored: then it is whole (checked above).

    const afterwards = await submission(precinctIds[110]!);
    expect(afterwards.ok).toBe(true);
  }, 120_000);
});
