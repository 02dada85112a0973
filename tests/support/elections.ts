import type { Database } from '@/db/client';
import { constituencies, constituencyListRevisions, elections, precincts } from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';

const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An election whose nomination opens `nominationInDays` from today (negative: already open). */
export async function insertElection(db: Database, nominationInDays: number, windowDays = 20) {
  const today = todayInKazakhstan();
  const opens = shift(today, nominationInDays);
  const [election] = await db
    .insert(elections)
    .values({
      slug: `test-${Math.random().toString(36).slice(2)}`,
      nameKk: 'Сынақ сайлау',
      nameRu: 'Тестовые выборы',
      nameEn: 'Test election',
      calledOn: shift(opens, -10),
      nominationOpensOn: opens,
      nominationClosesOn: shift(opens, windowDays),
      registrationDeadline: shift(opens, windowDays + 5),
      votingDay: shift(opens, 55),
      depositAmount: 350_000,
    })
    .returning();
  return election!;
}

/** A constituency in force (approved revision 1 of its region's list) with one precinct of `voters`. */
export async function insertConstituency(db: Database, electionId: number, regionId: number, createdBy: number, voters: number) {
  const code = `c-${Math.random().toString(36).slice(2, 10)}`;
  const precinct = { number: 1, address: 'School No. 1', votersOnList: voters };
  const names = { nameKk: `${code} ауданы`, nameRu: `${code} район`, nameEn: `${code} District` };
  const [revision] = await db
    .insert(constituencyListRevisions)
    .values({ electionId, regionId, revisionNo: 1, status: 'approved', createdBy, content: { constituencies: [{ code, kind: 'district', ...names, precincts: [precinct] }] } })
    .returning();
  const [constituency] = await db.insert(constituencies).values({ electionId, regionId, code, kind: 'district', ...names, listRevisionId: revision!.id }).returning();
  await db.insert(precincts).values({ constituencyId: constituency!.id, ...precinct });
  return constituency!;
}
