CREATE TYPE "public"."against_all_effect" AS ENUM('none', 'repeat_if_beats_all');--> statement-breakpoint
ALTER TABLE "protocol_entries" DROP CONSTRAINT "protocol_entries_cast_within_issued";--> statement-breakpoint
ALTER TABLE "protocol_entries" DROP CONSTRAINT "protocol_entries_non_negative";--> statement-breakpoint
ALTER TABLE "protocol_entries" DROP CONSTRAINT "protocol_entries_ballots_balance";--> statement-breakpoint
ALTER TABLE "protocol_entries" DROP CONSTRAINT "protocol_entries_invalid_within_cast";--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "against_all_effect" "against_all_effect" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "voters_growth_warn_bp" integer DEFAULT 500 NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "voters_at_close" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "ballots_issued_premises" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "ballots_issued_outside" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "ballots_found_stationary" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "ballots_found_mobile" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "chair_name" text;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "secretary_name" text;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "members_total" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "members_present" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "members_signing" integer;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "dissent_attached" boolean;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "converted_at" timestamp with time zone;--> statement-breakpoint
-- Entries typed on the earlier form: voters at the close = the list figure they were checked against,
-- every ballot issued at the premises and found in stationary boxes, nothing outside; marked as converted.
UPDATE "protocol_entries" SET "voters_at_close" = "voters_on_list", "ballots_issued_premises" = "ballots_issued", "ballots_issued_outside" = 0,
  "ballots_found_stationary" = "ballots_cast", "ballots_found_mobile" = 0, "converted_at" = now();--> statement-breakpoint
ALTER TABLE "protocol_entries" ALTER COLUMN "voters_at_close" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_entries" ALTER COLUMN "ballots_issued_premises" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_entries" ALTER COLUMN "ballots_issued_outside" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_entries" ALTER COLUMN "ballots_found_stationary" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_entries" ALTER COLUMN "ballots_found_mobile" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_entries" drop column "ballots_issued";--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "ballots_issued" integer GENERATED ALWAYS AS (ballots_issued_premises + ballots_issued_outside) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_entries" drop column "ballots_cast";--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD COLUMN "ballots_cast" integer GENERATED ALWAYS AS (ballots_found_stationary + ballots_found_mobile) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_voters_growth_warn_range" CHECK ("elections"."voters_growth_warn_bp" between 0 and 10000);--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_found_within_issued" CHECK ("protocol_entries"."ballots_found_stationary" + "protocol_entries"."ballots_found_mobile" <= "protocol_entries"."ballots_issued_premises" + "protocol_entries"."ballots_issued_outside" and "protocol_entries"."ballots_issued_premises" + "protocol_entries"."ballots_issued_outside" <= "protocol_entries"."voters_at_close" and "protocol_entries"."ballots_found_mobile" <= "protocol_entries"."ballots_issued_outside");--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_members" CHECK ("protocol_entries"."converted_at" is not null or ("protocol_entries"."chair_name" is not null and "protocol_entries"."secretary_name" is not null and "protocol_entries"."members_total" is not null and "protocol_entries"."members_present" is not null and "protocol_entries"."members_signing" is not null and "protocol_entries"."dissent_attached" is not null and "protocol_entries"."signed_at" is not null));--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_members_order" CHECK ("protocol_entries"."members_signing" <= "protocol_entries"."members_present" and "protocol_entries"."members_present" <= "protocol_entries"."members_total" and "protocol_entries"."members_signing" >= 0);--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_non_negative" CHECK ("protocol_entries"."voters_on_list" >= 0 and "protocol_entries"."voters_at_close" >= 0 and "protocol_entries"."ballots_received" >= 0 and "protocol_entries"."ballots_issued_premises" >= 0 and "protocol_entries"."ballots_issued_outside" >= 0 and "protocol_entries"."ballots_found_stationary" >= 0 and "protocol_entries"."ballots_found_mobile" >= 0 and "protocol_entries"."ballots_spoiled" >= 0 and "protocol_entries"."ballots_unused" >= 0 and "protocol_entries"."ballots_invalid" >= 0 and coalesce("protocol_entries"."votes_against_all", 0) >= 0);--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_ballots_balance" CHECK ("protocol_entries"."ballots_received" = "protocol_entries"."ballots_issued_premises" + "protocol_entries"."ballots_issued_outside" + "protocol_entries"."ballots_spoiled" + "protocol_entries"."ballots_unused");--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_invalid_within_cast" CHECK ("protocol_entries"."ballots_invalid" + coalesce("protocol_entries"."votes_against_all", 0) <= "protocol_entries"."ballots_found_stationary" + "protocol_entries"."ballots_found_mobile");
