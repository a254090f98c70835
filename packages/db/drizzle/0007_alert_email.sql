CREATE TABLE "alert_email_settings" (
	"user_id" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"minute_of_day" smallint NOT NULL,
	"lang" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "alert_email_mode" CHECK (mode in ('off', 'immediate', 'digest')),
	CONSTRAINT "alert_email_minute" CHECK (minute_of_day between 0 and 1439),
	CONSTRAINT "alert_email_lang" CHECK (lang in ('vi', 'en'))
);
--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD COLUMN "on_hours_start" smallint;--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD COLUMN "on_hours_end" smallint;--> statement-breakpoint
ALTER TABLE "alert_notices" ADD COLUMN "sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alert_notices" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "alert_notices" ADD COLUMN "send_attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "alert_notices" ADD COLUMN "send_error" text;--> statement-breakpoint
ALTER TABLE "alert_email_settings" ADD CONSTRAINT "alert_email_settings_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_notices_unsent_idx" ON "alert_notices" USING btree ("user_id","at") WHERE channel = 'email' and sent_at is null and send_error is null;--> statement-breakpoint
ALTER TABLE "kiosk_tokens" ADD CONSTRAINT "kiosk_tokens_on_hours" CHECK ((on_hours_start is null and on_hours_end is null) or (on_hours_start between 0 and 1439 and on_hours_end between 1 and 1440 and on_hours_start < on_hours_end));