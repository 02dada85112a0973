import { eq, sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '@/db/client';
import { constituencyTotals, resultsVersions } from '@/db/schema';

/**
 * What a change altered, for the aggregation (decision 019): `listing` is anything it lists
 * (constituencies, candidates, names, statuses, the election's rules), and makes the next
 * aggregation start anew; `figures` is only what the running totals hold (an approval, whose
 * triggers stamp the constituencies it changes) or nothing the aggregation reads at all (a
 * protocol image, a paper check); `{ constituencyId }` is one constituency's own results status,
 * stamped here so that it is read again like an approval's. When in doubt: `listing`.
 */
export type ResultsChange = 'listing' | 'figures' | { constituencyId: number };

/** Marks an election's published data as changed; call it in the transaction that changes it. */
export async function bumpResultsVersion(tx: Queryable, electionId: number, change: ResultsChange = 'listing'): Promise<void> {
  // In SET, every column reads the row as it was: `version + 1` is the new version.
  const listingVersion = change === 'listing' ? sql`results_versions.version + 1` : sql`results_versions.listing_version`;
  const [bumped] = await selectRows<{ version: number }>(
    tx,
    sql`insert into results_versions (election_id) values (${electionId})
        on conflict (election_id) do update set version = results_versions.version + 1, changed_at = now(),
          listing_version = ${listingVersion}
        returning version`,
  );
  // Stamped after the version row is locked, as the triggers do: one lock order, and no reader sees the stamp before the version.
  if (typeof change === 'object') {
    await tx.update(constituencyTotals).set({ changedVersion: bumped!.version }).where(eq(constituencyTotals.constituencyId, change.constituencyId));
  }
}

/** The election's results version, and the version of the last change to what the aggregation lists (0 before any change). */
export async function resultsVersionsOf(db: Queryable, electionId: number): Promise<{ version: number; listingVersion: number }> {
  const [row] = await db
    .select({ version: resultsVersions.version, listingVersion: resultsVersions.listingVersion })
    .from(resultsVersions)
    .where(eq(resultsVersions.electionId, electionId));
  return row ?? { version: 0, listingVersion: 0 };
}
