CREATE TABLE "candidate_totals" (
	"candidate_id" integer PRIMARY KEY NOT NULL,
	"votes" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "constituency_totals" (
	"constituency_id" integer PRIMARY KEY NOT NULL,
	"precincts" integer DEFAULT 0 NOT NULL,
	"voters_on_list" bigint DEFAULT 0 NOT NULL,
	"precincts_reported" integer DEFAULT 0 NOT NULL,
	"voters_on_list_reported" bigint DEFAULT 0 NOT NULL,
	"voters_at_close" bigint DEFAULT 0 NOT NULL,
	"ballots_cast" bigint DEFAULT 0 NOT NULL,
	"ballots_found_mobile" bigint DEFAULT 0 NOT NULL,
	"ballots_invalid" bigint DEFAULT 0 NOT NULL,
	"votes_against_all" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "candidate_totals" ADD CONSTRAINT "candidate_totals_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituency_totals" ADD CONSTRAINT "constituency_totals_constituency_id_constituencies_id_fk" FOREIGN KEY ("constituency_id") REFERENCES "public"."constituencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Running totals (decision 016): the approved protocols' figures summed per constituency and per
-- candidate, kept by the triggers below in the transaction of the change itself.
-- The recount from the source of truth: the backfill below and lib/results/running-totals.ts read it.
CREATE VIEW "constituency_totals_recounted" AS
  SELECT c.id AS constituency_id,
         count(p.id)::integer AS precincts,
         coalesce(sum(p.voters_on_list), 0)::bigint AS voters_on_list,
         count(e.id)::integer AS precincts_reported,
         coalesce(sum(p.voters_on_list) FILTER (WHERE e.id IS NOT NULL), 0)::bigint AS voters_on_list_reported,
         coalesce(sum(e.voters_at_close), 0)::bigint AS voters_at_close,
         coalesce(sum(e.ballots_cast), 0)::bigint AS ballots_cast,
         coalesce(sum(e.ballots_found_mobile), 0)::bigint AS ballots_found_mobile,
         coalesce(sum(e.ballots_invalid), 0)::bigint AS ballots_invalid,
         coalesce(sum(e.votes_against_all), 0)::bigint AS votes_against_all
  FROM constituencies c
  LEFT JOIN precincts p ON p.constituency_id = c.id
  LEFT JOIN protocols pr ON pr.precinct_id = p.id
  LEFT JOIN protocol_entries e ON e.id = pr.approved_entry_id
  GROUP BY c.id;
--> statement-breakpoint
CREATE VIEW "candidate_totals_recounted" AS
  SELECT k.id AS candidate_id, coalesce(sum(v.votes), 0)::bigint AS votes
  FROM candidates k
  LEFT JOIN protocol_entry_votes v ON v.candidate_id = k.id AND v.entry_id IN (SELECT approved_entry_id FROM protocols WHERE approved_entry_id IS NOT NULL)
  GROUP BY k.id;
--> statement-breakpoint
INSERT INTO "constituency_totals" SELECT * FROM "constituency_totals_recounted";
--> statement-breakpoint
INSERT INTO "candidate_totals" SELECT * FROM "candidate_totals_recounted" WHERE votes <> 0;
--> statement-breakpoint
-- Approved entries gained (+1) or lost (-1) by precincts, added to their constituencies' and candidates' totals.
CREATE FUNCTION results_totals_apply_entries(precinct_ids integer[], entry_ids integer[], signs integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO constituency_totals AS t (constituency_id, precincts_reported, voters_on_list_reported, voters_at_close, ballots_cast, ballots_found_mobile, ballots_invalid, votes_against_all)
  SELECT p.constituency_id, sum(d.sign), sum(d.sign * p.voters_on_list), sum(d.sign * e.voters_at_close), sum(d.sign * e.ballots_cast),
         sum(d.sign * e.ballots_found_mobile), sum(d.sign * e.ballots_invalid), sum(d.sign * coalesce(e.votes_against_all, 0))
  FROM unnest(precinct_ids, entry_ids, signs) AS d(precinct_id, entry_id, sign)
  JOIN precincts p ON p.id = d.precinct_id
  JOIN protocol_entries e ON e.id = d.entry_id
  GROUP BY p.constituency_id
  ORDER BY p.constituency_id
  ON CONFLICT (constituency_id) DO UPDATE SET
    precincts_reported = t.precincts_reported + excluded.precincts_reported,
    voters_on_list_reported = t.voters_on_list_reported + excluded.voters_on_list_reported,
    voters_at_close = t.voters_at_close + excluded.voters_at_close,
    ballots_cast = t.ballots_cast + excluded.ballots_cast,
    ballots_found_mobile = t.ballots_found_mobile + excluded.ballots_found_mobile,
    ballots_invalid = t.ballots_invalid + excluded.ballots_invalid,
    votes_against_all = t.votes_against_all + excluded.votes_against_all;
  INSERT INTO candidate_totals AS t (candidate_id, votes)
  SELECT v.candidate_id, sum(d.sign * v.votes)
  FROM unnest(entry_ids, signs) AS d(entry_id, sign)
  JOIN protocol_entry_votes v ON v.entry_id = d.entry_id
  GROUP BY v.candidate_id
  ORDER BY v.candidate_id
  ON CONFLICT (candidate_id) DO UPDATE SET votes = t.votes + excluded.votes;
$$;
--> statement-breakpoint
CREATE FUNCTION protocols_totals_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_totals_apply_entries(array_agg(n.precinct_id), array_agg(n.approved_entry_id), array_agg(1))
  FROM new_rows n WHERE n.approved_entry_id IS NOT NULL HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION protocols_totals_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_totals_apply_entries(array_agg(d.precinct_id), array_agg(d.entry_id), array_agg(d.sign))
  FROM (
    SELECT n.precinct_id, n.approved_entry_id AS entry_id, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.approved_entry_id IS NOT NULL AND (n.approved_entry_id IS DISTINCT FROM o.approved_entry_id OR n.precinct_id <> o.precinct_id)
    UNION ALL
    SELECT o.precinct_id, o.approved_entry_id, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.approved_entry_id IS NOT NULL AND (n.approved_entry_id IS DISTINCT FROM o.approved_entry_id OR n.precinct_id <> o.precinct_id)
  ) d
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION protocols_totals_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_totals_apply_entries(array_agg(o.precinct_id), array_agg(o.approved_entry_id), array_agg(-1))
  FROM old_rows o WHERE o.approved_entry_id IS NOT NULL HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER protocols_totals_insert AFTER INSERT ON protocols REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION protocols_totals_on_insert();
--> statement-breakpoint
CREATE TRIGGER protocols_totals_update AFTER UPDATE ON protocols REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION protocols_totals_on_update();
--> statement-breakpoint
CREATE TRIGGER protocols_totals_delete AFTER DELETE ON protocols REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION protocols_totals_on_delete();
--> statement-breakpoint
-- Precincts added (+1) or taken away (-1) from constituencies, with their approved lists.
CREATE FUNCTION results_totals_apply_precincts(constituency_ids integer[], precinct_ids integer[], voters integer[], signs integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO constituency_totals AS t (constituency_id, precincts, voters_on_list, voters_on_list_reported)
  SELECT d.constituency_id, sum(d.sign), sum(d.sign * d.voters), coalesce(sum(d.sign * d.voters) FILTER (WHERE pr.approved_entry_id IS NOT NULL), 0)
  FROM unnest(constituency_ids, precinct_ids, voters, signs) AS d(constituency_id, precinct_id, voters, sign)
  LEFT JOIN protocols pr ON pr.precinct_id = d.precinct_id
  GROUP BY d.constituency_id
  ORDER BY d.constituency_id
  ON CONFLICT (constituency_id) DO UPDATE SET
    precincts = t.precincts + excluded.precincts,
    voters_on_list = t.voters_on_list + excluded.voters_on_list,
    voters_on_list_reported = t.voters_on_list_reported + excluded.voters_on_list_reported;
$$;
--> statement-breakpoint
CREATE FUNCTION precincts_totals_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_totals_apply_precincts(array_agg(n.constituency_id), array_agg(n.id), array_agg(n.voters_on_list), array_agg(1))
  FROM new_rows n HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION precincts_totals_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_totals_apply_precincts(array_agg(d.constituency_id), array_agg(d.id), array_agg(d.voters_on_list), array_agg(d.sign))
  FROM (
    SELECT n.constituency_id, n.id, n.voters_on_list, 1 AS sign FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.voters_on_list <> o.voters_on_list OR n.constituency_id <> o.constituency_id
    UNION ALL
    SELECT o.constituency_id, o.id, o.voters_on_list, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE n.voters_on_list <> o.voters_on_list OR n.constituency_id <> o.constituency_id
  ) d
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION precincts_totals_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM results_totals_apply_precincts(array_agg(o.constituency_id), array_agg(o.id), array_agg(o.voters_on_list), array_agg(-1))
  FROM old_rows o HAVING count(*) > 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER precincts_totals_insert AFTER INSERT ON precincts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION precincts_totals_on_insert();
--> statement-breakpoint
CREATE TRIGGER precincts_totals_update AFTER UPDATE ON precincts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION precincts_totals_on_update();
--> statement-breakpoint
CREATE TRIGGER precincts_totals_delete AFTER DELETE ON precincts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION precincts_totals_on_delete();
--> statement-breakpoint
-- A typed copy is a record of what was typed: never changed or removed (the totals above rely on it too).
CREATE FUNCTION protocol_copies_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'protocol copies are write-once: % on % refused', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER protocol_entries_write_once BEFORE UPDATE OR DELETE ON protocol_entries FOR EACH STATEMENT EXECUTE FUNCTION protocol_copies_reject_change();
--> statement-breakpoint
CREATE TRIGGER protocol_entry_votes_write_once BEFORE UPDATE OR DELETE ON protocol_entry_votes FOR EACH STATEMENT EXECUTE FUNCTION protocol_copies_reject_change();
