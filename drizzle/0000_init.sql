CREATE TYPE "public"."winner_rule" AS ENUM('plurality', 'absolute_majority');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'operator', 'reviewer', 'observer');--> statement-breakpoint
CREATE TYPE "public"."constituency_kind" AS ENUM('district', 'city');--> statement-breakpoint
CREATE TYPE "public"."constituency_status" AS ENUM('in_force', 'removed');--> statement-breakpoint
CREATE TYPE "public"."list_revision_status" AS ENUM('draft', 'submitted', 'returned', 'approved', 'superseded');--> statement-breakpoint
CREATE TYPE "public"."results_status" AS ENUM('counting', 'official');--> statement-breakpoint
CREATE TYPE "public"."candidate_status" AS ENUM('nominated', 'registered', 'refused', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."check_kind" AS ENUM('automatic', 'attested');--> statement-breakpoint
CREATE TYPE "public"."check_outcome" AS ENUM('pending', 'passed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."nomination_route" AS ENUM('party', 'self');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."withdrawal_by" AS ENUM('candidate', 'party');--> statement-breakpoint
CREATE TYPE "public"."protocol_entry_kind" AS ENUM('first', 'second', 'resolution');--> statement-breakpoint
CREATE TYPE "public"."protocol_status" AS ENUM('entered_once', 'awaiting_review', 'mismatch', 'approved');--> statement-breakpoint
CREATE TABLE "regions" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "regions_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "elections" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"voting_day" date NOT NULL,
	"called_on" date NOT NULL,
	"nomination_opens_on" date NOT NULL,
	"nomination_closes_on" date NOT NULL,
	"registration_deadline" date NOT NULL,
	"min_candidate_age" integer DEFAULT 25 NOT NULL,
	"deposit_amount" integer NOT NULL,
	"signature_share_bp" integer DEFAULT 100 NOT NULL,
	"winner_rule" "winner_rule" DEFAULT 'plurality' NOT NULL,
	"turnout_threshold_bp" integer,
	"against_all_on_ballot" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "elections_slug_unique" UNIQUE("slug"),
	CONSTRAINT "elections_calendar_order" CHECK ("elections"."called_on" <= "elections"."nomination_opens_on" and "elections"."nomination_opens_on" <= "elections"."nomination_closes_on" and "elections"."nomination_closes_on" <= "elections"."registration_deadline" and "elections"."registration_deadline" <= "elections"."voting_day"),
	CONSTRAINT "elections_rules_non_negative" CHECK ("elections"."min_candidate_age" >= 0 and "elections"."deposit_amount" >= 0 and "elections"."signature_share_bp" between 0 and 10000),
	CONSTRAINT "elections_turnout_threshold_range" CHECK ("elections"."turnout_threshold_bp" is null or "elections"."turnout_threshold_bp" between 0 and 10000)
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"full_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"region_id" integer,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_region_scope" CHECK ("users"."role" in ('admin', 'observer') or "users"."region_id" is not null),
	CONSTRAINT "users_admin_all_regions" CHECK ("users"."role" <> 'admin' or "users"."region_id" is null)
);
--> statement-breakpoint
CREATE TABLE "parties" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "parties_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "constituencies" (
	"id" serial PRIMARY KEY NOT NULL,
	"election_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"code" text NOT NULL,
	"kind" "constituency_kind" NOT NULL,
	"name_kk" text NOT NULL,
	"name_ru" text NOT NULL,
	"name_en" text NOT NULL,
	"list_revision_id" integer NOT NULL,
	"status" "constituency_status" DEFAULT 'in_force' NOT NULL,
	"results_status" "results_status" DEFAULT 'counting' NOT NULL,
	"results_official_at" timestamp with time zone,
	"results_official_by" integer,
	CONSTRAINT "constituencies_code_unique" UNIQUE("election_id","code")
);
--> statement-breakpoint
CREATE TABLE "constituency_list_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"election_id" integer NOT NULL,
	"region_id" integer NOT NULL,
	"revision_no" integer NOT NULL,
	"status" "list_revision_status" DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"review_comment" text,
	"calendar_override_reason" text,
	CONSTRAINT "list_revisions_number_unique" UNIQUE("election_id","region_id","revision_no"),
	CONSTRAINT "list_revisions_revision_positive" CHECK ("constituency_list_revisions"."revision_no" > 0)
);
--> statement-breakpoint
CREATE TABLE "precincts" (
	"id" serial PRIMARY KEY NOT NULL,
	"constituency_id" integer NOT NULL,
	"number" integer NOT NULL,
	"address" text NOT NULL,
	"voters_on_list" integer NOT NULL,
	CONSTRAINT "precincts_number_unique" UNIQUE("constituency_id","number"),
	CONSTRAINT "precincts_number_positive" CHECK ("precincts"."number" > 0),
	CONSTRAINT "precincts_voters_non_negative" CHECK ("precincts"."voters_on_list" >= 0)
);
--> statement-breakpoint
CREATE TABLE "candidate_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidate_id" integer NOT NULL,
	"code" text NOT NULL,
	"kind" "check_kind" NOT NULL,
	"outcome" "check_outcome" DEFAULT 'pending' NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "candidate_checks_code_unique" UNIQUE("candidate_id","code")
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" serial PRIMARY KEY NOT NULL,
	"election_id" integer NOT NULL,
	"constituency_id" integer NOT NULL,
	"full_name" text NOT NULL,
	"iin" text NOT NULL,
	"birth_date" date NOT NULL,
	"sex" "sex" NOT NULL,
	"education" text NOT NULL,
	"current_position" text DEFAULT '' NOT NULL,
	"nomination_route" "nomination_route" NOT NULL,
	"party_id" integer,
	"nominated_on" date NOT NULL,
	"application_received" boolean DEFAULT false NOT NULL,
	"asset_declarations_received" boolean DEFAULT false NOT NULL,
	"deposit_amount" integer DEFAULT 0 NOT NULL,
	"deposit_paid_on" date,
	"supporting_signatures" integer,
	"status" "candidate_status" DEFAULT 'nominated' NOT NULL,
	"ballot_order" integer,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"refusal_ground" text,
	"decision_note" text,
	"withdrawn_on" date,
	"withdrawn_by" "withdrawal_by",
	"entered_by" integer NOT NULL,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_iin_per_election_unique" UNIQUE("election_id","iin"),
	CONSTRAINT "candidates_ballot_order_unique" UNIQUE("constituency_id","ballot_order"),
	CONSTRAINT "candidates_iin_format" CHECK ("candidates"."iin" ~ '^[0-9]{12}$'),
	CONSTRAINT "candidates_route_party" CHECK (("candidates"."nomination_route" = 'party') = ("candidates"."party_id" is not null)),
	CONSTRAINT "candidates_counts_non_negative" CHECK ("candidates"."deposit_amount" >= 0 and coalesce("candidates"."supporting_signatures", 0) >= 0),
	CONSTRAINT "candidates_ballot_order_only_registered" CHECK ("candidates"."ballot_order" is null or ("candidates"."ballot_order" > 0 and "candidates"."status" in ('registered', 'withdrawn'))),
	CONSTRAINT "candidates_refusal_has_ground" CHECK ("candidates"."status" <> 'refused' or "candidates"."refusal_ground" is not null),
	CONSTRAINT "candidates_withdrawal_dated" CHECK ("candidates"."status" <> 'withdrawn' or ("candidates"."withdrawn_on" is not null and "candidates"."withdrawn_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "protocol_entries" (
	"id" serial PRIMARY KEY NOT NULL,
	"version_id" integer NOT NULL,
	"kind" "protocol_entry_kind" NOT NULL,
	"entered_by" integer NOT NULL,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"voters_on_list" integer NOT NULL,
	"ballots_received" integer NOT NULL,
	"ballots_issued" integer NOT NULL,
	"ballots_cast" integer NOT NULL,
	"ballots_spoiled" integer NOT NULL,
	"ballots_unused" integer NOT NULL,
	"ballots_invalid" integer NOT NULL,
	"votes_against_all" integer,
	CONSTRAINT "protocol_entries_kind_unique" UNIQUE("version_id","kind"),
	CONSTRAINT "protocol_entries_non_negative" CHECK ("protocol_entries"."voters_on_list" >= 0 and "protocol_entries"."ballots_received" >= 0 and "protocol_entries"."ballots_issued" >= 0 and "protocol_entries"."ballots_cast" >= 0 and "protocol_entries"."ballots_spoiled" >= 0 and "protocol_entries"."ballots_unused" >= 0 and "protocol_entries"."ballots_invalid" >= 0 and coalesce("protocol_entries"."votes_against_all", 0) >= 0),
	CONSTRAINT "protocol_entries_ballots_balance" CHECK ("protocol_entries"."ballots_received" = "protocol_entries"."ballots_issued" + "protocol_entries"."ballots_spoiled" + "protocol_entries"."ballots_unused"),
	CONSTRAINT "protocol_entries_cast_within_issued" CHECK ("protocol_entries"."ballots_cast" <= "protocol_entries"."ballots_issued" and "protocol_entries"."ballots_issued" <= "protocol_entries"."voters_on_list"),
	CONSTRAINT "protocol_entries_invalid_within_cast" CHECK ("protocol_entries"."ballots_invalid" + coalesce("protocol_entries"."votes_against_all", 0) <= "protocol_entries"."ballots_cast")
);
--> statement-breakpoint
CREATE TABLE "protocol_entry_votes" (
	"entry_id" integer NOT NULL,
	"candidate_id" integer NOT NULL,
	"votes" integer NOT NULL,
	CONSTRAINT "protocol_entry_votes_entry_id_candidate_id_pk" PRIMARY KEY("entry_id","candidate_id"),
	CONSTRAINT "protocol_entry_votes_non_negative" CHECK ("protocol_entry_votes"."votes" >= 0)
);
--> statement-breakpoint
CREATE TABLE "protocol_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"protocol_id" integer NOT NULL,
	"version_no" integer NOT NULL,
	"correction_reason" text,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	CONSTRAINT "protocol_versions_number_unique" UNIQUE("protocol_id","version_no"),
	CONSTRAINT "protocol_versions_correction_has_reason" CHECK ("protocol_versions"."version_no" = 1 or "protocol_versions"."correction_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "protocols" (
	"id" serial PRIMARY KEY NOT NULL,
	"precinct_id" integer NOT NULL,
	"current_version_no" integer DEFAULT 1 NOT NULL,
	"status" "protocol_status" NOT NULL,
	"approved_entry_id" integer,
	"lock_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protocols_precinct_id_unique" UNIQUE("precinct_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_user_id" integer,
	"actor_email" text,
	"actor_role" "user_role",
	"actor_region_id" integer,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"region_id" integer,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituencies" ADD CONSTRAINT "constituencies_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituencies" ADD CONSTRAINT "constituencies_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituencies" ADD CONSTRAINT "constituencies_list_revision_id_constituency_list_revisions_id_fk" FOREIGN KEY ("list_revision_id") REFERENCES "public"."constituency_list_revisions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituencies" ADD CONSTRAINT "constituencies_results_official_by_users_id_fk" FOREIGN KEY ("results_official_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituency_list_revisions" ADD CONSTRAINT "constituency_list_revisions_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituency_list_revisions" ADD CONSTRAINT "constituency_list_revisions_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituency_list_revisions" ADD CONSTRAINT "constituency_list_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituency_list_revisions" ADD CONSTRAINT "constituency_list_revisions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituency_list_revisions" ADD CONSTRAINT "constituency_list_revisions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "constituency_list_revisions" ADD CONSTRAINT "constituency_list_revisions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "precincts" ADD CONSTRAINT "precincts_constituency_id_constituencies_id_fk" FOREIGN KEY ("constituency_id") REFERENCES "public"."constituencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_checks" ADD CONSTRAINT "candidate_checks_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_checks" ADD CONSTRAINT "candidate_checks_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_election_id_elections_id_fk" FOREIGN KEY ("election_id") REFERENCES "public"."elections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_constituency_id_constituencies_id_fk" FOREIGN KEY ("constituency_id") REFERENCES "public"."constituencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_party_id_parties_id_fk" FOREIGN KEY ("party_id") REFERENCES "public"."parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_version_id_protocol_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."protocol_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entry_votes" ADD CONSTRAINT "protocol_entry_votes_entry_id_protocol_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."protocol_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entry_votes" ADD CONSTRAINT "protocol_entry_votes_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD CONSTRAINT "protocol_versions_protocol_id_protocols_id_fk" FOREIGN KEY ("protocol_id") REFERENCES "public"."protocols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD CONSTRAINT "protocol_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD CONSTRAINT "protocol_versions_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_precinct_id_precincts_id_fk" FOREIGN KEY ("precinct_id") REFERENCES "public"."precincts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocols" ADD CONSTRAINT "protocols_approved_entry_id_protocol_entries_id_fk" FOREIGN KEY ("approved_entry_id") REFERENCES "public"."protocol_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_throttle_locked_until_idx" ON "login_throttle" USING btree ("locked_until");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_unique" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "constituencies_region_idx" ON "constituencies" USING btree ("election_id","region_id");--> statement-breakpoint
CREATE UNIQUE INDEX "list_revisions_one_open_per_region" ON "constituency_list_revisions" USING btree ("election_id","region_id") WHERE "constituency_list_revisions"."status" in ('draft', 'submitted', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "candidates_one_party_nominee_per_constituency" ON "candidates" USING btree ("constituency_id","party_id") WHERE "candidates"."party_id" is not null and "candidates"."status" in ('nominated', 'registered');--> statement-breakpoint
CREATE INDEX "candidates_constituency_idx" ON "candidates" USING btree ("constituency_id");--> statement-breakpoint
CREATE INDEX "protocol_entry_votes_candidate_idx" ON "protocol_entry_votes" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "protocols_status_idx" ON "protocols" USING btree ("status");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_user_id");