import { eq, sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '@/db/client';
import { resultsVersions } from '@/db/schema';

/** Marks an election's published data as changed; call it in the transaction that changes it. */
export async function bumpResultsVersion(tx: Queryable, electionId: number): Promise<void> {
  await selectRows(
    tx,
    sql`insert into results_versions (election_id) values (${electionId})
        on conflict (election_id) do update set version = results_versions.version + 1, changed_at = now()
        returning version`,
  );
}

export async function resultsVersion(db: Queryable, electionId: number): Promise<number> {
  const [row] = await db.select({ version: resultsVersions.version }).from(resultsVersions).where(eq(resultsVersions.electionId, electionId));
  return row?.version ?? 0;
}
