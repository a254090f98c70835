import { queryRows, type DatabaseHandle } from "@pulse/db/client";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

describe(`identical PDF exports share one render, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  const tokens = { admin: "", hanoi: "" };

  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle, {}, { threads: 1, maxQueue: 8, reuseSeconds: 60 });
    tokens.admin = (await server.signedIn({ email: "a@shared.test", role: "admin", scope: { kind: "nation" } })).token;
    const hanoi = { kind: "province", code: "01" } as const;
    tokens.hanoi = (await server.signedIn({ email: "hn@shared.test", role: "province", scope: hanoi })).token;
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const exportPdf = async (query: string, who: keyof typeof tokens) => {
    const response = await fetch(`${server.url}/api/v1/export.pdf?${query}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    expect(response.status).toBe(200);
    const shared = (response.headers.get("server-timing") ?? "").includes("shared");
    return { bytes: Buffer.from(await response.arrayBuffer()), shared };
  };

  it("renders a report asked for by several people at once once, gives all the same file, and audits each", async () => {
    const asked = await Promise.all([
      exportPdf("scope=province:01", "admin"),
      exportPdf("scope=province:01", "hanoi"),
      exportPdf("scope=province:01", "hanoi"),
    ]);
    expect(asked.map((a) => a.shared).sort()).toEqual([false, true, true]);
    expect(asked[1]?.bytes.equals(asked[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect(asked[2]?.bytes.equals(asked[0]?.bytes ?? Buffer.alloc(0))).toBe(true);
    const audited = await queryRows<{ actor: string; shared: boolean }>(
      handle.db,
      sql`select actor, (details->>'shared')::boolean as shared from audit_log
          where action = 'export.pdf' and target = 'province:01' order by id`,
    );
    expect(audited.map((a) => a.actor).sort()).toEqual([
      "user:a@shared.test",
      "user:hn@shared.test",
      "user:hn@shared.test",
    ]);
    expect(audited.filter((a) => !a.shared)).toHaveLength(1);

    // asked again within the reuse time: the same file, no new render
    expect((await exportPdf("scope=province:01", "hanoi")).shared).toBe(true);
  });

  it("renders another language or annex as another report", async () => {
    const vi = await exportPdf("scope=nation", "admin");
    const en = await exportPdf("scope=nation&lang=en", "admin");
    expect(en.shared).toBe(false);
    expect(en.bytes.equals(vi.bytes)).toBe(false);
    expect((await exportPdf("scope=nation&annex=communes", "admin")).shared).toBe(false);
  });

  it("answers a person asking again and again 429 with Retry-After, in vi and en", async () => {
    const strict = await startTestApp(handle, { exportsPerMinute: 2 });
    try {
      const { token } = await strict.signedIn({ email: "x@shared.test", role: "admin", scope: { kind: "nation" } });
      const ask = () =>
        fetch(`${strict.url}/api/v1/export.pdf?scope=commune:00082`, { headers: { authorization: `Bearer ${token}` } });
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await ask();
        statuses.push(response.status);
        if (response.status === 429) {
          expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
          const { error } = (await response.json()) as { error: { vi: string; en: string } };
          expect([error.vi.length > 0, error.en.length > 0, error.vi !== error.en]).toEqual([true, true, true]);
        } else await response.arrayBuffer();
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await strict.close();
    }
  });
});
