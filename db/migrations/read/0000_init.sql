CREATE TABLE "category_tree" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_id" uuid,
	"path" text[] NOT NULL,
	"depth" integer NOT NULL,
	"product_count" integer NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_summaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"brand" text,
	"category_id" uuid,
	"category_path" text[] NOT NULL,
	"tags" text[] NOT NULL,
	"price_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projection_checkpoints" (
	"projection" text PRIMARY KEY NOT NULL,
	"lsn" "pg_lsn" NOT NULL,
	"last_commit_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "product_summaries_sku_idx" ON "product_summaries" USING btree ("sku");--> statement-breakpoint
CREATE INDEX "product_summaries_category_idx" ON "product_summaries" USING btree ("category_id");