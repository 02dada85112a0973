import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidates } from '@/db/schema';
import { addDays } from '@/lib/calendar';
import { ageOn } from '@/lib/candidates/eligibility';
import { candidateFacts, candidateStatistics, listCandidates } from '@/lib/candidates/queries';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe('candidate statistics grouped in PostgreSQL', () => {
  it('counts every age as ageOn does, around birthdays and on 29 February', async () => {
    const db = testDb.db;
    const region = await insertRegion(db);
    const operator = await insertUser(db, 'operator', region.id);
    const election = await insertElection(db, -5);
    const constituency = await insertConstituency(db, election.id, region.id, operator.id, 1000);
    const yearsBefore = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;
    const day = election.votingDay;
    // 35 on the day, 35 tomorrow, 35 yesterday; leap-day births; the year's first and last days.
    const births = [
      yearsBefore(day, 35),
      addDays(yearsBefore(day, 35), 1),
      addDays(yearsBefore(day, 35), -1),
      '2000-02-29',
      '1988-02-29',
      '1990-12-31',
      '1990-01-01',
      yearsBefore(day, 60),
    ];
    const inserted = await insertRegisteredCandidates(db, election.id, constituency.id, operator.id, births.length);
    for (const [index, candidate] of inserted.entries()) {
      await db
        .update(candidates)
        .set({ birthDate: births[index]!, sex: index % 2 ? 'female' : 'male' })
        .where(eq(candidates.id, candidate.id));
    }
    const facts = await candidateFacts(db, { electionId: election.id });
    const ages = facts.flatMap((group) => Array.from({ length: group.count ?? 1 }, () => group.age)).sort();
    expect(ages).toEqual(births.map((birth) => ageOn(birth, day)).sort());
    expect(facts.reduce((sum, group) => sum + (group.count ?? 1), 0)).toBe(births.length);
    // The same figures as from the list, candidate by candidate.
    expect(candidateStatistics(facts)).toEqual(candidateStatistics(await listCandidates(db, { electionId: election.id })));
    expect(candidateStatistics(facts)).toMatchObject({ nominated: 8, registered: 8, onBallot: 8 });
  });
});
