import { sql } from "drizzle-orm";
import { bigserial, check, index, jsonb, pgTable, smallint, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { authUsers } from "./auth";

const scopeKindCheck = (kind: string, code: string) =>
  sql.raw(
    `(${kind} = 'nation' and ${code} is null) or (${kind} = 'province' and ${code} ~ '^[0-9]{2}$') or (${kind} = 'commune' and ${code} ~ '^[0-9]{5}$')`,
  );

/**
 * What a signed-in user may see and do. Roles: admin (nation), province, commune, reporter,
 * viewer; the scope covers everything below it.
 */
export const userScopes = pgTable(
  "user_scopes",
  {
    userId: text()
      .primaryKey()
      .references(() => authUsers.id, { onDelete: "cascade" }),
    role: text().notNull(),
    /** nation, province or commune */
    scopeKind: text().notNull(),
    scopeCode: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  () => [
    check("user_scopes_role", sql`role in ('admin', 'province', 'commune', 'reporter', 'viewer')`),
    check("user_scopes_scope", scopeKindCheck("scope_kind", "scope_code")),
  ],
);

/**
 * Read-only access for a wall screen. Only the SHA-256 of the secret is kept. A screen that
 * asked to be paired holds a token with a pairing code and no scope yet; a user's pairing gives
 * it name and scope.
 */
export const kioskTokens = pgTable(
  "kiosk_tokens",
  {
    id: text().primaryKey(),
    tokenHash: text().notNull().unique(),
    name: text(),
    scopeKind: text(),
    scopeCode: text(),
    pairingCode: text(),
    pairingExpiresAt: timestamp({ withTimezone: true }),
    /** the user who created or paired it */
    createdBy: text().references(() => authUsers.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    /** a screen's last sign of life with this token: its connection, then each status it reports */
    lastSeenAt: timestamp({ withTimezone: true }),
    /** when the last screen with this token went away (it is dark if this is after lastSeenAt) */
    disconnectedAt: timestamp({ withTimezone: true }),
    /** the app version the screen runs, and the page it shows, as it last reported them */
    appVersion: text(),
    showing: text(),
    /** this screen's own on-hours (minutes after midnight, Viet Nam); null: its campaign's */
    onHoursStart: smallint(),
    onHoursEnd: smallint(),
  },
  (t) => [
    uniqueIndex("kiosk_tokens_pairing_code_idx").on(t.pairingCode),
    check(
      "kiosk_tokens_on_hours",
      sql`(on_hours_start is null and on_hours_end is null) or (on_hours_start between 0 and 1439 and on_hours_end between 1 and 1440 and on_hours_start < on_hours_end)`,
    ),
    check(
      "kiosk_tokens_scope",
      sql`(scope_kind is null and scope_code is null) or (${scopeKindCheck("scope_kind", "scope_code")})`,
    ),
  ],
);

/** Append-only record of sign-ins, token changes, user changes, imports and corrections. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** "user:<email>", "kiosk:<id>", "cli", or "anonymous" */
    actor: text().notNull(),
    action: text().notNull(),
    target: text(),
    ip: text(),
    details: jsonb(),
  },
  (t) => [index("audit_log_at_idx").on(t.at), index("audit_log_action_idx").on(t.action, t.at)],
);

/** Small facts about the database itself, such as when and how it was seeded. */
export const meta = pgTable("meta", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
});
