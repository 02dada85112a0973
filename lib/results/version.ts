import { sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '@/db/client';

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
  const [row] = await selectRows<{ version: number }>(db, sql`select version from results_versions where election_id = ${electionId}`);
  return row?.version ?? 0;
}
