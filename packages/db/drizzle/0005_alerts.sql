CREATE TABLE "alert_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"alert_id" bigint NOT NULL,
	"user_id" text NOT NULL,
	"event" text NOT NULL,
	"channel" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "alert_notices_event" CHECK (event in ('raised', 'resolved')),
	CONSTRAINT "alert_notices_channel" CHECK (channel in ('app', 'email'))
);
--> statement-breakpoint
CREATE TABLE "alert_rules" (
	"campaign_id" text PRIMARY KEY NOT NULL,
	"silent_minutes" integer NOT NULL,
	"screen_dark_minutes" integer NOT NULL,
	"on_hours_start" smallint NOT NULL,
	"on_hours_end" smallint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "alert_rules_positive" CHECK (silent_minutes > 0 and screen_dark_minutes > 0),
	CONSTRAINT "alert_rules_hours" CHECK (on_hours_start between 0 and 1439 and on_hours_end between 1 and 1440 and on_hours_start < on_hours_end)
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_code" text,
	"province_code" text,
	"campaign_id" text,
	"raised_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone,
	"details" jsonb NOT NULL,
	"since" timestamp with time zone,
	CONSTRAINT "alerts_kind" CHECK (kind in ('silent', 'screenDark'))
);
--> statement-breakpoint
ALTER TABLE "alert_notices" ADD CONSTRAINT "alert_notices_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_notices" ADD CONSTRAINT "alert_notices_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert_rules" ADD CONSTRAINT "alert_rules_updated_by_auth_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "alert_notices_once_idx" ON "alert_notices" USING btree ("alert_id","user_id","event","channel");--> statement-breakpoint
CREATE INDEX "alert_notices_user_idx" ON "alert_notices" USING btree ("user_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "alerts_open_idx" ON "alerts" USING btree ("kind","subject") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "alerts_raised_idx" ON "alerts" USING btree ("raised_at");