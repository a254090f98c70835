import { queryRows, type DatabaseHandle } from "@pulse/db/client";
import { countsReport, seededDatabase, testEnv } from "@pulse/db/testing";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

const FIELDS = ["idempotencyKey", "communeCode", "villageCode", "asOf", "reporter", "source", "mode", "counters"];

/** Text a person or a broken system might send: control characters, odd Unicode, long runs. */
const nastyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "Tổ\u0000 3", "\u0007", "\ud800", "\u202e", "‮tổ", "x".repeat(5_000), " ", "NaN", "1e400"),
  fc.string({ unit: fc.constantFrom("\u0000", "\u001f", "\u007f", "\u0085", "a", "ư"), maxLength: 20 }),
);

/** Any JSON value, with the nesting, prototype keys and numbers that break parsers. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  // the field left out
  fc.constant(undefined),
  nastyText,
  fc.constantFrom(-1, 1.5, 1e308, -0, 2 ** 53 + 1, 10_000_001, true, null, [], {}),
  fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}')),
  fc.integer({ min: 1, max: 200 }).map((depth) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i++) value = { eidL2Activated: value };
    return value;
  }),
);

/** A valid report with one or more fields replaced, removed or added. */
const mutatedBody = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...FIELDS, "__proto__", "constructor", "citizenName", "counters.eidL2Activated"), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.array(nastyValue, { minLength: 3, maxLength: 3 }),
    fc.constantFrom("single", "array", "wrapped", "raw"),
  )
  .map(([fields, values, shape]) => {
    const body: Record<string, unknown> = { ...countsReport({ counters: { eidL2Activated: 1 } }) };
    fields.forEach((field, i) => {
      const value = values[i];
      if (field === "counters.eidL2Activated") body.counters = { eidL2Activated: value };
      else if (value === undefined) Reflect.deleteProperty(body, field);
      else Object.defineProperty(body, field, { value, enumerable: true, configurable: true, writable: true });
    });
    if (shape === "array") return JSON.stringify([body]);
    if (shape === "wrapped") return JSON.stringify({ reports: body });
    if (shape === "raw") return JSON.stringify(values[0]);
    return JSON.stringify(body);
  });

describe(`malformed report bodies on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let token = "";
  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle, { ingestPerMinute: 1_000_000 });
    ({ token } = await server.signedIn({ email: "admin@fuzz.test", role: "admin", scope: { kind: "nation" } }));
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const ledgerSize = async () =>
    (await queryRows<{ n: number }>(handle.db, sql`select count(*)::int as n from reports`))[0]?.n ?? Number.NaN;
  const post = (path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body,
    });

  it("never answers 5xx, and writes nothing for what it refuses (HTTP and tRPC)", async () => {
    const seen = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(mutatedBody, fc.boolean(), async (body, viaTrpc) => {
        const before = await ledgerSize();
        const response = viaTrpc
          ? await post("/trpc/reports.submit", `{"json":${body}}`)
          : await post("/api/v1/reports", body);
        seen.set(response.status, (seen.get(response.status) ?? 0) + 1);
        const text = await response.text();
        expect(response.status, text).toBeLessThan(500);
        // Never our internals (the SQL of a failed query) in an answer.
        expect(text).not.toMatch(/Failed query|insert into|jsonb_to_recordset/);
        if (response.status !== 200) {
          expect(await ledgerSize()).toBe(before);
          // Every refusal says why in both languages.
          expect(text).toMatch(/"vi"|"message"/);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches refusals of several kinds, not one failure over and over.
    expect([...seen.keys()].filter((status) => status >= 400).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
