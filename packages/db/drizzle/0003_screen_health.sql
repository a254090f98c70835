ALTER TABLE "kiosk_tokens" ADD COLUMN "disconnected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD COLUMN "app_version" text;--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD COLUMN "showing" text;