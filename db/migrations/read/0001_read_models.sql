CREATE TABLE "activity" (
	"id" bigint PRIMARY KEY NOT NULL,
	"command_id" uuid,
	"command" text NOT NULL,
	"aggregate_type" text NOT NULL,
	"aggregate_id" text NOT NULL,
	"aggregate_version" integer NOT NULL,
	"actor_id" uuid,
	"actor_email" text,
	"actor_name" text,
	"event_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_summaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"order_count" integer NOT NULL,
	"lifetime_value_cents" bigint NOT NULL,
	"last_order_at" timestamp with time zone,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dead_letters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"projection" text NOT NULL,
	"key" text NOT NULL,
	"lsn" "pg_lsn" NOT NULL,
	"error" text NOT NULL,
	"error_code" text,
	"payload" jsonb NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "order_summaries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"customer_name" text NOT NULL,
	"customer_email" text NOT NULL,
	"status" text NOT NULL,
	"currency" text NOT NULL,
	"total_cents" bigint NOT NULL,
	"line_count" integer NOT NULL,
	"item_count" bigint NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projection_rebuilds" (
	"id" text PRIMARY KEY NOT NULL,
	"projection" text NOT NULL,
	"status" text NOT NULL,
	"total" bigint DEFAULT 0 NOT NULL,
	"done" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"requested_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "projector_process" (
	"id" integer PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"slot_name" text NOT NULL,
	"wal_lsn" "pg_lsn",
	"slot_retained_bytes" bigint,
	"slot_wal_status" text,
	"last_error" text,
	"pid" integer,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"streaming" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projector_status" (
	"projection" text PRIMARY KEY NOT NULL,
	"checkpoint_lsn" "pg_lsn",
	"lag_bytes" bigint,
	"lag_ms" bigint,
	"changes_per_second" real DEFAULT 0 NOT NULL,
	"changes_total" bigint DEFAULT 0 NOT NULL,
	"backlog" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_daily" (
	"day" date NOT NULL,
	"currency" text NOT NULL,
	"orders" integer NOT NULL,
	"units" bigint NOT NULL,
	"revenue_cents" bigint NOT NULL,
	CONSTRAINT "sales_daily_day_currency_pk" PRIMARY KEY("day","currency")
);
--> statement-breakpoint
ALTER TABLE "product_summaries" ADD COLUMN "stock_total" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summaries" ADD COLUMN "stock_by_warehouse" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summaries" ADD COLUMN "units_sold" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summaries" ADD COLUMN "revenue_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "product_summaries" ADD COLUMN "last_ordered_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "activity_recorded_idx" ON "activity" USING btree ("recorded_at");--> statement-breakpoint
CREATE INDEX "activity_aggregate_idx" ON "activity" USING btree ("aggregate_type","aggregate_id");--> statement-breakpoint
CREATE INDEX "activity_actor_idx" ON "activity" USING btree ("actor_id","recorded_at");--> statement-breakpoint
CREATE INDEX "customer_summaries_name_idx" ON "customer_summaries" USING btree ("name");--> statement-breakpoint
CREATE INDEX "customer_summaries_email_idx" ON "customer_summaries" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "dead_letters_pending_key_idx" ON "dead_letters" USING btree ("projection","key") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "dead_letters_status_idx" ON "dead_letters" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "order_summaries_placed_idx" ON "order_summaries" USING btree ("placed_at");--> statement-breakpoint
CREATE INDEX "order_summaries_status_placed_idx" ON "order_summaries" USING btree ("status","placed_at");--> statement-breakpoint
CREATE INDEX "order_summaries_customer_placed_idx" ON "order_summaries" USING btree ("customer_id","placed_at");--> statement-breakpoint
CREATE INDEX "projection_rebuilds_started_idx" ON "projection_rebuilds" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "product_summaries_stock_idx" ON "product_summaries" USING btree ("stock_total");--> statement-breakpoint
CREATE INDEX "product_summaries_units_sold_idx" ON "product_summaries" USING btree ("units_sold");