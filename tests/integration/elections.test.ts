import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, constituencies, parties } from '@/db/schema';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { executeCommand, type Command } from '@/lib/commands';
import { nominate } from '@/lib/candidates/commands';
import { startRevision } from '@/lib/constituency-lists/commands';
import { announceElection, archiveElection, createElection, updateElection } from '@/lib/elections/commands';
import { findElection, listPublicElections } from '@/lib/elections/queries';
import { createParty, updateParty } from '@/lib/parties/commands';
import { electionForm, electionFormOf, insertConstituency, insertElection, insertParty } from '../support/elections';
import { freshIin } from '../support/iin';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';

let testDb: TestDatabase;
let admin: { id: number };
let regionId: number;
let slugNo = 0;
const slug = () => `election-${++slugNo}`;

beforeAll(async () => {
  testDb = await createTestDatabase();
  admin = await insertUser(testDb.db, 'admin', null);
  regionId = (await insertRegion(testDb.db, 'elections-a')).id;
});
afterAll(async () => {
  await testDb?.drop();
});

const run = <T>(command: Parameters<typeof executeCommand>[1], actor: { id: number } | null, input: unknown) =>
  executeCommand<never, T>(testDb.db, command as Command<never, T>, actor, input);
const counts = async () =>
  (
    await selectRows<{ elections: number; versions: number; parties: number; partyVersions: number; audit: number }>(
      testDb.db,
      sql`select (select count(*)::int from elections) as elections, (select coalesce(sum(version), 0)::int from elections) as versions,
                 (select count(*)::int from parties) as parties, (select coalesce(sum(version), 0)::int from parties) as "partyVersions",
                 (select count(*)::int from audit_log) as audit`,
    )
  )[0];
const auditOf = (entityType: string, id: number) =>
  testDb.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id))))
    .orderBy(auditLog.id);

describe('creating an election', () => {
  it('creates a draft the public does not see, with its calendar and rules, audited', async () => {
    const result = await run<{ id: number }>(createElection, admin, electionForm(slug()));
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : 0;
    const election = await findElection(testDb.db, id);
    expect(election).toMatchObject({ phase: 'draft', signatureShareBp: 100, turnoutThresholdBp: null, depositAmount: 425000, announcedAt: null });
    expect((await listPublicElections(testDb.db)).map((e) => e.id)).not.toContain(id);
    const [audit] = await auditOf('election', id);
    expect(audit).toMatchObject({ action: 'elections.create', actorUserId: admin.id });
  });

  it('keeps the "against all" effect (none by default) and the warning share for voters added on the day as settings', async () => {
    const plain = await run<{ id: number }>(createElection, admin, electionForm(slug()));
    expect(await findElection(testDb.db, plain.ok ? plain.data.id : 0)).toMatchObject({ againstAllEffect: 'none', votersGrowthWarnBp: 500 });
    const set = await run<{ id: number }>(createElection, admin, {
      ...electionForm(slug()),
      againstAllEffect: 'repeat_if_beats_all',
      votersGrowthWarnBp: '7.5',
    });
    expect(await findElection(testDb.db, set.ok ? set.data.id : 0)).toMatchObject({ againstAllEffect: 'repeat_if_beats_all', votersGrowthWarnBp: 750 });
    const wrong = await run(createElection, admin, { ...electionForm(slug()), againstAllEffect: 'void_always' });
    expect(wrong).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { againstAllEffect: ['errors.required'] } });
  });

  it('lets only admins create or change elections, changing nothing otherwise', async () => {
    const target = await insertElection(testDb.db, 30);
    const callers = [
      null,
      await insertUser(testDb.db, 'operator', regionId),
      await insertUser(testDb.db, 'reviewer', regionId),
      await insertUser(testDb.db, 'observer', null),
      await insertUser(testDb.db, 'admin', null, { active: false }),
    ];
    const before = await counts();
    for (const caller of callers) {
      for (const [command, input] of [
        [createElection, electionForm(slug())],
        [updateElection, { ...electionFormOf(target), nameEn: 'Hijacked' }],
        [announceElection, { electionId: target.id, lockVersion: target.lockVersion }],
        [archiveElection, { electionId: target.id, lockVersion: target.lockVersion }],
      ] as const) {
        const result = await run(command, caller, input);
        expect(!result.ok && ['unauthenticated', 'forbidden'].includes(result.error), `${command.name} by ${JSON.stringify(caller)}`).toBe(true);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a voting day that is not in the future, and a slug already taken, on those fields', async () => {
    const past = await run(createElection, admin, electionForm(slug(), 0));
    expect(past).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { votingDay: ['elections.errors.votingDayInPast'] } });
    const taken = slug();
    expect((await run(createElection, admin, electionForm(taken))).ok).toBe(true);
    expect(await run(createElection, admin, electionForm(taken))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { slug: ['elections.errors.slugTaken'] },
    });
  });

  it('returns every field error at once and changes nothing', async () => {
    const before = await counts();
    const result = await run(createElection, admin, {
      ...electionForm('Bad Slug!'),
      nameEn: '',
      signatureShareBp: '101',
      depositAmount: '-1',
      nominationClosesOn: '2000-01-01',
    });
    expect(result.ok).toBe(false);
    expect(Object.keys((!result.ok && result.fieldErrors) || {}).sort()).toEqual(['depositAmount', 'nameEn', 'nominationClosesOn', 'signatureShareBp', 'slug']);
    expect(await counts()).toEqual(before);
  });
});

