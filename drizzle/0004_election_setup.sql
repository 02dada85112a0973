CREATE TYPE "public"."election_kind" AS ENUM('district_city_akim', 'rural_akim');--> statement-breakpoint
ALTER TABLE "elections" DROP CONSTRAINT "elections_calendar_order";--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "kind" "election_kind" DEFAULT 'district_city_akim' NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "results_deadline" date;--> statement-breakpoint
-- Results are due within 3 days of voting; elections that existed before were all announced.
UPDATE "elections" SET "results_deadline" = "voting_day" + 3;--> statement-breakpoint
ALTER TABLE "elections" ALTER COLUMN "results_deadline" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "announced_at" timestamp with time zone;--> statement-breakpoint
UPDATE "elections" SET "announced_at" = "created_at";--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "short_name" text;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "registration_number" text;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "registered_on" date;--> statement-breakpoint
-- Parties entered before the registry had these fields get visible placeholders for an admin to correct.
UPDATE "parties" SET "short_name" = upper("code"), "registration_number" = 'to-be-entered-' || "id", "registered_on" = DATE '1991-12-16';--> statement-breakpoint
ALTER TABLE "parties" ALTER COLUMN "short_name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ALTER COLUMN "registration_number" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ALTER COLUMN "registered_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_registration_number_unique" UNIQUE("registration_number");--> statement-breakpoint
ALTER TABLE "elections" ADD CONSTRAINT "elections_calendar_order" CHECK ("elections"."called_on" <= "elections"."nomination_opens_on" and "elections"."nomination_opens_on" <= "elections"."nomination_closes_on" and "elections"."nomination_closes_on" <= "elections"."registration_deadline" and "elections"."registration_deadline" < "elections"."voting_day" and "elections"."voting_day" <= "elections"."results_deadline");--> statement-breakpoint
ALTER TABLE "parties" ADD CONSTRAINT "parties_version_positive" CHECK ("parties"."version" > 0);