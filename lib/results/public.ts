import 'server-only';
import { cachedElectionResults, cachedElections } from './cache';

/** An election's cached results by its public slug, or null for an unknown slug. */
export async function publicResultsBySlug(slug: string) {
  const election = (await cachedElections()).find((e) => e.slug === slug);
  if (!election) return null;
  const { value: results } = await cachedElectionResults(election.id);
  return results;
}
