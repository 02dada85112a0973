CREATE TABLE "stored_files" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_sha256_hex" CHECK ("stored_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "stored_files_size" CHECK ("stored_files"."size" = octet_length("stored_files"."bytes"))
);
--> statement-breakpoint
CREATE TABLE "protocol_scan_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"scan_id" integer NOT NULL,
	"file_no" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"page_count" integer NOT NULL,
	"received_name" text NOT NULL,
	"received_sha256" text NOT NULL,
	CONSTRAINT "protocol_scan_files_number_unique" UNIQUE("scan_id","file_no"),
	CONSTRAINT "protocol_scan_files_sha256_hex" CHECK ("protocol_scan_files"."sha256" ~ '^[0-9a-f]{64}$' and "protocol_scan_files"."received_sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "protocol_scan_files_content_type" CHECK ("protocol_scan_files"."content_type" in ('image/jpeg', 'image/png', 'application/pdf', 'image/svg+xml')),
	CONSTRAINT "protocol_scan_files_counts" CHECK ("protocol_scan_files"."file_no" between 1 and 4 and "protocol_scan_files"."page_count" between 1 and 4 and "protocol_scan_files"."size" > 0)
);
--> statement-breakpoint
CREATE TABLE "protocol_scan_pages" (
	"file_id" integer NOT NULL,
	"page_no" integer NOT NULL,
	"preview_sha256" text,
	"preview_width" integer,
	"preview_height" integer,
	CONSTRAINT "protocol_scan_pages_file_id_page_no_pk" PRIMARY KEY("file_id","page_no"),
	CONSTRAINT "protocol_scan_pages_preview" CHECK (("protocol_scan_pages"."preview_sha256" is null) = ("protocol_scan_pages"."preview_width" is null) and ("protocol_scan_pages"."preview_sha256" is null) = ("protocol_scan_pages"."preview_height" is null))
);
--> statement-breakpoint
CREATE TABLE "protocol_scans" (
	"id" serial PRIMARY KEY NOT NULL,
	"precinct_id" integer NOT NULL,
	"version_no" integer NOT NULL,
	"correction_reason" text,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" integer,
	"reviewed_at" timestamp with time zone,
	"demo_rendering" boolean DEFAULT false NOT NULL,
	CONSTRAINT "protocol_scans_version_unique" UNIQUE("precinct_id","version_no"),
	CONSTRAINT "protocol_scans_version_positive" CHECK ("protocol_scans"."version_no" >= 1),
	CONSTRAINT "protocol_scans_reviewed_together" CHECK (("protocol_scans"."reviewed_by" is null) = ("protocol_scans"."reviewed_at" is null))
);
--> statement-breakpoint
ALTER TABLE "elections" ADD COLUMN "protocol_image_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "protocol_versions" ADD COLUMN "approved_without_image_reason" text;--> statement-breakpoint
ALTER TABLE "protocol_scan_files" ADD CONSTRAINT "protocol_scan_files_scan_id_protocol_scans_id_fk" FOREIGN KEY ("scan_id") REFERENCES "public"."protocol_scans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_scan_pages" ADD CONSTRAINT "protocol_scan_pages_file_id_protocol_scan_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."protocol_scan_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_scans" ADD CONSTRAINT "protocol_scans_precinct_id_precincts_id_fk" FOREIGN KEY ("precinct_id") REFERENCES "public"."precincts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_scans" ADD CONSTRAINT "protocol_scans_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_scans" ADD CONSTRAINT "protocol_scans_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "protocol_scan_files_sha256_idx" ON "protocol_scan_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "protocol_scan_pages_preview_idx" ON "protocol_scan_pages" USING btree ("preview_sha256");--> statement-breakpoint
-- Hand-written: photos and PDFs are already compressed, so TOAST keeps them out of line without trying to compress them again.
ALTER TABLE "stored_files" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;