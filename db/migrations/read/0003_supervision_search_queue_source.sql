CREATE TABLE "projector_source" (
	"id" integer PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"database" text NOT NULL,
	"slot_name" text NOT NULL,
	"consistent_point" "pg_lsn" NOT NULL,
	"loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_queue" (
	"product_id" uuid PRIMARY KEY NOT NULL,
	"lsn" "pg_lsn" NOT NULL,
	"since_lsn" "pg_lsn" NOT NULL,
	"since_commit_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "projector_process" ADD COLUMN "restarts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "search_queue_since_idx" ON "search_queue" USING btree ("since_lsn");