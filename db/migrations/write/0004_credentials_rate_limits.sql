-- Login attempt counters: UNLOGGED (no WAL, so never in the replication stream; emptied after a crash, which only forgives attempts).
CREATE UNLOGGED TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_credentials" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"password_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_credentials" ADD CONSTRAINT "staff_credentials_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Password hashes move out of `users`, the table the projector streams for actor names.
INSERT INTO "staff_credentials" ("user_id", "password_hash") SELECT "id", "password_hash" FROM "users";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "password_hash";