describe('changing an election', () => {
  it('saves freely before nomination opens, and refuses a stale copy', async () => {
    const election = await insertElection(testDb.db, 30);
    const form = electionFormOf(election);
    const saved = await run<{ version: number }>(updateElection, admin, { ...form, winnerRule: 'absolute_majority', turnoutThresholdBp: '50' });
    expect(saved).toEqual({ ok: true, data: { version: election.lockVersion + 1 } });
    const stale = await run(updateElection, admin, { ...form, nameEn: 'Second save on the old copy' });
    expect(stale).toMatchObject({ ok: false, error: 'conflict', message: 'errors.staleEdit' });
    expect(await findElection(testDb.db, election.id)).toMatchObject({ winnerRule: 'absolute_majority', turnoutThresholdBp: 5000, nameEn: election.nameEn });
    const audit = (await auditOf('election', election.id)).at(-1);
    expect(audit).toMatchObject({
      action: 'elections.update',
      before: { winnerRule: 'plurality', turnoutThresholdBp: null },
      after: { winnerRule: 'absolute_majority', turnoutThresholdBp: 5000 },
    });
  });

  it('locks calendar and rules once nomination opens: a change needs a written reason, which is audited', async () => {
    const election = await insertElection(testDb.db, -3);
    const form = electionFormOf(election);
    const noReason = await run(updateElection, admin, { ...form, depositAmount: '500000' });
    expect(noReason).toMatchObject({
      ok: false,
      error: 'invalid',
      message: 'elections.errors.lockedNeedsReason',
      fieldErrors: { correctionReason: ['elections.errors.reasonRequired'] },
    });
    expect((await findElection(testDb.db, election.id))?.depositAmount).toBe(election.depositAmount);

    const renamed = await run<{ version: number }>(updateElection, admin, { ...form, nameRu: 'Исправленное название' });
    expect(renamed.ok).toBe(true);

    const reason = 'Deposit corrected after the wage decree of 1 March';
    const corrected = await run(updateElection, admin, {
      ...form,
      lockVersion: election.lockVersion + 1,
      nameRu: 'Исправленное название',
      depositAmount: '500000',
      correctionReason: reason,
    });
    expect(corrected.ok).toBe(true);
    const audit = (await auditOf('election', election.id)).at(-1);
    expect(audit).toMatchObject({ action: 'elections.correct', before: { depositAmount: election.depositAmount }, after: { depositAmount: 500000, reason } });
  });

  it('keeps the public address once announced, and refuses changes to an archived election', async () => {
    const announced = await insertElection(testDb.db, 30);
    expect(await run(updateElection, admin, { ...electionFormOf(announced), slug: slug() })).toMatchObject({
      ok: false,
      fieldErrors: { slug: ['elections.errors.slugFixed'] },
    });

    const draft = await insertElection(testDb.db, 30, 20, { announced: false });
    expect((await run(updateElection, admin, { ...electionFormOf(draft), slug: slug() })).ok).toBe(true);
    const archived = await run(archiveElection, admin, { electionId: draft.id, lockVersion: draft.lockVersion + 1 });
    expect(archived.ok).toBe(true);
    const after = (await findElection(testDb.db, draft.id))!;
    expect(after.phase).toBe('archived');
    expect(await run(updateElection, admin, { ...electionFormOf(after), nameEn: 'Too late' })).toMatchObject({
      ok: false,
      error: 'invalidState',
      message: 'elections.errors.archived',
    });
  });
});

