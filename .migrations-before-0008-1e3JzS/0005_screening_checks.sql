CREATE TABLE "screening_checks" (
	"id" serial PRIMARY KEY NOT NULL,
	"precinct_id" integer NOT NULL,
	"entry_id" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"checked_by" integer NOT NULL,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_checks_entry_id_unique" UNIQUE("entry_id")
);
--> statement-breakpoint
ALTER TABLE "screening_checks" ADD CONSTRAINT "screening_checks_precinct_id_precincts_id_fk" FOREIGN KEY ("precinct_id") REFERENCES "public"."precincts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_checks" ADD CONSTRAINT "screening_checks_entry_id_protocol_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."protocol_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_checks" ADD CONSTRAINT "screening_checks_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "screening_checks_precinct_idx" ON "screening_checks" USING btree ("precinct_id");