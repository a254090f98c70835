import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { seededDatabase, testEnv } from "./testing";

/** The database refuses bad rows itself, whatever code writes to it. */
describe(`constraints in ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await seededDatabase();
  });
  afterAll(() => handle.close());

  const insertReport = (key: string, commune = "00082") =>
    handle.db
      .execute(sql`insert into reports (idempotency_key, content_hash, kind, mode, commune_code, as_of, reporter, source, payload)
      values (${key}, 'h', 'counts', 'increment', ${commune}, now(), 'test', 'api', '{}'::jsonb)`);

  /** drizzle wraps driver errors; the database's own message is in the cause */
  const databaseMessage = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).not.toBeNull();
    const cause = (error as { cause?: { message?: string } }).cause;
    return cause?.message ?? String(error);
  };

  it("rejects a negative count", async () => {
    const message = await databaseMessage(
      handle.db.execute(sql`update commune_counters set eid_l2_activated = -1 where commune_code = '00082'`),
    );
    expect(message).toMatch(/commune_counters_non_negative/);
  });

  it("rejects a report for an unknown commune", async () => {
    const message = await databaseMessage(insertReport(randomUUID(), "99999"));
    expect(message).toMatch(/foreign key/);
  });

  it("rejects a duplicate idempotency key", async () => {
    const key = randomUUID();
    await insertReport(key);
    const message = await databaseMessage(insertReport(key));
    expect(message).toMatch(/reports_idempotency_key_unique/);
  });

  it("rejects malformed province and commune codes", async () => {
    expect(
      await databaseMessage(handle.db.execute(sql`insert into provinces values ('1', 'x', 'x', 'x', 'x', 'tinh')`)),
    ).toMatch(/provinces_code_format/);
    expect(
      await databaseMessage(
        handle.db.execute(sql`insert into communes (code, province_code, name, name_en, full_name, full_name_en, kind)
          values ('0082', '01', 'x', 'x', 'x', 'x', 'xa')`),
      ),
    ).toMatch(/communes_code_format/);
  });

  it("rejects a village of another commune on a report", async () => {
    const message = await databaseMessage(
      handle.db
        .execute(sql`insert into reports (idempotency_key, content_hash, kind, mode, commune_code, village_code, as_of, reporter, source, payload)
        values (${randomUUID()}, 'h', 'counts', 'increment', '00082', '02026-001', now(), 'test', 'api', '{}'::jsonb)`),
    );
    expect(message).toMatch(/reports_village_in_commune/);
  });
});
