import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { protocols, users } from '@/db/schema';
import { canAccessRegion, hasPermission, PERMISSIONS, type Role } from '@/lib/auth/permissions';
import { executeCommand, type ActionResult, type Command } from '@/lib/commands';
import { inspectUpload } from '@/lib/protocol-images/inspect';
import { startSession } from '@/lib/auth/sessions';
import { recordFailedSignIn, THROTTLE_POLICY } from '@/lib/auth/throttle';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { electionForm, electionFormOf, insertConstituency, insertElection, insertParty, insertRegisteredCandidates } from '../support/elections';
import { freshIin } from '../support/iin';
import { protocolPhoto } from '../support/protocol-images';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { protocolInput } from '../support/protocols';
import { insertRegion, insertUser } from '../support/users';

/**
 * Every server action of the app, found by reading the source (no hand-kept list), is run by
 * every kind of caller. The expected outcome comes from the one permission table and the region
 * rule; a denied call must change nothing, an allowed one must succeed.
 */
const ROOT = process.cwd();
// Actions that only manage the caller's own session; everything else must run a guarded command.
const SESSION_ACTIONS = new Set(['signInAction', 'signOutAction', 'endOtherSessionsAction']);

function filesMatching(dir: string, wanted: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === 'node_modules' ? [] : filesMatching(full, wanted);
    return wanted(entry) ? [full] : [];
  });
}
const filesNamed = (dir: string, name: string) => filesMatching(dir, (entry) => entry === name);

/** `name` is null for an export the reader does not recognise, so that no action goes unchecked. */
type DiscoveredAction = { file: string; name: string | null; command: string | null };

