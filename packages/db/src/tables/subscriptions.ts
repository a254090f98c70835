import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";
import { campaigns } from "./campaign";

/**
 * A user's standing order for the report of a unit in their scope: daily at a time, or weekly on
 * a day at a time (Viet Nam time), in one language, to the addresses listed with it.
 */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: text().primaryKey(),
    ownerId: text()
      .notNull()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    scopeKind: text().notNull(),
    scopeCode: text(),
    /** null: the scope's current campaign at each delivery */
    campaignId: text().references(() => campaigns.id, { onDelete: "cascade" }),
    cadence: text().notNull(),
    /** ISO day of the week (1 Monday … 7 Sunday), weekly only */
    weekday: smallint(),
    /** minutes after midnight, Viet Nam time */
    minuteOfDay: smallint().notNull(),
    lang: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("subscriptions_owner_idx").on(t.ownerId),
    check(
      "subscriptions_cadence",
      sql`(cadence = 'daily' and weekday is null) or (cadence = 'weekly' and weekday between 1 and 7)`,
    ),
    check("subscriptions_minute", sql`minute_of_day between 0 and 1439`),
    check("subscriptions_lang", sql`lang in ('vi', 'en')`),
  ],
);

/** An address a subscription goes to: nothing is sent to it but the confirmation until it is confirmed. */
export const subscriptionRecipients = pgTable(
  "subscription_recipients",
  {
    id: text().primaryKey(),
    subscriptionId: text()
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    email: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** when the confirmation message was accepted by the mail server (or written to the outbox) */
    confirmationSentAt: timestamp({ withTimezone: true }),
    /** the .eml file the confirmation was written to, when no SMTP server is set */
    confirmationFile: text(),
    confirmedAt: timestamp({ withTimezone: true }),
    unsubscribedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("subscription_recipients_address_idx").on(t.subscriptionId, t.email)],
);

/**
 * One message of one scheduled report to one address. The unique (recipient, slot) is what makes
 * a delivery happen once however many processes plan it; its status is what the page shows.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: text().primaryKey(),
    subscriptionId: text()
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    recipientId: text()
      .notNull()
      .references(() => subscriptionRecipients.id, { onDelete: "cascade" }),
    /** the scheduled time this message is for */
    slotAt: timestamp({ withTimezone: true }).notNull(),
    /** pending → sending → sent; retrying between tries; failed after the last; skipped when no longer allowed */
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** a process sending it holds it until then; past it, a process that died is taken over */
    leaseUntil: timestamp({ withTimezone: true }),
    /** the mail server's words after a failed try; when skipped, why (a key of `subscriptions.skipReasons`) */
    lastError: text(),
    sentAt: timestamp({ withTimezone: true }),
    /** the .eml file it was written to, when no SMTP server is set */
    outboxFile: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_slot_idx").on(t.recipientId, t.slotAt),
    index("deliveries_subscription_idx").on(t.subscriptionId, t.slotAt),
    check("deliveries_status", sql`status in ('pending', 'sending', 'retrying', 'sent', 'failed', 'skipped')`),
  ],
);
