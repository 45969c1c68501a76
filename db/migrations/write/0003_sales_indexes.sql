DROP INDEX "order_lines_product_idx";--> statement-breakpoint
CREATE INDEX "orders_sales_idx" ON "orders" USING btree ("id","status","placed_at");--> statement-breakpoint
CREATE INDEX "order_lines_product_idx" ON "order_lines" USING btree ("product_id","order_id","quantity","unit_price_cents");