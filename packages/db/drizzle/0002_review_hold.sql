ALTER TABLE "reports" ADD COLUMN "review" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "review_reasons" jsonb;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reviewed_by" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "reports_held_idx" ON "reports" USING btree ("commune_code") WHERE "reports"."review" = 'held';--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_review" CHECK ("reports"."review" is null or "reports"."review" in ('held', 'approved', 'rejected'));