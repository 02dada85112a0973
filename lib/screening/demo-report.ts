import 'server-only';
import { eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { elections } from '@/db/schema';
import { demoMarkdown } from './benchmark';
import { electionScreening } from './queries';

/** What the public screening page shows for the 2023 demo election, as docs/screening.md states it. */
export async function demoScreeningMarkdown(db: Queryable): Promise<string> {
  const [pilot] = await db.select({ id: elections.id }).from(elections).where(eq(elections.slug, 'akim-2023'));
  const screening = pilot ? await electionScreening(db, pilot.id, 'official') : null;
  if (!screening) throw new Error('The demo has no 2023 election');
  const { results, report } = screening;
  const constituencies = new Map(results.constituencies.map((c) => [c.id, c]));
  const regions = new Map(results.regions.map((r) => [r.id, r]));
  return demoMarkdown(report, {
    precinct: (precinct) => `${constituencies.get(precinct.constituencyId)!.nameEn}, precinct No. ${precinct.number}`,
    area: (area) => (area.level === 'election' ? 'the election' : area.level === 'region' ? regions.get(area.id)!.nameEn : constituencies.get(area.id)!.nameEn),
  });
}
