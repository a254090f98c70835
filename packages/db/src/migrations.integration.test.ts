import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows, type DatabaseHandle } from "./client";
import { emptyDatabase, testEnv } from "./testing";

describe(`migrations on an empty ${testEnv.PULSE_TEST_DB} database`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await emptyDatabase();
  });
  afterAll(() => handle.close());

  it("create every table, and applying them again changes nothing", async () => {
    await handle.migrate();
    await handle.migrate();
    const tables = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      "alert_email_settings",
      "alert_notices",
      "alert_rules",
      "alerts",
      "audit_log",
      "auth_accounts",
      "auth_sessions",
      "auth_users",
      "auth_verifications",
      "campaigns",
      "commune_baselines",
      "commune_counters",
      "commune_daily",
      "communes",
      "deliveries",
      "kiosk_tokens",
      "meta",
      "provinces",
      "reports",
      "subscription_recipients",
      "subscriptions",
      "teams",
      "user_scopes",
      "village_counters",
      "villages",
    ]);
  });
});