/** The exports of one server-action module: `export async function x(` and `export const x = async (` alike. */
function actionsIn(file: string, source: string): DiscoveredAction[] {
  if (!/^['"]use server['"]/m.test(source)) return [];
  const starts = [...source.matchAll(/^export (?!type\b|interface\b)(?:async function (\w+)\s*\(|const (\w+)\s*=\s*async\b)?/gm)];
  return starts.map((match, index) => {
    const body = source.slice(match.index, starts[index + 1]?.index ?? source.length);
    return { file, name: match[1] ?? match[2] ?? null, command: /runGuardedCommand\((\w+),/.exec(body)?.[1] ?? null };
  });
}

/** Server actions live in `actions.ts` modules beside their capability (`lib/<capability>/actions.ts`). */
function discoverActions(): DiscoveredAction[] {
  return filesNamed(path.join(ROOT, 'lib'), 'actions.ts').flatMap((file) => actionsIn(path.relative(ROOT, file), readFileSync(file, 'utf8')));
}

/** Every source file of the app that declares server actions, at the top or inside a function. */
const serverActionFiles = () =>
  ['app', 'components', 'lib']
    .flatMap((dir) => filesMatching(path.join(ROOT, dir), (entry) => /\.tsx?$/.test(entry)))
    .filter((file) => /['"]use server['"]/.test(readFileSync(file, 'utf8')))
    .map((file) => path.relative(ROOT, file));

async function discoverCommands(): Promise<Map<string, Command<never, unknown>>> {
  const commands = new Map<string, Command<never, unknown>>();
  for (const file of filesNamed(path.join(ROOT, 'lib'), 'commands.ts')) {
    const exports = (await import(file)) as Record<string, unknown>;
    for (const [exportName, value] of Object.entries(exports)) {
      const candidate = value as Partial<Command<never, unknown>>;
      if (candidate && typeof candidate === 'object' && typeof candidate.run === 'function' && typeof candidate.permission === 'string') {
        commands.set(exportName, value as Command<never, unknown>);
      }
    }
  }
  return commands;
}

let testDb: TestDatabase;
let regionA: number;
let regionB: number;
type Actor = { label: string; user: { id: number; role: Role; regionId: number | null; active: boolean } | null };
let actors: Actor[];
let helpers: Record<'operator2' | 'operator3' | 'reviewer2', { id: number }>;
let partyId: number;

const run = (command: Command<never, unknown>, actor: { id: number } | null, input: unknown) =>
  executeCommand<never, unknown>(testDb.db, command, actor, input);
async function ok<T>(promise: Promise<ActionResult<unknown>>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(`fixture step failed: ${JSON.stringify(result)}`);
  return result.data as T;
}

// Makes codes and e-mails unique across fixtures.
let unique = 5000;
const listContent = (code: string) => ({
  constituencies: [
    {
      code,
      kind: 'district',
      nameKk: 'Сынақ ауданы',
      nameRu: 'Тестовый район',
      nameEn: 'Test District',
      precincts: [{ number: 1, address: 'School No. 1', votersOnList: 900 }],
    },
  ],
});

/** A balanced protocol of the protocol election, which voted yesterday. */
const figures = (candidateIds: number[], firstVotes = 400) =>
  protocolInput(
    {
      ballotsReceived: 1010,
      ballotsIssued: 700,
      ballotsCast: 698,
      ballotsSpoiled: 3,
      ballotsUnused: 307,
      ballotsInvalid: 8,
      votesAgainstAll: 690 - firstVotes - 280,
      votes: { [candidateIds[0]!]: firstVotes, [candidateIds[1]!]: 280 },
    },
    { votersAtClose: 900, votingDay: addDays(todayInKazakhstan(), -1) },
  );

/** A fresh target in region A for each command and a valid input for it. */
const fixtures: Record<string, () => unknown> = {
  startRevision: async () => ({ electionId: (await insertElection(testDb.db, 30)).id, regionId: regionA }),
  saveDraft: async () => {
    const { id } = await ok<{ id: number }>(
      run(commands.get('startRevision')!, helpers.operator2, { electionId: (await insertElection(testDb.db, 30)).id, regionId: regionA }),
    );
    return { revisionId: id, lockVersion: 1, content: listContent(`m-${unique++}`) };
  },
  importPrecinctFile: async () => {
    const draft = (await fixtures.saveDraft!()) as { revisionId: number; content: ReturnType<typeof listContent> };
    const { lockVersion } = await ok<{ lockVersion: number }>(run(commands.get('saveDraft')!, helpers.operator2, { ...draft, lockVersion: 1 }));
    return { revisionId: draft.revisionId, lockVersion, file: new TextEncoder().encode(`${draft.content.constituencies[0]!.code},2,Club,300`) };
  },
  submitRevision: async () => {
    const draft = (await fixtures.saveDraft!()) as { revisionId: number };
    const { lockVersion } = await ok<{ lockVersion: number }>(run(commands.get('saveDraft')!, helpers.operator2, { ...(draft as object), lockVersion: 1 }));
    return { revisionId: draft.revisionId, lockVersion };
  },
  returnRevision: async () => {
    const submitted = (await fixtures.submitRevision!()) as { revisionId: number; lockVersion: number };
    const { lockVersion } = await ok<{ lockVersion: number }>(run(commands.get('submitRevision')!, helpers.operator2, submitted));
    return { revisionId: submitted.revisionId, lockVersion, comment: 'Please check precinct 1' };
  },
  approveRevision: async () => {
    const { revisionId, lockVersion } = (await fixtures.returnRevision!()) as { revisionId: number; lockVersion: number };
    return { revisionId, lockVersion };
  },
  nominate: async () => {
    const election = await insertElection(testDb.db, -5);
    const constituency = await insertConstituency(testDb.db, election.id, regionA, helpers.operator2.id, 5000);
    const birthDate = '1980-01-01';
    return {
      electionId: election.id,
      constituencyId: constituency.id,
      fullName: 'Матрица Тестұлы Тексеров',
      iin: freshIin(birthDate),
      birthDate,
      sex: 'male',
      education: 'Higher',
      currentPosition: '',
      nominationRoute: 'party',
      partyId,
      applicationReceived: true,
      assetDeclarationsReceived: true,
      depositAmount: 350000,
      depositPaidOn: '2026-01-01',
      supportingSignatures: '',
    };
  },
  updateDocuments: async () => {
    const { id } = await ok<{ id: number }>(run(commands.get('nominate')!, helpers.operator2, await fixtures.nominate!()));
    return {
      candidateId: id,
      lockVersion: 1,
      applicationReceived: true,
      assetDeclarationsReceived: true,
      depositAmount: 400000,
      depositPaidOn: '2026-01-02',
      supportingSignatures: '',
    };
  },
  attestCheck: async () => {
    const { candidateId } = (await fixtures.updateDocuments!()) as { candidateId: number };
    return { candidateId, lockVersion: 1, code: 'citizenship', outcome: 'passed', note: 'Passport checked' };
  },
  decide: async () => {
    const { candidateId } = (await fixtures.updateDocuments!()) as { candidateId: number };
    return {
      candidateId,
      lockVersion: 1,
      decision: 'refuse',
      refusalGround: 'other',
      explanation: 'Refused in the authorization matrix test',
      ...commission(),
    };
  },
  proposeCancellation: async () => ({
    candidateId: await registeredCandidate(),
    lockVersion: 1,
    ground: 'voter_bribery',
    explanation: 'Food parcels handed out at a meeting',
  }),
  decideCancellation: async () => {
    const candidateId = await registeredCandidate();
    const { lockVersion } = await ok<{ lockVersion: number }>(
      run(commands.get('proposeCancellation')!, helpers.operator2, {
        candidateId,
        lockVersion: 1,
        ground: 'court_decision',
        explanation: 'Annulled by the district court',
      }),
    );
    return { candidateId, lockVersion, decision: 'cancel', ...commission() };
  },
  recordBallotsPrinted: async () => {
    const election = await insertElection(testDb.db, -5);
    const constituency = await insertConstituency(testDb.db, election.id, regionA, helpers.operator2.id, 1000);
    return { constituencyId: constituency.id, printedOn: todayInKazakhstan() };
  },
  recordDepositRefund: async () => {
    const { candidateIds } = await officialConstituency();
    return { candidateId: candidateIds[0], lockVersion: 1, refundedOn: todayInKazakhstan() };
  },
  recordElectedAkim: async () => {
    const { constituencyId, candidateIds } = await officialConstituency();
    return { constituencyId, decision: 'register', candidateId: candidateIds[0], ...commission(), lateReason: '' };
  },
  withdraw: async () => {
    const { candidateId } = (await fixtures.updateDocuments!()) as { candidateId: number };
    return { candidateId, lockVersion: 1, withdrawnBy: 'candidate', withdrawnOn: new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10) };
  },
  enterProtocol: async () => {
    const { precinctId, candidateIds } = await freshPrecinct();
    return { precinctId, lockVersion: 0, ...figures(candidateIds) };
  },
  resolveMismatch: async () => {
    const { precinctId, candidateIds } = await freshPrecinct();
    await ok(run(commands.get('enterProtocol')!, helpers.operator2, { precinctId, lockVersion: 0, ...figures(candidateIds) }));
    const second = await ok<{ protocolId: number; lockVersion: number }>(
      run(commands.get('enterProtocol')!, helpers.operator3, { precinctId, lockVersion: 1, ...figures(candidateIds, 399) }),
    );
    return { protocolId: second.protocolId, lockVersion: second.lockVersion, ...figures(candidateIds) };
  },
  approveProtocol: async () => {
    const { precinctId, candidateIds } = await freshPrecinct();
    await ok(run(commands.get('enterProtocol')!, helpers.operator2, { precinctId, lockVersion: 0, ...figures(candidateIds) }));
    const second = await ok<{ protocolId: number; lockVersion: number }>(
      run(commands.get('enterProtocol')!, helpers.operator3, { precinctId, lockVersion: 1, ...figures(candidateIds) }),
    );
    return { protocolId: second.protocolId, lockVersion: second.lockVersion, withoutImageReason: 'The paper stays with the commission' };
  },
  returnProtocol: async () => {
    const approval = (await fixtures.approveProtocol!()) as { protocolId: number; lockVersion: number };
    return { protocolId: approval.protocolId, lockVersion: approval.lockVersion, comment: 'The wrong paper protocol was typed' };
  },
  correctProtocol: async () => {
    const approval = (await fixtures.approveProtocol!()) as { protocolId: number; lockVersion: number };
    const { lockVersion } = await ok<{ lockVersion: number }>(run(commands.get('approveProtocol')!, helpers.reviewer2, approval));
    const [protocol] = await testDb.db.select().from(protocols).where(eq(protocols.id, approval.protocolId));
    const candidateIds = (
      await selectRows<{ id: number }>(
        testDb.db,
        sql`select k.id from candidates k join precincts p on p.constituency_id = k.constituency_id where p.id = ${protocol!.precinctId} order by k.ballot_order`,
      )
    ).map((r) => r.id);
    return { protocolId: approval.protocolId, lockVersion, reason: 'Typo against the signed paper', ...figures(candidateIds, 390) };
  },
  markResultsOfficial: async () => {
    const { precinctId, candidateIds, constituencyId } = await freshPrecinct(1);
    await ok(run(commands.get('enterProtocol')!, helpers.operator2, { precinctId, lockVersion: 0, ...figures(candidateIds) }));
    const second = await ok<{ protocolId: number; lockVersion: number }>(
      run(commands.get('enterProtocol')!, helpers.operator3, { precinctId, lockVersion: 1, ...figures(candidateIds) }),
    );
    await ok(run(commands.get('approveProtocol')!, helpers.reviewer2, { ...second, withoutImageReason: 'The paper stays with the commission' }));
    return { constituencyId };
  },
  reopenResults: async () => {
    const official = (await fixtures.markResultsOfficial!()) as { constituencyId: number };
    await ok(run(commands.get('markResultsOfficial')!, helpers.reviewer2, official));
    return { ...official, reason: 'Recount ordered by the commission' };
  },
  checkProtocolImageUpload: async () => ({ precinctId: (await freshPrecinct()).precinctId }),
  attachProtocolImages: async () => ({ precinctId: (await freshPrecinct()).precinctId, expectedVersionNo: 0, files: await inspectedPhoto() }),
  approveProtocolScan: async () => {
    // An approved protocol whose image is then corrected: the correction waits for a reviewer.
    const approval = (await fixtures.approveProtocol!()) as { protocolId: number };
    const [protocol] = await testDb.db.select().from(protocols).where(eq(protocols.id, approval.protocolId));
    await ok(
      run(commands.get('attachProtocolImages')!, helpers.operator2, { precinctId: protocol!.precinctId, expectedVersionNo: 0, files: await inspectedPhoto() }),
    );
    await ok(run(commands.get('approveProtocol')!, helpers.reviewer2, { ...approval, withoutImageReason: undefined }));
    await ok(
      run(commands.get('attachProtocolImages')!, helpers.operator3, {
        precinctId: protocol!.precinctId,
        expectedVersionNo: 1,
        reason: 'The first photo was blurred',
        files: await inspectedPhoto(),
      }),
    );
    return { precinctId: protocol!.precinctId, versionNo: 2 };
  },
  recordPaperCheck: async () => {
    const approval = (await fixtures.approveProtocol!()) as { protocolId: number; lockVersion: number };
    await ok(run(commands.get('approveProtocol')!, helpers.reviewer2, approval));
    const [protocol] = await testDb.db.select().from(protocols).where(eq(protocols.id, approval.protocolId));
    return { precinctId: protocol!.precinctId, entryId: protocol!.approvedEntryId, comment: 'Checked against the signed paper' };
  },
  createElection: () => electionForm(`matrix-${unique++}`),
  updateElection: async () => ({ ...electionFormOf(await insertElection(testDb.db, 30)), nameEn: 'Renamed test election' }),
  announceElection: async () => {
    const draft = await insertElection(testDb.db, 30, 20, { announced: false });
    return { electionId: draft.id, lockVersion: draft.lockVersion };
  },
  archiveElection: async () => {
    const draft = await insertElection(testDb.db, 30, 20, { announced: false });
    return { electionId: draft.id, lockVersion: draft.lockVersion };
  },
  createParty: () => ({
    code: `matrix-party-${unique++}`,
    nameKk: 'Партия',
    nameRu: 'Партия',
    nameEn: 'Party',
    shortName: 'MP',
    registrationNumber: `M-${unique++}`,
    registeredOn: '2015-05-05',
    active: true,
  }),
  updateParty: async () => {
    const party = await insertParty(testDb.db, `matrix-party-${unique++}`);
    return {
      partyId: party.id,
      lockVersion: party.lockVersion,
      code: party.code,
      nameKk: party.nameKk,
      nameRu: party.nameRu,
      nameEn: party.nameEn,
      shortName: 'NEW',
      registrationNumber: party.registrationNumber,
      registeredOn: party.registeredOn,
      active: false,
    };
  },
  createUser: () => ({
    email: `new.${unique++}@matrix.kz`,
    fullName: 'New Person',
    role: 'operator',
    regionId: String(regionA),
    password: 'a-long-enough-password',
  }),
  updateUser: async () => {
    const target = await insertUser(testDb.db, 'operator', regionA);
    return { userId: target.id, lockVersion: target.sessionVersion, fullName: 'Renamed Person', role: 'operator', regionId: String(regionA), active: true };
  },
  endUserSessions: async () => {
    const target = await insertUser(testDb.db, 'operator', regionA);
    await startSession(testDb.db, target.id, { userAgent: 'matrix', address: '198.51.100.1' });
    return { userId: target.id };
  },
  clearSignInBlockCommand: async () => {
    const account = `guessed.${unique++}@matrix.kz`;
    for (let i = 0; i < THROTTLE_POLICY.maxFailuresPerPair; i++) await recordFailedSignIn(testDb.db, account, '198.51.100.66');
    return { key: `pair:${account} 198.51.100.66` };
  },
};

/** A photo of a protocol through the real inspection: the only kind of file the upload command stores. */
async function inspectedPhoto() {
  const result = await inspectUpload([{ name: 'protocol.jpg', bytes: await protocolPhoto({ label: `Matrix ${unique++}` }) }]);
  if (!result.ok) throw new Error(JSON.stringify(result.refusals));
  return result.files;
}

let protocolElectionId: number;
const commission = () => ({ decisionNumber: `${unique++}/1`, decisionDate: todayInKazakhstan() });

/** A registered candidate (ballot line 1) in region A of an election in its nomination phase. */
async function registeredCandidate() {
  const election = await insertElection(testDb.db, -5);
  const constituency = await insertConstituency(testDb.db, election.id, regionA, helpers.operator2.id, 1000);
  const [candidate] = await insertRegisteredCandidates(testDb.db, election.id, constituency.id, helpers.operator2.id, 2);
  return candidate!.id;
}

/** A one-precinct constituency whose protocol is approved and results official: candidate 1 won with 400 of 690 votes. */
async function officialConstituency() {
  const official = (await fixtures.markResultsOfficial!()) as { constituencyId: number };
  await ok(run(commands.get('markResultsOfficial')!, helpers.reviewer2, official));
  const candidateIds = (
    await selectRows<{ id: number }>(testDb.db, sql`select id from candidates where constituency_id = ${official.constituencyId} order by ballot_order`)
  ).map((r) => r.id);
  return { constituencyId: official.constituencyId, candidateIds };
}
/** A new constituency in region A (with registered candidates) and its first precinct. */
async function freshPrecinct(precinctCount = 1) {
  const constituency = await insertConstituency(testDb.db, protocolElectionId, regionA, helpers.operator2.id, 1000, precinctCount);
  const candidateIds = (await insertRegisteredCandidates(testDb.db, protocolElectionId, constituency.id, helpers.operator2.id, 2)).map((c) => c.id);
  return { precinctId: constituency.precincts[0]!.id, candidateIds, constituencyId: constituency.id };
}

const snapshot = async () =>
  (
    await selectRows<Record<string, number>>(
      testDb.db,
      sql`select (select count(*)::int from audit_log) as audit, (select count(*)::int from constituency_list_revisions) as revisions,
                 (select coalesce(sum(lock_version), 0)::int from constituency_list_revisions) as revision_versions,
                 (select count(*)::int from constituencies) as constituencies, (select count(*)::int from precincts) as precincts,
                 (select count(*)::int from candidates) as candidates, (select coalesce(sum(lock_version), 0)::int from candidates) as candidate_versions,
                 (select count(*)::int from candidate_checks where outcome <> 'pending') as decided_checks,
                 (select count(*)::int from protocols) as protocols, (select coalesce(sum(lock_version), 0)::int from protocols) as protocol_versions,
                 (select count(*)::int from protocol_entries) as entries, (select count(*)::int from users) as users,
                 (select coalesce(sum(session_version), 0)::int from users) as user_versions,
                 (select count(*)::int from constituencies where results_status = 'official') as official,
                 (select count(*)::int from elections) as elections, (select sum(version)::int from elections) as election_versions,
                 (select count(*)::int from parties) as parties, (select sum(version)::int from parties) as party_versions,
                 (select count(*)::int from protocol_scans) as scans, (select count(*)::int from protocol_scans where reviewed_at is not null) as reviewed_scans,
                 (select count(*)::int from stored_files) as stored_files,
                 (select count(*)::int from registration_cancellations) as cancellations, (select count(*)::int from akim_registrations) as akim_registrations,
                 (select count(*)::int from constituencies where ballots_printed_on is not null) as ballots_printed,
                 (select count(*)::int from screening_checks) as screening_checks,
                 (select count(*)::int from staff_sessions) as sessions,
                 (select count(*)::int from sign_in_blocks where blocked_until > now()) as sign_in_blocks`,
    )
  )[0];

const actions = discoverActions();
let commands: Map<string, Command<never, unknown>>;

beforeAll(async () => {
  commands = await discoverCommands();
  testDb = await createTestDatabase();
  const db = testDb.db;
  regionA = (await insertRegion(db, 'matrix-a')).id;
  regionB = (await insertRegion(db, 'matrix-b')).id;
  helpers = {
    operator2: await insertUser(db, 'operator', regionA),
    operator3: await insertUser(db, 'operator', regionA),
    reviewer2: await insertUser(db, 'reviewer', regionA),
  };
  const as = async (label: string, role: Role, regionId: number | null, active = true): Promise<Actor> => {
    const user = await insertUser(db, role, regionId, { active });
    return { label, user: { id: user.id, role, regionId, active } };
  };
  actors = [
    { label: 'anonymous', user: null },
    await as('operator of the same region', 'operator', regionA),
    await as('operator of another region', 'operator', regionB),
    await as('reviewer of the same region', 'reviewer', regionA),
    await as('reviewer of another region', 'reviewer', regionB),
    await as('observer', 'observer', null),
    await as('admin', 'admin', null),
    await as('deactivated operator of the same region', 'operator', regionA, false),
  ];
  partyId = (await insertParty(db, 'matrix-party')).id;
  protocolElectionId = (await insertElection(db, -41, 10)).id;
});
afterAll(async () => {
  await testDb?.drop();
});

describe('the authorization matrix', () => {
  it('recognises both ways of exporting an action', () => {
    const source = `'use server';\nexport type T = number;\nexport async function a(input: unknown) { return runGuardedCommand(first, input); }\nexport const b = async (input: unknown) => runGuardedCommand(second, input);\nexport const c = async () => null;\nexport { d };\n`;
    expect(actionsIn('x/actions.ts', source).map(({ name, command }) => [name, command])).toEqual([
      ['a', 'first'],
      ['b', 'second'],
      ['c', null],
      [null, null],
    ]);
    expect(actionsIn('x/actions.ts', source.replace("'use server';", ''))).toEqual([]);
  });

  it('finds every server action, and each one runs a guarded command (or manages only the session)', () => {
    expect(serverActionFiles().sort()).toEqual([...new Set(actions.map((a) => a.file))].sort());
    expect(actions.filter((a) => a.name === null).map((a) => a.file)).toEqual([]);
    expect(actions.length).toBeGreaterThan(15);
    const unguarded = actions.filter((action) => action.command === null && !SESSION_ACTIONS.has(action.name!));
    expect(unguarded.map((a) => `${a.file}#${a.name}`)).toEqual([]);
  });

  it('finds every staff route handler and page, and each one calls the permission guard', () => {
    const staffFiles = [...filesNamed(path.join(ROOT, 'app', '(staff)'), 'route.ts'), ...filesNamed(path.join(ROOT, 'app', '(staff)'), 'page.tsx')];
    expect(staffFiles.length).toBeGreaterThan(10);
    const unguarded = staffFiles.filter((file) => !/requirePermission\('[\w.]+'/.test(readFileSync(file, 'utf8'))).map((file) => path.relative(ROOT, file));
    expect(unguarded).toEqual([]);
    const permissions = staffFiles.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/requirePermission\('([\w.]+)'/g)].map((m) => m[1]!));
    for (const permission of permissions) expect(Object.keys(PERMISSIONS)).toContain(permission);
  });

  it('has every command in the permission table and a matrix fixture for it', () => {
    const used = new Set(actions.flatMap((a) => (a.command ? [a.command] : [])));
    for (const name of used) expect(commands.has(name), `${name} is run by an action but is not a command`).toBe(true);
    // A command no discovered action runs must be run by a route handler, else an action was missed.
    const routeCommands = new Set(
      filesNamed(path.join(ROOT, 'app'), 'route.ts').flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/runGuardedCommand\((\w+),/g)].map((m) => m[1]!),
      ),
    );
    for (const name of commands.keys()) expect(used.has(name) || routeCommands.has(name), `${name} is run by no action or route handler`).toBe(true);
    for (const [name, command] of commands) {
      expect(Object.keys(PERMISSIONS), name).toContain(command.permission);
      expect(fixtures[name], `add ${name} to the authorization matrix`).toBeTypeOf('function');
    }
  });

  it('allows exactly what the permission table and the region rule allow; denied calls change nothing', async () => {
    const outcomes: string[] = [];
    for (const [name, command] of commands) {
      for (const actor of actors) {
        const input = await fixtures[name]!();
        const before = await snapshot();
        const result = await run(command, actor.user, input);
        const allowed = actor.user !== null && actor.user.active && hasPermission(actor.user, command.permission) && canAccessRegion(actor.user, regionA);
        if (allowed) {
          if (!result.ok) outcomes.push(`${name} by ${actor.label}: expected success, got ${JSON.stringify(result)}`);
        } else {
          if (result.ok || !['unauthenticated', 'forbidden'].includes(result.error))
            outcomes.push(`${name} by ${actor.label}: expected denial, got ${JSON.stringify(result)}`);
          const after = await snapshot();
          if (JSON.stringify(after) !== JSON.stringify(before)) outcomes.push(`${name} by ${actor.label}: the database changed although denied`);
        }
      }
    }
    expect(outcomes).toEqual([]);
  }, 600_000);

  it('treats a user whose role changed as their new role at once', async () => {
    const user = await insertUser(testDb.db, 'operator', regionA);
    await testDb.db.update(users).set({ role: 'observer', regionId: null }).where(eq(users.id, user.id));
    const result = await run(commands.get('enterProtocol')!, { id: user.id }, await fixtures.enterProtocol!());
    expect(!result.ok && result.error).toBe('forbidden');
  });
});