describe('announcing', () => {
  it('publishes a draft, whose calendar then drives the phase, and only once', async () => {
    const draft = await insertElection(testDb.db, 30, 20, { announced: false });
    expect((await findElection(testDb.db, draft.id))?.phase).toBe('draft');
    expect((await run(announceElection, admin, { electionId: draft.id, lockVersion: draft.lockVersion })).ok).toBe(true);
    const announced = (await findElection(testDb.db, draft.id))!;
    expect(announced.phase).toBe('constituency_lists');
    expect((await listPublicElections(testDb.db)).map((e) => e.id)).toContain(draft.id);
    expect(await run(announceElection, admin, { electionId: draft.id, lockVersion: announced.lockVersion })).toMatchObject({
      ok: false,
      message: 'elections.errors.notDraft',
    });
    expect(await run(archiveElection, admin, { electionId: draft.id, lockVersion: announced.lockVersion })).toMatchObject({
      ok: false,
      message: 'elections.errors.notArchivable',
    });
  });
});

describe('phase from the data', () => {
  it('is results official only when every constituency in force of that election is official', async () => {
    const operator = await insertUser(testDb.db, 'operator', regionId);
    const election = await insertElection(testDb.db, -41, 10);
    const other = await insertElection(testDb.db, -41, 10);
    const first = await insertConstituency(testDb.db, election.id, regionId, operator.id, 1000);
    const second = await insertConstituency(testDb.db, election.id, regionId, operator.id, 1000);
    await insertConstituency(testDb.db, other.id, regionId, operator.id, 1000);
    const phases = async () => Promise.all([election.id, other.id].map(async (id) => (await findElection(testDb.db, id))!.phase));
    const markOfficial = (id: number) => testDb.db.update(constituencies).set({ resultsStatus: 'official' }).where(eq(constituencies.id, id));
    expect(await phases()).toEqual(['counting', 'counting']);
    await markOfficial(first.id);
    expect(await phases()).toEqual(['counting', 'counting']);
    await markOfficial(second.id);
    expect(await phases()).toEqual(['results_official', 'counting']);
    expect((await listPublicElections(testDb.db)).find((e) => e.id === election.id)?.phase).toBe('results_official');
  });
});

describe('the phase guards the other workflows', () => {
  it('refuses list work in a draft election, naming the phase and the day lists open', async () => {
    const draft = await insertElection(testDb.db, 30, 20, { announced: false });
    const operator = await insertUser(testDb.db, 'operator', regionId);
    const result = await run(startRevision, operator, { electionId: draft.id, regionId });
    expect(result).toMatchObject({
      ok: false,
      error: 'invalidState',
      message: 'elections.errors.workNotOpenYet',
      messageValues: { work: 'constituencyLists', phase: 'draft', date: draft.calledOn },
    });
  });

  it('refuses nominations before nomination opens, with its date, and by an inactive party', async () => {
    const operator = await insertUser(testDb.db, 'operator', regionId);
    const lists = await insertElection(testDb.db, 10);
    const constituency = await insertConstituency(testDb.db, lists.id, regionId, operator.id, 2000);
    const party = await insertParty(testDb.db, 'sleeping-party');
    const nomination = (electionId: number, constituencyId: number) => ({
      electionId,
      constituencyId,
      fullName: 'Тест Тестұлы Тестов',
      iin: freshIin('1980-05-05'),
      birthDate: '1980-05-05',
      sex: 'male',
      education: 'Higher',
      currentPosition: '',
      nominationRoute: 'party',
      partyId: party.id,
      applicationReceived: true,
      assetDeclarationsReceived: true,
      depositAmount: 350000,
      depositPaidOn: todayInKazakhstan(),
      supportingSignatures: '',
    });
    expect(await run(nominate, operator, nomination(lists.id, constituency.id))).toMatchObject({
      ok: false,
      message: 'elections.errors.workNotOpenYet',
      messageValues: { work: 'nomination', phase: 'constituency_lists', date: addDays(todayInKazakhstan(), 10) },
    });
    await testDb.db.update(parties).set({ active: false }).where(eq(parties.id, party.id));
    const open = await insertElection(testDb.db, -1);
    const openConstituency = await insertConstituency(testDb.db, open.id, regionId, operator.id, 2000);
    expect(await run(nominate, operator, nomination(open.id, openConstituency.id))).toMatchObject({
      ok: false,
      fieldErrors: { partyId: ['candidates.errors.partyNotActive'] },
    });
  });
});

