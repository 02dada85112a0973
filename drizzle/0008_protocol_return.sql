ALTER TYPE "public"."protocol_status" ADD VALUE 'returned';--> statement-breakpoint
ALTER TABLE "protocol_versions" DROP CONSTRAINT "protocol_versions_correction_has_reason";--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "return_comment" text;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD CONSTRAINT "protocol_versions_correction_has_reason" CHECK ("protocol_versions"."version_no" = 1 or "protocol_versions"."correction_reason" is not null or "protocol_versions"."return_comment" is not null);