import 'server-only';
import { getDb, type Database } from '@/db/client';
import { akimRecords, candidateFacts, listCandidates, type AkimRecord, type CandidateListItem, type StatisticsInput } from '@/lib/candidates/queries';
import { listPublicElections, type ElectionWithPhase } from '@/lib/elections/queries';
import { electionProgress, precinctResults, refreshedElectionResults, type ElectionResults, type PrecinctResult, type VersionedResults } from './aggregate';
import { resultsVersionsOf } from './version';

/**
 * Election-night cache for public pages and the open-data API. Each instance keeps computed
 * results in memory, keyed by the election's results version; it asks PostgreSQL for that
 * version at most once per poll interval, however many readers arrive. An approval bumps the
 * version in its transaction, so every instance serves it within one interval (see decision 004).
 */
const POLL_INTERVAL_MS = Number(process.env.RESULTS_POLL_MS ?? 2000);

type Entry = { version: number; value: Promise<unknown> };
type Versions = Awaited<ReturnType<typeof resultsVersionsOf>>;
type VersionCheck = { at: number; versions: Promise<Versions> };
type CacheState = { entries: Map<string, Entry>; checks: Map<number, VersionCheck>; elections?: { at: number; value: Promise<ElectionWithPhase[]> } };

const globalCache = globalThis as unknown as { resultsCache?: CacheState };
const state: CacheState = (globalCache.resultsCache ??= { entries: new Map(), checks: new Map() });

/** The election's results versions, asked of the database at most once per interval (shared by concurrent readers). */
function currentVersions(db: Database, electionId: number): Promise<Versions> {
  const now = Date.now();
  const check = state.checks.get(electionId);
  if (check && now - check.at < POLL_INTERVAL_MS) return check.versions;
  const versions = resultsVersionsOf(db, electionId);
  state.checks.set(electionId, { at: now, versions });
  versions.catch(() => state.checks.delete(electionId));
  return versions;
}

/**
 * A value computed once per version: the results version, or for what depends only on what the
 * aggregation lists (candidates, akims) the listing version, which approvals leave alone.
 * `compute` gets the value computed at an earlier version, if any, to build on.
 */
async function cached<T>(
  key: string,
  electionId: number,
  compute: (earlier?: Promise<T>) => Promise<T>,
  db: Database,
  keyedBy: keyof Versions = 'version',
): Promise<{ value: T; version: number }> {
  const version = (await currentVersions(db, electionId))[keyedBy];
  const entry = state.entries.get(key);
  if (entry && entry.version === version) return { value: (await entry.value) as T, version };
  const value = compute(entry?.value as Promise<T> | undefined);
  state.entries.set(key, { version, value });
  value.catch(() => state.entries.delete(key));
  return { value: await value, version };
}

/** The national aggregation, refreshed from the one this instance computed before (decision 019). */
export async function cachedElectionResults(electionId: number, db = getDb()) {
  const { value, version } = await cached<VersionedResults>(
    `results:${electionId}`,
    electionId,
    async (earlier) => refreshedElectionResults(db, electionId, await earlier?.catch(() => undefined)),
    db,
  );
  return { value: value.results, version };
}

/** The election's results status and last change, as a page about part of it shows them. */
const progressOf = ({ status, lastChangedAt }: ElectionResults) => ({ status, lastChangedAt });

/** One constituency's result, taken from the national aggregation (refreshed once per version, shared by every page). */
export async function cachedConstituencyResult(electionId: number, constituencyId: number, db = getDb()) {
  const { value: results, version } = await cachedElectionResults(electionId, db);
  const result = results?.constituencies.find((c) => c.id === constituencyId);
  return { value: results && result ? { result, election: results.election, progress: progressOf(results) } : null, version };
}

/** One region's result and its constituencies', taken from the national aggregation as well. */
export async function cachedRegionResult(electionId: number, regionId: number, db = getDb()) {
  const { value: results, version } = await cachedElectionResults(electionId, db);
  const region = results?.regions.find((r) => r.id === regionId);
  const constituencies = results?.constituencies.filter((c) => c.regionId === regionId) ?? [];
  return { value: results && region ? { region, constituencies, election: results.election, progress: progressOf(results) } : null, version };
}

/** The election's results status and last change, without the aggregation. */
export const cachedElectionProgress = (electionId: number, db = getDb()) =>
  cached(`progress:${electionId}`, electionId, () => electionProgress(db, electionId), db);

/** Every precinct's approved figures, of the whole election or of one constituency (a page reads only its own). */
export const cachedPrecinctResults = (electionId: number, constituencyId?: number, db = getDb()) =>
  cached<PrecinctResult[]>(`precincts:${electionId}:${constituencyId ?? 'all'}`, electionId, () => precinctResults(db, electionId, constituencyId), db);

/** Every candidate of the election (candidate changes are listing changes: approvals leave it). */
export const cachedCandidates = (electionId: number, db = getDb()) =>
  cached<CandidateListItem[]>(`candidates:${electionId}`, electionId, () => listCandidates(db, { electionId }), db, 'listingVersion');

/** What the candidate statistics read, for every candidate (the overview's headline). */
export const cachedCandidateFacts = (electionId: number, db = getDb()) =>
  cached<StatisticsInput[]>(`candidate-facts:${electionId}`, electionId, () => candidateFacts(db, { electionId }), db, 'listingVersion');

/** The elected akims registered (or repeat elections recorded), by constituency. */
export const cachedAkimRecords = (electionId: number, db = getDb()) =>
  cached<AkimRecord[]>(`akims:${electionId}`, electionId, () => akimRecords(db, electionId), db, 'listingVersion');

/** Derived outputs (CSV, JSON documents) computed once per version too. */
export const cachedDerived = <T>(key: string, electionId: number, compute: () => Promise<T>, db = getDb()) =>
  cached<T>(`derived:${key}:${electionId}`, electionId, compute, db);

/** The elections themselves change rarely (no results depend on them): a short time-to-live suffices. */
export function cachedElections(): Promise<ElectionWithPhase[]> {
  const now = Date.now();
  if (state.elections && now - state.elections.at < POLL_INTERVAL_MS * 15) return state.elections.value;
  const value = listPublicElections(getDb());
  state.elections = { at: now, value };
  value.catch(() => (state.elections = undefined));
  return value;
}
