import type { Database } from '@/db/client';
import { elections } from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';

const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An election whose nomination opens `nominationInDays` from today (negative: already open). */
export async function insertElection(db: Database, nominationInDays: number) {
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
      nominationClosesOn: shift(opens, 20),
      registrationDeadline: shift(opens, 25),
      votingDay: shift(opens, 55),
      depositAmount: 350_000,
    })
    .returning();
  return election!;
}
