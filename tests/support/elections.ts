import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { candidates, constituencies, constituencyListRevisions, elections, parties, precincts } from '@/db/schema';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { calendarFor } from '@/lib/elections/calendar';
import { electionFormValues } from '@/lib/elections/schemas';

/**
 * An announced election whose nomination opens `nominationInDays` from today (negative: already
 * open) for `windowDays`; voting is 30 days after nomination closes, so (-40, 10) votes today and
 * (-41, 10) voted yesterday (counting: protocols are entered once the polls have closed).
 */
export async function insertElection(db: Database, nominationInDays: number, windowDays = 20, options: { announced?: boolean } = {}) {
  const today = todayInKazakhstan();
  const opens = addDays(today, nominationInDays);
  const [election] = await db
    .insert(elections)
    .values({
      slug: `test-${Math.random().toString(36).slice(2)}`,
      nameKk: 'Сынақ сайлау',
      nameRu: 'Тестовые выборы',
      nameEn: 'Test election',
      calledOn: addDays(opens, -10),
      nominationOpensOn: opens,
      nominationClosesOn: addDays(opens, windowDays),
      registrationDeadline: addDays(opens, windowDays + 5),
      votingDay: addDays(opens, windowDays + 30),
      resultsDeadline: addDays(opens, windowDays + 33),
      akimRegistrationDeadline: addDays(opens, windowDays + 40),
      depositAmount: 350_000,
      announcedAt: options.announced === false ? null : new Date(),
    })
    .returning();
  return election!;
}

/** A constituency in force (approved revision 1 of its region's list) with `precinctCount` precincts of `voters` each. */
export async function insertConstituency(db: Database, electionId: number, regionId: number, createdBy: number, voters: number, precinctCount = 1) {
  const code = `c-${Math.random().toString(36).slice(2, 10)}`;
  const precinctList = Array.from({ length: precinctCount }, (_, index) => ({ number: index + 1, address: `School No. ${index + 1}`, votersOnList: voters }));
  const names = { nameKk: `${code} ауданы`, nameRu: `${code} район`, nameEn: `${code} District` };
  // Several test constituencies of one region each get a revision of their own (numbered on).
  const earlier = await db
    .select({ id: constituencyListRevisions.id })
    .from(constituencyListRevisions)
    .where(and(eq(constituencyListRevisions.electionId, electionId), eq(constituencyListRevisions.regionId, regionId)));
  const [revision] = await db
    .insert(constituencyListRevisions)
    .values({
      electionId,
      regionId,
      revisionNo: earlier.length + 1,
      status: earlier.length ? 'superseded' : 'approved',
      createdBy,
      content: { constituencies: [{ code, kind: 'district', ...names, precincts: precinctList }] },
    })
    .returning();
  const [constituency] = await db
    .insert(constituencies)
    .values({ electionId, regionId, code, kind: 'district', ...names, listRevisionId: revision!.id })
    .returning();
  const inserted = await db
    .insert(precincts)
    .values(precinctList.map((p) => ({ constituencyId: constituency!.id, ...p })))
    .returning();
  return { ...constituency!, precincts: inserted };
}

/** Registered candidates (ballot order 1..n, deposit paid) of a constituency, for protocol and results tests. */
export async function insertRegisteredCandidates(db: Database, electionId: number, constituencyId: number, enteredBy: number, count: number) {
  const rows = Array.from({ length: count }, (_, index) => ({
    electionId,
    constituencyId,
    fullName: `Candidate ${index + 1}`,
    iin: `${String(constituencyId).padStart(6, '0')}${String(index).padStart(6, '0')}`,
    birthDate: '1975-01-01',
    sex: 'male' as const,
    education: 'Higher',
    nominationRoute: 'self' as const,
    nominatedOn: '2026-01-01',
    depositAmount: 350_000,
    depositPaidOn: '2026-01-01',
    status: 'registered' as const,
    ballotOrder: index + 1,
    enteredBy,
  }));
  return db.insert(candidates).values(rows).returning();
}

/** An active party of the registry. */
export async function insertParty(db: Database, code: string) {
  const [party] = await db
    .insert(parties)
    .values({
      code,
      nameKk: `${code} партиясы`,
      nameRu: `Партия ${code}`,
      nameEn: `${code} Party`,
      shortName: code.toUpperCase(),
      registrationNumber: `REG-${code}`,
      registeredOn: '2010-01-01',
    })
    .returning();
  return party!;
}

/** What the admin's election form sends for a new election voting `votingInDays` from today. */
export function electionForm(slug: string, votingInDays = 100) {
  return {
    slug,
    nameKk: 'Сынақ сайлауы',
    nameRu: 'Тестовые выборы',
    nameEn: 'Test election',
    kind: 'district_city_akim',
    ...calendarFor(addDays(todayInKazakhstan(), votingInDays)),
    minCandidateAge: '25',
    depositAmount: '425000',
    signatureShareBp: '1',
    winnerRule: 'plurality',
    turnoutThresholdBp: '',
    againstAllOnBallot: true,
    againstAllEffect: 'none',
    votersGrowthWarnBp: '5',
    withdrawalCutoffDays: '2',
    depositRefundThresholdBp: '5',
    depositRuleWhenRemoved: 'forfeit',
  };
}

/** The form of an existing election as its edit page fills it in. */
export function electionFormOf(election: typeof elections.$inferSelect) {
  return { ...electionFormValues(election), electionId: election.id, lockVersion: election.lockVersion, correctionReason: '' };
}
