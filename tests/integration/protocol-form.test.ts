import { eq, sql } from 'drizzle-orm';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, selectRows, type DatabaseHandle } from '@/db/client';
import { migrateDatabase, migrationsFolder } from '@/db/migrate';
import { elections, protocolEntries, protocols } from '@/db/schema';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { executeCommand, type ActionResult } from '@/lib/commands';
import { approveProtocol, correctProtocol, enterProtocol, resolveMismatch } from '@/lib/protocols/commands';
import { protocolSheet } from '@/lib/protocols/queries';
import { electionResults, precinctResults } from '@/lib/results/aggregate';
import { runningTotalsDrift } from '@/lib/results/running-totals';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { signatureFields } from '../support/protocols';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';

/**
 * The protocol as the commission signs it (issue 12): voters at the close above the approved list,
 * mobile boxes, signatures typed by both copies, and entries stored before the form had these
 * lines, converted by migration 0010.
 */
const noImage = { withoutImageReason: 'The signed paper is kept by the district commission' };
type Actor = { id: number };
const run = <T>(db: DatabaseHandle['db'], command: Parameters<typeof executeCommand>[1], actor: Actor, input: unknown) =>
  executeCommand(db, command, actor, input) as Promise<ActionResult<T>>;
function expectOk<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`);
  return result.data;
}

describe('a genuine protocol: grown list, mobile boxes, signatures', () => {
  let testDb: TestDatabase;
  let staff: Record<'operator' | 'operator2' | 'reviewer', Actor>;
  let electionId: number;
  let votingDay: string;
  let precinctIds: number[];
  let candidateIds: number[];
  let smallConstituencyId: number;
  let smallPrecinctId: number;
  let smallCandidateIds: number[];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const db = testDb.db;
    const region = (await insertRegion(db, 'form-a')).id;
    staff = {
      operator: await insertUser(db, 'operator', region),
      operator2: await insertUser(db, 'operator', region),
      reviewer: await insertUser(db, 'reviewer', region),
    };
    const election = await insertElection(db, -41, 10);
    electionId = election.id;
    votingDay = election.votingDay;
    const constituency = await insertConstituency(db, electionId, region, staff.operator.id, 1000, 4);
    precinctIds = constituency.precincts.map((p) => p.id);
    candidateIds = (await insertRegisteredCandidates(db, electionId, constituency.id, staff.operator.id, 2)).map((c) => c.id);
    const small = await insertConstituency(db, electionId, region, staff.operator.id, 1000, 1);
    smallConstituencyId = small.id;
    smallPrecinctId = small.precincts[0]!.id;
    smallCandidateIds = (await insertRegisteredCandidates(db, electionId, small.id, staff.operator.id, 2)).map((c) => c.id);
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  /** 1,037 voters at the close (37 added on the day) of a 1,000-voter list; 60 ballots taken out in mobile boxes. */
  const genuine = (overrides: Record<string, unknown> = {}) => ({
    votersAtClose: 1037,
    ballotsReceived: 1040,
    ballotsIssuedPremises: 960,
    ballotsIssuedOutside: 60,
    ballotsFoundStationary: 958,
    ballotsFoundMobile: 59,
    ballotsSpoiled: 4,
    ballotsUnused: 16,
    ballotsInvalid: 17,
    votesAgainstAll: 30,
    votes: { [candidateIds[0]!]: 600, [candidateIds[1]!]: 370 },
    ...signatureFields(votingDay),
    ...overrides,
  });

  it('accepts voters at the close above the approved list, and counts them in turnout and both kinds of boxes', async () => {
    const db = testDb.db;
    const precinctId = precinctIds[0]!;
    expectOk(await run(db, enterProtocol, staff.operator, { precinctId, lockVersion: 0, ...genuine() }));
    const second = expectOk(
      await run<{ protocolId: number; lockVersion: number; status: string }>(db, enterProtocol, staff.operator2, { precinctId, lockVersion: 1, ...genuine() }),
    );
    expect(second.status).toBe('awaiting_review');
    expectOk(await run(db, approveProtocol, staff.reviewer, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...noImage }));
    const results = await electionResults(db, electionId);
    const constituency = results!.constituencies.find((c) => c.candidates.some((k) => k.id === candidateIds[0]))!;
    expect(constituency).toMatchObject({ votersOnList: 4000, votersInReported: 1037, votersAddedOnDay: 37, ballotsCast: 1017, ballotsFoundMobile: 59 });
    expect(constituency.turnout).toBeCloseTo(1017 / 1037, 12);
    expect(constituency.mobileShare).toBeCloseTo(59 / 1017, 12);
    // A candidate's share is taken of the ballots found in the boxes.
    expect(constituency.candidates[0]!.share).toBeCloseTo(600 / 1017, 12);
    const [precinct] = (await precinctResults(db, electionId)).filter((p) => p.id === precinctId);
    expect(precinct).toMatchObject({
      votersOnList: 1000,
      votersAtClose: 1037,
      ballotsFoundStationary: 958,
      ballotsFoundMobile: 59,
      ballotsCast: 1017,
      reported: true,
    });
  });

  it('takes a correction to the signatures alone like any other: a new version with its reason, typed twice, reviewed', async () => {
    const db = testDb.db;
    const precinctId = precinctIds[0]!;
    const [protocol] = await db.select().from(protocols).where(eq(protocols.precinctId, precinctId));
    expect(protocol!.status).toBe('approved');
    const renamed = genuine({ secretaryName: 'Иванова-Сейтова Анна Петровна' });
    const noReason = await run(db, correctProtocol, staff.operator, { protocolId: protocol!.id, lockVersion: protocol!.lockVersion, reason: '', ...renamed });
    expect(noReason).toMatchObject({ ok: false, fieldErrors: { reason: ['errors.minLength.n10'] } });
    const corrected = expectOk(
      await run<{ lockVersion: number }>(db, correctProtocol, staff.operator, {
        protocolId: protocol!.id,
        lockVersion: protocol!.lockVersion,
        reason: "Secretary's surname as signed on the paper",
        ...renamed,
      }),
    );
    const second = expectOk(
      await run<{ lockVersion: number; status: string }>(db, enterProtocol, staff.operator2, { precinctId, lockVersion: corrected.lockVersion, ...renamed }),
    );
    expect(second.status).toBe('awaiting_review');
    expectOk(await run(db, approveProtocol, staff.reviewer, { protocolId: protocol!.id, lockVersion: second.lockVersion, ...noImage }));
    const sheet = await protocolSheet(db, precinctId, 'public');
    expect(sheet!.versions.map((v) => [v.versionNo, v.correctionReason])).toEqual([
      [1, null],
      [2, "Secretary's surname as signed on the paper"],
    ]);
    const approved = sheet!.versions.flatMap((v) => v.entries).find((e) => e.id === sheet!.protocol!.approvedEntryId)!;
    expect(approved.figures.signatures!.secretaryName).toBe('Иванова-Сейтова Анна Петровна');
  });

  it('sends copies that differ in the mobile-box line or a signature field to a reviewer, who resolves exactly those fields', async () => {
    const db = testDb.db;
    const precinctId = precinctIds[1]!;
    expectOk(await run(db, enterProtocol, staff.operator, { precinctId, lockVersion: 0, ...genuine() }));
    const mistyped = genuine({ ballotsFoundStationary: 959, ballotsFoundMobile: 58, secretaryName: 'Иванова Анна' });
    const second = expectOk(
      await run<{ protocolId: number; lockVersion: number; status: string }>(db, enterProtocol, staff.operator2, { precinctId, lockVersion: 1, ...mistyped }),
    );
    expect(second.status).toBe('mismatch');
    const sheet = await protocolSheet(db, precinctId, { id: staff.reviewer.id, role: 'reviewer' });
    const [first, other] = sheet!.versions[0]!.entries;
    expect(first!.figures.signatures!.secretaryName).toBe('Иванова Анна Петровна');
    expect(other!.figures.signatures!.secretaryName).toBe('Иванова Анна');
    // An agreed signature field cannot change in the resolution.
    const changingAgreed = await run(db, resolveMismatch, staff.reviewer, {
      protocolId: second.protocolId,
      lockVersion: second.lockVersion,
      ...genuine({ chairName: 'Someone Else' }),
    });
    expect(changingAgreed).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { chairName: ['protocols.errors.agreedFieldChanged'] } });
    const resolved = expectOk(
      await run<{ lockVersion: number }>(db, resolveMismatch, staff.reviewer, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...genuine() }),
    );
    const reviewer2 = await insertUser(
      db,
      'reviewer',
      (await selectRows<{ regionId: number }>(db, sql`select region_id as "regionId" from users where id = ${staff.reviewer.id}`))[0]!.regionId,
    );
    expectOk(await run(db, approveProtocol, reviewer2, { protocolId: second.protocolId, lockVersion: resolved.lockVersion, ...noImage }));
  });

  it('refuses a missing signature field, more members signing than present, and a time of signing outside the evening and next day; nothing stored', async () => {
    const db = testDb.db;
    const precinctId = precinctIds[2]!;
    const count = async () => (await selectRows<{ n: number }>(db, sql`select count(*)::int as n from protocol_entries`))[0]!.n;
    const before = await count();
    const nextDay = new Date(`${votingDay}T00:00:00Z`);
    nextDay.setUTCDate(nextDay.getUTCDate() + 2);
    for (const [field, overrides, message] of [
      ['chairName', { chairName: '' }, 'errors.minLength.n3'],
      ['dissentAttached', { dissentAttached: '' }, 'errors.required'],
      ['membersSigning', { membersSigning: 'many' }, 'errors.wholeNumber'],
      ['signedAt', { signedAt: `${votingDay}T19:45` }, 'protocols.errors.signedAtWindow'],
      ['signedAt', { signedAt: `${nextDay.toISOString().slice(0, 10)}T08:00` }, 'protocols.errors.signedAtWindow'],
    ] as const) {
      const result = await run(db, enterProtocol, staff.operator, { precinctId, lockVersion: 0, ...genuine(overrides) });
      expect(result, field).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { [field]: [message] } });
    }
    const tooMany = await run(db, enterProtocol, staff.operator, { precinctId, lockVersion: 0, ...genuine({ membersSigning: 9 }) });
    expect(tooMany).toMatchObject({
      ok: false,
      message: 'protocols.errors.relations',
      relationErrors: [{ relation: 'membersOrder', values: { signing: 9, present: 8, total: 9 } }],
    });
    const mobileAboveOutside = await run(db, enterProtocol, staff.operator, {
      precinctId,
      lockVersion: 0,
      ...genuine({ ballotsFoundMobile: 61, ballotsFoundStationary: 956 }),
    });
    expect(mobileAboveOutside).toMatchObject({ ok: false, relationErrors: [{ relation: 'mobileWithinOutside', values: { mobile: 61, outside: 60 } }] });
    expect(await count()).toBe(before);
  });

  it('follows the election\'s "against all" setting: no effect by default, a repeat election when set and it beats every candidate', async () => {
    const db = testDb.db;
    // 300 against all beat both candidates (250 and 140) in a one-precinct constituency.
    const heavy = {
      votersAtClose: 1000,
      ballotsReceived: 1000,
      ballotsIssuedPremises: 700,
      ballotsIssuedOutside: 0,
      ballotsFoundStationary: 700,
      ballotsFoundMobile: 0,
      ballotsSpoiled: 0,
      ballotsUnused: 300,
      ballotsInvalid: 10,
      votesAgainstAll: 300,
      votes: { [smallCandidateIds[0]!]: 250, [smallCandidateIds[1]!]: 140 },
      ...signatureFields(votingDay),
    };
    expectOk(await run(db, enterProtocol, staff.operator, { precinctId: smallPrecinctId, lockVersion: 0, ...heavy }));
    const second = expectOk(
      await run<{ protocolId: number; lockVersion: number }>(db, enterProtocol, staff.operator2, { precinctId: smallPrecinctId, lockVersion: 1, ...heavy }),
    );
    expectOk(await run(db, approveProtocol, staff.reviewer, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...noImage }));
    const outcome = async () => (await electionResults(db, electionId))!.constituencies.find((c) => c.id === smallConstituencyId)!.outcome;
    expect(await outcome()).toEqual({ status: 'elected', candidateId: smallCandidateIds[0] });
    await db.update(elections).set({ againstAllEffect: 'repeat_if_beats_all' }).where(eq(elections.id, electionId));
    expect(await outcome()).toEqual({ status: 'repeat_required', reason: 'against_all' });
    await db.update(elections).set({ againstAllEffect: 'none' }).where(eq(elections.id, electionId));
  });
});

describe('entries stored before the form had these lines (migration 0010)', () => {
  let handle: DatabaseHandle;
  let folder: string;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    // The migrations up to 0009 only: the database as it was before this form.
    folder = mkdtempSync(path.join(process.cwd(), '.migrations-before-0010-'));
    cpSync(migrationsFolder, folder, { recursive: true });
    const journalPath = path.join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.filter((entry) => entry.idx < 10) }));
    handle = openDatabase({ dataDir: 'memory://' });
    await migratePglite(handle.db as never, { migrationsFolder: folder });
    const db = handle.db;
    const region = (await insertRegion(db, 'form-old')).id;
    const operator = await insertUser(db, 'operator', region);
    const reviewer = await insertUser(db, 'reviewer', region);
    ids.operator = operator.id;
    ids.operator2 = (await insertUser(db, 'operator', region)).id;
    ids.reviewer = reviewer.id;
    ids.reviewer2 = (await insertUser(db, 'reviewer', region)).id;
    // Voted yesterday (counting), inserted in the earlier columns only.
    const [election] = await selectRows<{ id: number; votingDay: string }>(
      db,
      sql`insert into elections (slug, name_kk, name_ru, name_en, called_on, nomination_opens_on, nomination_closes_on, registration_deadline, voting_day, results_deadline, akim_registration_deadline, deposit_amount, announced_at)
          select 'old-form', 'x', 'x', 'x', d - 50, d - 40, d - 30, d - 25, d, d + 3, d + 10, 350000, now()
          from (select ${addDays(todayInKazakhstan(), -1)}::date as d) t
          returning id, voting_day::text as "votingDay"`,
    );
    ids.election = election!.id;
    const constituency = await insertConstituency(db, election!.id, region, operator.id, 800, 2);
    const candidates = await insertRegisteredCandidates(db, election!.id, constituency.id, operator.id, 2);
    ids.precinctApproved = constituency.precincts[0]!.id;
    ids.precinctOnce = constituency.precincts[1]!.id;
    ids.candidate1 = candidates[0]!.id;
    ids.candidate2 = candidates[1]!.id;
    // An approved protocol (two copies) and one typed once, in the earlier columns.
    for (const [precinctId, status, kinds] of [
      [ids.precinctApproved, 'approved', ['first', 'second']],
      [ids.precinctOnce, 'entered_once', ['first']],
    ] as const) {
      const [protocol] = await selectRows<{ id: number }>(db, sql`insert into protocols (precinct_id, status) values (${precinctId}, ${status}) returning id`);
      const [version] = await selectRows<{ id: number }>(
        db,
        sql`insert into protocol_versions (protocol_id, version_no, created_by, approved_by, approved_at)
            values (${protocol!.id}, 1, ${operator.id}, ${status === 'approved' ? reviewer.id : null}, ${status === 'approved' ? sql`now()` : null}) returning id`,
      );
      for (const kind of kinds) {
        const [entry] = await selectRows<{ id: number }>(
          db,
          sql`insert into protocol_entries (version_id, kind, entered_by, voters_on_list, ballots_received, ballots_issued, ballots_cast, ballots_spoiled, ballots_unused, ballots_invalid, votes_against_all)
              values (${version!.id}, ${kind}::protocol_entry_kind, ${kind === 'first' ? operator.id : ids.operator2}, 800, 800, 500, 498, 2, 298, 8, 10) returning id`,
        );
        await db.execute(
          sql`insert into protocol_entry_votes (entry_id, candidate_id, votes) values (${entry!.id}, ${ids.candidate1}, 300), (${entry!.id}, ${ids.candidate2}, 180)`,
        );
        if (status === 'approved' && kind === 'first') await db.execute(sql`update protocols set approved_entry_id = ${entry!.id} where id = ${protocol!.id}`);
      }
      ids[`protocol-${status}`] = protocol!.id;
    }
    await migrateDatabase(handle);
  });
  afterAll(async () => {
    await handle?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every stored entry valid: voters at the close = the list figure, nothing outside the premises, marked as converted', async () => {
    const entries = await handle.db.select().from(protocolEntries);
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        votersOnList: 800,
        votersAtClose: 800,
        ballotsIssuedPremises: 500,
        ballotsIssuedOutside: 0,
        ballotsFoundStationary: 498,
        ballotsFoundMobile: 0,
        ballotsIssued: 500,
        ballotsCast: 498,
        chairName: null,
        signedAt: null,
      });
      expect(entry.convertedAt).toBeInstanceOf(Date);
    }
    const results = await electionResults(handle.db, ids.election!);
    expect(results!.totals).toMatchObject({ precinctsReported: 1, votersInReported: 800, votersAddedOnDay: 0, ballotsCast: 498, ballotsFoundMobile: 0 });
    // Migration 0011 filled the running totals from these entries (decision 016).
    expect(await runningTotalsDrift(handle.db)).toEqual([]);
    const sheet = await protocolSheet(handle.db, ids.precinctApproved!, 'public');
    const [entry] = sheet!.versions[0]!.entries;
    expect(entry!.convertedAt).toBeInstanceOf(Date);
    expect(entry!.figures).toMatchObject({ votersAtClose: 800, ballotsFoundMobile: 0, signatures: null });
  });

  it('lets the second copy of a converted protocol be typed on the new form: the signatures go to a reviewer, who types them from the paper', async () => {
    const db = handle.db;
    const [protocol] = await db.select().from(protocols).where(eq(protocols.precinctId, ids.precinctOnce!));
    const [election] = await db.select().from(elections).where(eq(elections.id, ids.election!));
    const figures = {
      votersAtClose: 800,
      ballotsReceived: 800,
      ballotsIssuedPremises: 500,
      ballotsIssuedOutside: 0,
      ballotsFoundStationary: 498,
      ballotsFoundMobile: 0,
      ballotsSpoiled: 2,
      ballotsUnused: 298,
      ballotsInvalid: 8,
      votesAgainstAll: 10,
      votes: { [ids.candidate1!]: 300, [ids.candidate2!]: 180 },
      ...signatureFields(election!.votingDay),
    };
    const second = expectOk(
      await run<{ status: string; lockVersion: number }>(
        db,
        enterProtocol,
        { id: ids.operator2! },
        { precinctId: ids.precinctOnce, lockVersion: protocol!.lockVersion, ...figures },
      ),
    );
    expect(second.status).toBe('mismatch');
    const resolved = expectOk(
      await run<{ lockVersion: number }>(db, resolveMismatch, { id: ids.reviewer! }, { protocolId: protocol!.id, lockVersion: second.lockVersion, ...figures }),
    );
    expectOk(await run(db, approveProtocol, { id: ids.reviewer2! }, { protocolId: protocol!.id, lockVersion: resolved.lockVersion, ...noImage }));
    const results = await electionResults(db, ids.election!);
    expect(results!.totals).toMatchObject({ precinctsReported: 2, ballotsCast: 996 });
  });
});
