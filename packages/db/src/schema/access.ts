import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who may see and do what. Roles: admin (nation), province, commune, reporter, viewer;
 * the scope covers everything below it. Sign-in itself comes with the access-control issue.
 */
export const userScopes = pgTable("user_scopes", {
  userId: text().primaryKey(),
  email: text().notNull().unique(),
  role: text().notNull(),
  /** nation, province or commune */
  scopeKind: text().notNull(),
  scopeCode: text(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** Append-only record of sign-ins, token changes, user changes, imports and corrections. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actor: text().notNull(),
    action: text().notNull(),
    target: text(),
    details: jsonb(),
  },
  (t) => [index("audit_log_at_idx").on(t.at)],
);

/** Small facts about the database itself, such as when and how it was seeded. */
export const meta = pgTable("meta", {
  key: text().primaryKey(),
  value: jsonb().notNull(),
});
