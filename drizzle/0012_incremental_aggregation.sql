ALTER TABLE "constituency_totals" ADD COLUMN "changed_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "results_versions" ADD COLUMN "listing_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
UPDATE "results_versions" SET "listing_version" = "version";
--> statement-breakpoint
-- Incremental aggregation (decision 019): the triggers of migration 0011 now also bump the results
-- version of the elections they change, before touching any totals, and stamp the constituencies
-- they change with it. The version row's lock is held until commit, so a reader that sees version
-- V has seen every stamp up to V: re-reading the constituencies stamped after the version it last
-- aggregated misses nothing. Taking that lock first, in every path, keeps one lock order.
-- A change of precincts also changes what the aggregation lists (listing_version, see lib/results/version.ts).
CREATE FUNCTION results_versions_bump(election_ids integer[], listing boolean) RETURNS void LANGUAGE sql AS $$
  INSERT INTO results_versions AS v (election_id)
  SELECT DISTINCT id FROM unnest(election_ids) AS e(id) ORDER BY 1
  ON CONFLICT (election_id) DO UPDATE SET version = v.version + 1, changed_at = now(),
    listing_version = CASE WHEN listing THEN v.version + 1 ELSE v.listing_version END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION results_totals_apply_entries(precinct_ids integer[], entry_ids integer[], signs integer[]) RETURNS void LANGUAGE sql AS $$
  SELECT results_versions_bump(array(
    SELECT c.election_id FROM precincts p JOIN constituencies c ON c.id = p.constituency_id WHERE p.id = ANY(precinct_ids)), false);
  INSERT INTO constituency_totals AS t (constituency_id, precincts_reported, voters_on_list_reported, voters_at_close, ballots_cast, ballots_found_mobile, ballots_invalid, votes_against_all, changed_version)
  SELECT p.constituency_id, sum(d.sign), sum(d.sign * p.voters_on_list), sum(d.sign * e.voters_at_close), sum(d.sign * e.ballots_cast),
         sum(d.sign * e.ballots_found_mobile), sum(d.sign * e.ballots_invalid), sum(d.sign * coalesce(e.votes_against_all, 0)), min(v.version)
  FROM unnest(precinct_ids, entry_ids, signs) AS d(precinct_id, entry_id, sign)
  JOIN precincts p ON p.id = d.precinct_id
  JOIN protocol_entries e ON e.id = d.entry_id
  JOIN constituencies c ON c.id = p.constituency_id
  JOIN results_versions v ON v.election_id = c.election_id
  GROUP BY p.constituency_id
  ORDER BY p.constituency_id
  ON CONFLICT (constituency_id) DO UPDATE SET
    precincts_reported = t.precincts_reported + excluded.precincts_reported,
    voters_on_list_reported = t.voters_on_list_reported + excluded.voters_on_list_reported,
    voters_at_close = t.voters_at_close + excluded.voters_at_close,
    ballots_cast = t.ballots_cast + excluded.ballots_cast,
    ballots_found_mobile = t.ballots_found_mobile + excluded.ballots_found_mobile,
    ballots_invalid = t.ballots_invalid + excluded.ballots_invalid,
    votes_against_all = t.votes_against_all + excluded.votes_against_all,
    changed_version = excluded.changed_version;
  INSERT INTO candidate_totals AS t (candidate_id, votes)
  SELECT v.candidate_id, sum(d.sign * v.votes)
  FROM unnest(entry_ids, signs) AS d(entry_id, sign)
  JOIN protocol_entry_votes v ON v.entry_id = d.entry_id
  GROUP BY v.candidate_id
  ORDER BY v.candidate_id
  ON CONFLICT (candidate_id) DO UPDATE SET votes = t.votes + excluded.votes;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION results_totals_apply_precincts(constituency_ids integer[], precinct_ids integer[], voters integer[], signs integer[]) RETURNS void LANGUAGE sql AS $$
  SELECT results_versions_bump(array(SELECT c.election_id FROM constituencies c WHERE c.id = ANY(constituency_ids)), true);
  INSERT INTO constituency_totals AS t (constituency_id, precincts, voters_on_list, voters_on_list_reported, changed_version)
  SELECT d.constituency_id, sum(d.sign), sum(d.sign * d.voters), coalesce(sum(d.sign * d.voters) FILTER (WHERE pr.approved_entry_id IS NOT NULL), 0), min(v.version)
  FROM unnest(constituency_ids, precinct_ids, voters, signs) AS d(constituency_id, precinct_id, voters, sign)
  LEFT JOIN protocols pr ON pr.precinct_id = d.precinct_id
  JOIN constituencies c ON c.id = d.constituency_id
  JOIN results_versions v ON v.election_id = c.election_id
  GROUP BY d.constituency_id
  ORDER BY d.constituency_id
  ON CONFLICT (constituency_id) DO UPDATE SET
    precincts = t.precincts + excluded.precincts,
    voters_on_list = t.voters_on_list + excluded.voters_on_list,
    voters_on_list_reported = t.voters_on_list_reported + excluded.voters_on_list_reported,
    changed_version = excluded.changed_version;
$$;
