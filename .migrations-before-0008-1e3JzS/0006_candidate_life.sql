CREATE TYPE "public"."deposit_rule" AS ENUM('refund', 'forfeit');--> statement-breakpoint
CREATE TYPE "public"."akim_registration_outcome" AS ENUM('registered', 'repeat_election');--> statement-breakpoint
CREATE TYPE "public"."cancellation_status" AS ENUM('proposed', 'cancelled', 'dismissed');--> statement-breakpoint
ALTER TYPE "public"."candidate_status" ADD VALUE 'cancelled';--> statement-breakpoint
CREATE TABLE "akim_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"constituency_id" integer NOT NULL,
	"outcome" "akim_registration_outcome" NOT NULL,
	"candidate_id" integer,
	"decision_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"reason" text,
	"recorded_by" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "akim_registrations_constituency_unique" UNIQUE("constituency_id"),
	CONSTRAINT "akim_registrations_candidate" CHECK (("akim_registrations"."outcome" = 'registered') = ("akim_registrations"."candidate_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "registration_cancellations" (
	"id" serial PRIMARY KEY NOT NULL,
	"candidate_id" integer NOT NULL,
	"status" "cancellation_status" DEFAULT 'proposed' NOT NULL,
	"ground" text NOT NULL,
	"explanation" text NOT NULL,
	"proposed_by" integer NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_number" text,
	"decision_date" date,
	"dismissal_reason" text,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	CONSTRAINT "registration_cancellations_decided" CHECK ("registration_cancellations"."status" = 'proposed' or ("registration_cancellations"."decided_by" is not null and ("registration_cancellations"."decision_number" is not null and "registration_cancellations"."decision_date" is not null or "registration_cancellations"."status" = 'dismissed' and "registration_cancellations"."dismissal_reason" is not null))),
	CONSTRAINT "registration_cancellations_four_eyes" CHECK ("registration_cancellations"."decided_by" is null or "registration_cancellations"."decided_by" <> "registration_cancellations"."proposed_by")
);
--> statement-breakpoint
ALTER TABLE "elections" DROP CONSTRAINT "elections_calendar_order";--> statement-breakpoint
ALTER TABLE "candidates" DROP CONSTRAINT "candidates_ballot_order_only_registered";--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "akim_registration_deadline" date;--> statement-breakpoint
-- Existing elections get the legal term: the elected akim is registered within 7 days after the results are due.
UPDATE "elections" SET "akim_registration_deadline" = "results_deadline" + 7;--> statement-breakpoint
ALTER TABLE "elections" ALTER COLUMN "akim_registration_deadline" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "withdrawal_cutoff_days" integer DEFAULT 2 NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "deposit_refund_threshold_bp" integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "deposit_rule_when_removed" "deposit_rule" DEFAULT 'forfeit' NOT NULL;--> statement-breakpoint
ALTER TABLE "constituencies" ADD COLUMN "ballots_printed_on" date;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "decision_number" text;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "decision_date" date;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "deposit_refunded_on" date;--> statement-breakpoint
ALTER TABLE "candidates" ADD COLUMN "deposit_refund_recorded_by" integer;--> statement-breakpoint
ALTER TABLE "akim_registrations" ADD CONSTRAINT "akim_registrations_constituency_id_constituencies_id_fk" FOREIGN KEY ("constituency_id") REFERENCES "public"."constituencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akim_registrations" ADD CONSTRAINT "akim_registrations_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "akim_registrations" ADD CONSTRAINT "akim_registrations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_cancellations" ADD CONSTRAINT "registration_cancellations_candidate_id_candidates_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."candidates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_cancellations" ADD CONSTRAINT "registration_cancellations_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_cancellations" ADD CONSTRAINT "registration_cancellations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "registration_cancellations_one_open" ON "registration_cancellations" USING btree ("candidate_id") WHERE "registration_cancellations"."status" = 'proposed';--> statement-breakpoint
CREATE INDEX "registration_cancellations_candidate_idx" ON "registration_cancellations" USING btree ("candidate_id");--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_deposit_refund_recorded_by_users_id_fk" FOREIGN KEY ("deposit_refund_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_candidate_rules_range" CHECK ("elections"."withdrawal_cutoff_days" between 0 and 60 and "elections"."deposit_refund_threshold_bp" between 0 and 10000);--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_calendar_order" CHECK ("elections"."called_on" <= "elections"."nomination_opens_on" and "elections"."nomination_opens_on" <= "elections"."nomination_closes_on" and "elections"."nomination_closes_on" <= "elections"."registration_deadline" and "elections"."registration_deadline" < "elections"."voting_day" and "elections"."voting_day" <= "elections"."results_deadline" and "elections"."results_deadline" <= "elections"."akim_registration_deadline");--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_ballot_order_only_registered" CHECK ("candidates"."ballot_order" is null or ("candidates"."ballot_order" > 0 and "candidates"."status"::text in ('registered', 'withdrawn', 'cancelled')));