describe('party registry', () => {
  const partyForm = (code: string, registrationNumber: string) => ({
    code,
    nameKk: '«Жаңа» партиясы',
    nameRu: 'Партия «Жана»',
    nameEn: 'Zhana Party',
    shortName: 'Zhana',
    registrationNumber,
    registeredOn: '2024-02-01',
    active: true,
  });

  it('registers and corrects parties, audited, refusing duplicates on their fields and stale copies', async () => {
    const created = await run<{ id: number }>(createParty, admin, partyForm('zhana', 'R-100'));
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : 0;
    expect(await run(createParty, admin, partyForm('zhana', 'R-101'))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { code: ['parties.errors.codeTaken'] },
    });
    expect(await run(createParty, admin, partyForm('zhana-2', 'R-100'))).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { registrationNumber: ['parties.errors.registrationNumberTaken'] },
    });
    const other = await run<{ id: number }>(createParty, admin, partyForm('zhana-other', 'R-200'));
    const otherId = other.ok ? other.data.id : 0;
    expect(await run(updateParty, admin, { ...partyForm('zhana-other', 'R-100'), partyId: otherId, lockVersion: 1 })).toEqual({
      ok: false,
      error: 'invalid',
      fieldErrors: { registrationNumber: ['parties.errors.registrationNumberTaken'] },
    });
    expect(await run(createParty, admin, { ...partyForm('zhana-3', 'R-102'), registeredOn: addDays(todayInKazakhstan(), 1) })).toMatchObject({
      ok: false,
      fieldErrors: { registeredOn: ['parties.errors.registeredInFuture'] },
    });

    const update = { ...partyForm('zhana', 'R-100'), partyId: id, lockVersion: 1, active: false };
    expect(await run(updateParty, admin, update)).toEqual({ ok: true, data: { version: 2 } });
    expect(await run(updateParty, admin, { ...update, shortName: 'Old copy' })).toMatchObject({ ok: false, error: 'conflict', message: 'errors.staleEdit' });
    const [stored] = await testDb.db.select().from(parties).where(eq(parties.id, id));
    expect(stored).toMatchObject({ active: false, shortName: 'Zhana', lockVersion: 2 });
    expect((await auditOf('party', id)).map((row) => row.action)).toEqual(['parties.create', 'parties.update']);
  });

  it('lets only admins manage the registry', async () => {
    const party = await insertParty(testDb.db, 'guarded-party');
    const callers = [
      await insertUser(testDb.db, 'operator', regionId),
      await insertUser(testDb.db, 'reviewer', regionId),
      await insertUser(testDb.db, 'observer', null),
    ];
    const before = await counts();
    for (const caller of callers) {
      expect(await run(createParty, caller, partyForm('p-new', 'X-new'))).toMatchObject({ ok: false, error: 'forbidden' });
      expect(await run(updateParty, caller, { ...partyForm('guarded-party', party.registrationNumber), partyId: party.id, lockVersion: 1 })).toMatchObject({
        ok: false,
        error: 'forbidden',
      });
    }
    expect(await counts()).toEqual(before);
  });
});
