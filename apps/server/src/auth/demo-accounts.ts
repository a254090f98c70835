import type { Database } from "@pulse/db/client";
import { findUserIdByEmail } from "@pulse/db/queries";
import { scopeKey, type Account } from "@pulse/schema";
import type { Auth } from "./auth";
import { createUser } from "./users";

/** The demo's shared password (the README lists it); never used outside demo mode. */
export const DEMO_PASSWORD = "pulse-demo-2026";

/** One account per role, over the demo's showcased units. */
export const DEMO_ACCOUNTS: Account[] = [
  { email: "admin@pulse.demo", name: "Quản trị toàn quốc", role: "admin", scope: { kind: "nation" } },
  {
    email: "hanoi@pulse.demo",
    name: "Ban chỉ đạo TP Hà Nội",
    role: "province",
    scope: { kind: "province", code: "01" },
  },
  {
    email: "laichau@pulse.demo",
    name: "Ban chỉ đạo tỉnh Lai Châu",
    role: "province",
    scope: { kind: "province", code: "12" },
  },
  {
    email: "cuanam@pulse.demo",
    name: "UBND phường Cửa Nam",
    role: "commune",
    scope: { kind: "commune", code: "00082" },
  },
  {
    email: "totruong.cuanam@pulse.demo",
    name: "Tổ công nghệ số cộng đồng, Cửa Nam",
    role: "reporter",
    scope: { kind: "commune", code: "00082" },
  },
  {
    email: "xem.hanoi@pulse.demo",
    name: "Theo dõi TP Hà Nội",
    role: "viewer",
    scope: { kind: "province", code: "01" },
  },
];

/** Creates the demo accounts that do not exist yet. */
export async function ensureDemoAccounts(auth: Auth, db: Database): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (!(await findUserIdByEmail(db, account.email)))
      await createUser(auth, db, { ...account, password: DEMO_PASSWORD }, "demo");
  }
}

/** The demo accounts as an aligned table for a terminal. */
export function demoAccountsTable(): string {
  const rows = [["email", "role", "scope"], ...DEMO_ACCOUNTS.map((a) => [a.email, a.role, scopeKey(a.scope)])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]?.length ?? 0)));
  const line = (row: string[]) => "  " + row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ");
  return [
    "",
    `  Demo accounts — password for all: ${DEMO_PASSWORD}`,
    "",
    line(rows[0] ?? []),
    line(widths.map((w) => "─".repeat(w))),
    ...rows.slice(1).map(line),
    "",
  ].join("\n");
}
