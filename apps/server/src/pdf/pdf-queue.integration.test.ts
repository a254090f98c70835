import type { DatabaseHandle } from "@pulse/db/client";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/test-app";

describe(`PDF exports beyond the render queue, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let token = "";

  beforeAll(async () => {
    handle = await seededDatabase();
    // one thread, one waiting: a third export at once is refused
    server = await startTestApp(handle, {}, { threads: 1, maxQueue: 1 });
    ({ token } = await server.signedIn({ email: "admin@queue.test", role: "admin", scope: { kind: "nation" } }));
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const exportPdf = (query: string) =>
    fetch(`${server.url}/api/v1/export.pdf?${query}`, { headers: { authorization: `Bearer ${token}` } });

  it("answers 503 with Retry-After (vi and en) when the queue is full, and renders what it accepted", async () => {
    const annex = exportPdf("scope=nation&annex=communes");
    // the annex has its figures and is rendering (seconds) before the others arrive
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // three different reports (identical ones would share one render)
    const scopes = ["commune:00082", "commune:02026", "province:12"];
    const others = await Promise.all(scopes.map((scope) => exportPdf(`scope=${scope}`)));
    const statuses = others.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 503, 503]);
    for (const refused of others.filter((r) => r.status === 503)) {
      expect(refused.headers.get("retry-after")).toBe("5");
      const body = (await refused.json()) as { error: { vi: string; en: string } };
      expect(body.error.vi).toContain("thử lại");
      expect(body.error.en).toContain("retry");
    }
    const first = await annex;
    expect(first.status).toBe(200);
    expect(new TextDecoder().decode((await first.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });
});
