CREATE INDEX "customer_summaries_value_idx" ON "customer_summaries" USING btree ("lifetime_value_cents");--> statement-breakpoint
CREATE INDEX "customer_summaries_last_order_idx" ON "customer_summaries" USING btree ("last_order_at");--> statement-breakpoint
CREATE INDEX "order_summaries_total_idx" ON "order_summaries" USING btree ("total_cents");--> statement-breakpoint
CREATE INDEX "product_summaries_revenue_idx" ON "product_summaries" USING btree ("revenue_cents");