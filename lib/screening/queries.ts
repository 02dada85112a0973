import 'server-only';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { constituencies, precincts, protocolEntries, protocols, screeningChecks, users } from '@/db/schema';
import type { Role } from '@/lib/auth/permissions';
import type { ProtocolSheet } from '@/lib/protocols/queries';
import { currentCopies, protocolSheet } from '@/lib/protocols/queries';
import { electionResults, precinctResults, type ElectionResults } from '@/lib/results/aggregate';
import { screenedPrecinctOf, type PrecinctFigures } from './figures';
import { screenElection, type ConstituencyReference, type PrecinctScreening, type ScreeningReport } from './screen';
import { screeningSettings, type ScreeningSettings } from './settings';

/**
 * A reviewer's "checked against the paper: correct"; `vouchesForApproved` when it is about the
 * figures that count now. `checkedBy` is for staff screens only.
 */
export type PaperCheck = { id: number; precinctId: number; entryId: number; comment: string; checkedBy: string; checkedAt: Date; vouchesForApproved: boolean };

async function paperChecks(db: Queryable, scope: { electionId: number } | { precinctId: number }): Promise<PaperCheck[]> {
  return db
    .select({
      id: screeningChecks.id,
      precinctId: screeningChecks.precinctId,
      entryId: screeningChecks.entryId,
      comment: screeningChecks.comment,
      checkedBy: users.fullName,
      checkedAt: screeningChecks.checkedAt,
      vouchesForApproved: sql<boolean>`coalesce(${eq(screeningChecks.entryId, protocols.approvedEntryId)}, false)`,
    })
    .from(screeningChecks)
    .innerJoin(users, eq(users.id, screeningChecks.checkedBy))
    .innerJoin(precincts, eq(precincts.id, screeningChecks.precinctId))
    .leftJoin(protocols, eq(protocols.precinctId, precincts.id))
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .where('electionId' in scope ? eq(constituencies.electionId, scope.electionId) : eq(screeningChecks.precinctId, scope.precinctId))
    .orderBy(screeningChecks.checkedAt);
}

/** The election and region of a constituency (to check the viewer's region before screening it). */
export async function constituencyPlace(db: Queryable, constituencyId: number) {
  const [row] = await db
    .select({ electionId: constituencies.electionId, regionId: constituencies.regionId })
    .from(constituencies)
    .where(eq(constituencies.id, constituencyId));
  return row ?? null;
}

/** The figures of a protocol a reviewer can vouch for: the copy awaiting approval, and the approved one. */
export async function checkableEntries(db: Queryable, precinctId: number) {
  const underReview = currentCopies(db, inArray(protocolEntries.kind, ['first', 'resolution']))
    .orderBy(desc(eq(protocolEntries.kind, 'resolution')))
    .limit(1);
  const [row] = await db
    .select({
      protocolId: protocols.id,
      approvedEntryId: protocols.approvedEntryId,
      underReviewEntryId: sql<number | null>`case when ${eq(protocols.status, 'awaiting_review')} then ${underReview} end`,
    })
    .from(protocols)
    .where(eq(protocols.precinctId, precinctId));
  return row ?? null;
}

export type ElectionScreening = {
  results: ElectionResults;
  report: ScreeningReport;
  /** Constituencies whose precincts were screened (every one on staff screens, the official ones for the public). */
  screenedConstituencies: Set<number>;
  /** Paper checks of the figures that count now, by precinct. */
  checks: Map<number, PaperCheck[]>;
};

function screenWith(results: ElectionResults, constituencyIds: Set<number>, figures: PrecinctFigures[]): ScreeningReport {
  return screenElection(
    {
      electionId: results.election.id,
      constituencies: results.constituencies.filter((c) => constituencyIds.has(c.id)).map((c) => ({ id: c.id, regionId: c.regionId })),
      precincts: figures.filter((row) => constituencyIds.has(row.constituencyId)).map(screenedPrecinctOf),
    },
    screeningSettings(),
  );
}

/**
 * The election's approved precincts screened: for the public only constituencies whose results
 * are official (nothing is published about figures still being counted), for staff all of them.
 */
export async function electionScreening(
  db: Queryable,
  electionId: number,
  scope: 'official' | 'approved',
  /** The election's aggregation, when the caller has it already (the public page's, cached and refreshed). */
  aggregation?: ElectionResults | null,
): Promise<ElectionScreening | null> {
  const results = aggregation === undefined ? await electionResults(db, electionId) : aggregation;
  if (!results) return null;
  const screenedConstituencies = new Set(results.constituencies.filter((c) => scope === 'approved' || c.resultsStatus === 'official').map((c) => c.id));
  // While nothing is official the public screening shows nothing: no need to read every precinct.
  const [rows, checks] = await Promise.all([
    screenedConstituencies.size ? precinctResults(db, electionId) : Promise.resolve([]),
    paperChecks(db, { electionId }),
  ]);
  const approved = rows.filter((row) => row.reported);
  const report = screenWith(results, screenedConstituencies, approved);
  const byPrecinct = new Map<number, PaperCheck[]>();
  for (const check of checks.filter((c) => c.vouchesForApproved)) byPrecinct.set(check.precinctId, [...(byPrecinct.get(check.precinctId) ?? []), check]);
  return { results, report, screenedConstituencies, checks: byPrecinct };
}

export type ProtocolScreening = {
  sheet: ProtocolSheet;
  /** Which figures were screened: the copy awaiting approval, or the approved ones. */
  figures: 'underReview' | 'approved';
  entryId: number;
  screening: PrecinctScreening;
  reference: ConstituencyReference;
  settings: ScreeningSettings;
  /** Every check of this precinct; `current` when it is about the screened figures. */
  checks: (PaperCheck & { current: boolean })[];
};

/**
 * One protocol screened as its election would be with these figures approved: the copy awaiting
 * review if there is one (what the reviewer is about to approve), else the approved figures.
 * Null when there is nothing this viewer may see to screen (blind entry hides copies from operators).
 */
export async function protocolScreening(db: Queryable, precinctId: number, viewer: { id: number; role: Role }): Promise<ProtocolScreening | null> {
  const [sheet, entries] = await Promise.all([protocolSheet(db, precinctId, viewer), checkableEntries(db, precinctId)]);
  if (!sheet || !entries) return null;
  const entryId = entries.underReviewEntryId ?? entries.approvedEntryId;
  const entry = sheet.versions.flatMap((version) => version.entries).find((e) => e.id === entryId);
  if (!entry || entryId === null) return null;
  const results = await electionResults(db, sheet.election.id);
  const [rows, checks] = await Promise.all([precinctResults(db, sheet.election.id), paperChecks(db, { precinctId })]);
  const screened: PrecinctFigures = { ...entry.figures, id: precinctId, number: sheet.precinct.number, constituencyId: sheet.constituency.id };
  const figures = [...rows.filter((row) => row.reported && row.id !== precinctId), screened];
  const report = screenWith(results!, new Set(results!.constituencies.map((c) => c.id)), figures);
  return {
    sheet,
    figures: entries.underReviewEntryId === null ? 'approved' : 'underReview',
    entryId,
    screening: report.precincts.find((s) => s.precinct.id === precinctId)!,
    reference: report.references.find((r) => r.constituencyId === sheet.constituency.id)!,
    settings: report.settings,
    checks: checks.map((check) => ({ ...check, current: check.entryId === entryId })),
  };
}
