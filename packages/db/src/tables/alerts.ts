import { sql } from "drizzle-orm";
import {
  bigserial,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { campaigns } from "./campaign";

/** What raises an alert, per campaign; a campaign without a row uses the defaults (`DEFAULT_ALERT_RULES`). */
export const alertRules = pgTable(
  "alert_rules",
  {
    campaignId: text()
      .primaryKey()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    /** a commune with no report for this long while its campaign runs */
    silentMinutes: integer().notNull(),
    /** a commune whose pace turns to "behind" */
    paceBehind: boolean().notNull().default(true),
    /** a wall screen dark for longer than this inside its on-hours */
    screenDarkMinutes: integer().notNull(),
    /** the screens' on-hours, minutes after midnight in Viet Nam */
    onHoursStart: smallint().notNull(),
    onHoursEnd: smallint().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: text().references(() => authUsers.id, { onDelete: "set null" }),
  },
  () => [
    check("alert_rules_positive", sql`silent_minutes > 0 and screen_dark_minutes > 0`),
    check(
      "alert_rules_hours",
      sql`on_hours_start between 0 and 1439 and on_hours_end between 1 and 1440 and on_hours_start < on_hours_end`,
    ),
  ],
);

/**
 * A condition that started (raised) and, later, ended (resolved): at most one open per rule and
 * subject, so however many processes check, it is raised once and resolved once.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    /** silent or behind (a commune), screenDark (a kiosk token's screen) */
    kind: text().notNull(),
    /** "commune:00082" or "kiosk:<token id>" */
    subject: text().notNull(),
    /** the commune, or the screen's scope: whose users are told */
    scopeKind: text().notNull(),
    scopeCode: text(),
    /** the commune's province (for a province's users), when there is one */
    provinceCode: text(),
    campaignId: text().references(() => campaigns.id, { onDelete: "set null" }),
    raisedAt: timestamp({ withTimezone: true }).notNull(),
    resolvedAt: timestamp({ withTimezone: true }),
    /** what the condition was when raised: the last report, the screen's name, the threshold */
    details: jsonb().notNull(),
    /** the last-report time or dark-since time it was raised for (to show "since") */
    since: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alerts_open_idx")
      .on(t.kind, t.subject)
      .where(sql`resolved_at is null`),
    index("alerts_raised_idx").on(t.raisedAt),
    check("alerts_kind", sql`kind in ('silent', 'behind', 'screenDark')`),
  ],
);

/** Who was told of an alert raised or resolved, when, and how; read when they opened it. */
export const alertNotices = pgTable(
  "alert_notices",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    alertId: bigint({ mode: "number" })
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    event: text().notNull(),
    channel: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
    /** an email notice: when the message that told it went out (null while it waits) */
    sentAt: timestamp({ withTimezone: true }),
    /** an email notice being sent by a process until then, or waiting to be tried again until then */
    claimedUntil: timestamp({ withTimezone: true }),
    /** an email notice: how many times a message with it was tried */
    sendAttempts: smallint().notNull().default(0),
    /** an email notice whose last try failed: the mail server's answer (it is not tried again) */
    sendError: text(),
  },
  (t) => [
    uniqueIndex("alert_notices_once_idx").on(t.alertId, t.userId, t.event, t.channel),
    index("alert_notices_user_idx").on(t.userId, t.at),
    index("alert_notices_unsent_idx")
      .on(t.userId, t.at)
      .where(sql`channel = 'email' and sent_at is null and send_error is null`),
    check("alert_notices_event", sql`event in ('raised', 'resolved')`),
    check("alert_notices_channel", sql`channel in ('app', 'email')`),
  ],
);

/** How a user wants alerts by email: not at all (the default), at once, or one digest a day at a time of their choosing. */
export const alertEmailSettings = pgTable(
  "alert_email_settings",
  {
    userId: text()
      .primaryKey()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    mode: text().notNull(),
    /** the digest's time, minutes after midnight in Viet Nam */
    minuteOfDay: smallint().notNull(),
    lang: text().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  () => [
    check("alert_email_mode", sql`mode in ('off', 'immediate', 'digest')`),
    check("alert_email_minute", sql`minute_of_day between 0 and 1439`),
    check("alert_email_lang", sql`lang in ('vi', 'en')`),
  ],
);
