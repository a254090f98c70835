CREATE TABLE "communes" (
	"code" char(5) PRIMARY KEY NOT NULL,
	"province_code" char(2) NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"full_name" text NOT NULL,
	"full_name_en" text NOT NULL,
	"kind" text NOT NULL,
	"area_km2" real,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "communes_code_format" CHECK ("communes"."code" ~ '^[0-9]{5}$'),
	CONSTRAINT "communes_kind" CHECK ("communes"."kind" in ('xa', 'phuong', 'dac_khu'))
);
--> statement-breakpoint
CREATE TABLE "provinces" (
	"code" char(2) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"full_name" text NOT NULL,
	"full_name_en" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "provinces_code_format" CHECK ("provinces"."code" ~ '^[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "villages" (
	"code" text PRIMARY KEY NOT NULL,
	"commune_code" char(5) NOT NULL,
	"seq" smallint NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"households" integer,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "villages_code_format" CHECK ("villages"."code" ~ '^[0-9]{5}-[0-9]{3}$' and left("villages"."code", 5) = "villages"."commune_code"),
	CONSTRAINT "villages_kind" CHECK ("villages"."kind" in ('thon', 'ban', 'to_dan_pho'))
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_code" text,
	"starts_on" date NOT NULL,
	"deadline" date NOT NULL,
	"target_rate" numeric(4, 3) NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "campaigns_scope" CHECK (("campaigns"."scope_kind" = 'nation' and "campaigns"."scope_code" is null)
      or ("campaigns"."scope_kind" = 'province' and "campaigns"."scope_code" ~ '^[0-9]{2}$')
      or ("campaigns"."scope_kind" = 'commune' and "campaigns"."scope_code" ~ '^[0-9]{5}$')),
	CONSTRAINT "campaigns_window" CHECK ("campaigns"."deadline" >= "campaigns"."starts_on"),
	CONSTRAINT "campaigns_target" CHECK ("campaigns"."target_rate" > 0 and "campaigns"."target_rate" <= 1)
);
--> statement-breakpoint
CREATE TABLE "commune_baselines" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_code" char(5) NOT NULL,
	"eligible" integer NOT NULL,
	"population" integer,
	"as_of" date NOT NULL,
	"report_id" bigint,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "commune_baselines_non_negative" CHECK ("commune_baselines"."eligible" >= 0 and coalesce("commune_baselines"."population", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"commune_code" char(5) NOT NULL,
	"village_code" text,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"members" integer DEFAULT 1 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"formed_on" date NOT NULL,
	"disbanded_on" date,
	"report_id" bigint,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "teams_kind" CHECK ("teams"."kind" in ('community_team', 'mobile_point', 'support_staff')),
	CONSTRAINT "teams_members_non_negative" CHECK ("teams"."members" >= 0),
	CONSTRAINT "teams_village_in_commune" CHECK ("teams"."village_code" is null or left("teams"."village_code", 5) = "teams"."commune_code")
);
--> statement-breakpoint
CREATE TABLE "commune_counters" (
	"commune_code" char(5) PRIMARY KEY NOT NULL,
	"province_code" char(2) NOT NULL,
	"cccd_issued" integer DEFAULT 0 NOT NULL,
	"eid_l2_registered" integer DEFAULT 0 NOT NULL,
	"eid_l2_activated" integer DEFAULT 0 NOT NULL,
	"people_trained" integer DEFAULT 0 NOT NULL,
	"households_visited" integer DEFAULT 0 NOT NULL,
	"smartphones_donated" integer DEFAULT 0 NOT NULL,
	"eligible" integer DEFAULT 0 NOT NULL,
	"eligible_as_of" date,
	"villages_total" integer DEFAULT 0 NOT NULL,
	"villages_with_team" integer DEFAULT 0 NOT NULL,
	"villages_reported" integer DEFAULT 0 NOT NULL,
	"support_staff" integer DEFAULT 0 NOT NULL,
	"mobile_points" integer DEFAULT 0 NOT NULL,
	"snapshot_as_of" timestamp with time zone,
	"last_report_at" timestamp with time zone,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "commune_counters_non_negative" CHECK ("commune_counters"."cccd_issued" >= 0 and "commune_counters"."eid_l2_registered" >= 0 and "commune_counters"."eid_l2_activated" >= 0 and "commune_counters"."people_trained" >= 0 and "commune_counters"."households_visited" >= 0 and "commune_counters"."smartphones_donated" >= 0 and "commune_counters"."eligible" >= 0 and "commune_counters"."villages_total" >= 0 and "commune_counters"."villages_with_team" >= 0 and "commune_counters"."support_staff" >= 0)
);
--> statement-breakpoint
CREATE TABLE "commune_daily" (
	"commune_code" char(5) NOT NULL,
	"day" date NOT NULL,
	"d_cccd_issued" integer DEFAULT 0 NOT NULL,
	"d_eid_l2_registered" integer DEFAULT 0 NOT NULL,
	"d_eid_l2_activated" integer DEFAULT 0 NOT NULL,
	"d_people_trained" integer DEFAULT 0 NOT NULL,
	"d_households_visited" integer DEFAULT 0 NOT NULL,
	"d_smartphones_donated" integer DEFAULT 0 NOT NULL,
	"reports" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "commune_daily_commune_code_day_pk" PRIMARY KEY("commune_code","day")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"content_hash" text NOT NULL,
	"kind" text NOT NULL,
	"mode" text NOT NULL,
	"commune_code" char(5) NOT NULL,
	"village_code" text,
	"as_of" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reporter" text NOT NULL,
	"source" text NOT NULL,
	"payload" jsonb NOT NULL,
	"corrects_id" bigint,
	"applied" boolean DEFAULT true NOT NULL,
	"over_eligible" boolean DEFAULT false NOT NULL,
	"d_cccd_issued" integer DEFAULT 0 NOT NULL,
	"d_eid_l2_registered" integer DEFAULT 0 NOT NULL,
	"d_eid_l2_activated" integer DEFAULT 0 NOT NULL,
	"d_people_trained" integer DEFAULT 0 NOT NULL,
	"d_households_visited" integer DEFAULT 0 NOT NULL,
	"d_smartphones_donated" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "reports_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "reports_kind" CHECK ("reports"."kind" in ('counts', 'team', 'baseline')),
	CONSTRAINT "reports_mode" CHECK ("reports"."mode" in ('increment', 'snapshot', 'correction')),
	CONSTRAINT "reports_source" CHECK ("reports"."source" in ('field', 'csv', 'api', 'demo')),
	CONSTRAINT "reports_village_in_commune" CHECK ("reports"."village_code" is null or left("reports"."village_code", 5) = "reports"."commune_code")
);
--> statement-breakpoint
CREATE TABLE "village_counters" (
	"village_code" text PRIMARY KEY NOT NULL,
	"commune_code" char(5) NOT NULL,
	"cccd_issued" integer DEFAULT 0 NOT NULL,
	"eid_l2_registered" integer DEFAULT 0 NOT NULL,
	"eid_l2_activated" integer DEFAULT 0 NOT NULL,
	"people_trained" integer DEFAULT 0 NOT NULL,
	"households_visited" integer DEFAULT 0 NOT NULL,
	"smartphones_donated" integer DEFAULT 0 NOT NULL,
	"snapshot_as_of" timestamp with time zone,
	"last_report_at" timestamp with time zone,
	CONSTRAINT "village_counters_non_negative" CHECK ("village_counters"."cccd_issued" >= 0 and "village_counters"."eid_l2_registered" >= 0 and "village_counters"."eid_l2_activated" >= 0 and "village_counters"."people_trained" >= 0 and "village_counters"."households_visited" >= 0 and "village_counters"."smartphones_donated" >= 0)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_scopes" (
	"user_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"scope_kind" text NOT NULL,
	"scope_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_scopes_email_unique" UNIQUE("email")
);
--> statement-breakpoint
ALTER TABLE "communes" ADD CONSTRAINT "communes_province_code_provinces_code_fk" FOREIGN KEY ("province_code") REFERENCES "public"."provinces"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "villages" ADD CONSTRAINT "villages_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_baselines" ADD CONSTRAINT "commune_baselines_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_counters" ADD CONSTRAINT "commune_counters_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commune_daily" ADD CONSTRAINT "commune_daily_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_corrects_fk" FOREIGN KEY ("corrects_id") REFERENCES "public"."reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_counters" ADD CONSTRAINT "village_counters_village_code_villages_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."villages"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "village_counters" ADD CONSTRAINT "village_counters_commune_code_communes_code_fk" FOREIGN KEY ("commune_code") REFERENCES "public"."communes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "communes_province_idx" ON "communes" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "villages_commune_idx" ON "villages" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "commune_baselines_commune_idx" ON "commune_baselines" USING btree ("commune_code","as_of");--> statement-breakpoint
CREATE INDEX "teams_commune_idx" ON "teams" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "commune_counters_province_idx" ON "commune_counters" USING btree ("province_code");--> statement-breakpoint
CREATE INDEX "reports_commune_received_idx" ON "reports" USING btree ("commune_code","received_at");--> statement-breakpoint
CREATE INDEX "village_counters_commune_idx" ON "village_counters" USING btree ("commune_code");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");