import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
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
    server = await startTestApp(handle, {}, { threads: 1, maxQueue: 2 });
    ({ token } = await server.signedIn({ email: "admin@queue.test", role: "admin", scope: { kind: "nation" } }));
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const exportPdf = (query: string) =>
    fetch(`${server.url}/api/v1/export.pdf?${query}`, { headers: { authorization: `Bearer ${token}` } });

  const placeOf = async (ticket: string) => {
    const response = await fetch(`${server.url}/api/v1/export-queue?ticket=${ticket}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as { state: string; place?: number } };
  };
  /** asks where `ticket` stands until it is `state` (and `place`), for at most 20 s */
  const until = async (ticket: string, expected: { state: string; place?: number }) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { body } = await placeOf(ticket);
      if ((body.state === expected.state && body.place === expected.place) || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it("tells a page where its export stands: rendering, waiting with its place, then done; answers 503 with Retry-After (vi and en) past the queue", async () => {
    const tickets = { annex: randomUUID(), commune: randomUUID(), province: randomUUID() };
    const annex = exportPdf(`scope=nation&annex=communes&ticket=${tickets.annex}`);
    expect(await until(tickets.annex, { state: "rendering" })).toEqual({ state: "rendering" });
    // two different reports behind it (identical ones would share one render): first and second in line
    const commune = exportPdf(`scope=commune:00082&ticket=${tickets.commune}`);
    expect(await until(tickets.commune, { state: "waiting", place: 1 })).toEqual({ state: "waiting", place: 1 });
    const province = exportPdf(`scope=province:12&ticket=${tickets.province}`);
    expect(await until(tickets.province, { state: "waiting", place: 2 })).toEqual({ state: "waiting", place: 2 });
    // the queue is full: a third different one is refused
    const refused = await exportPdf("scope=commune:02026");
    const statuses = [(await annex).status, (await commune).status, (await province).status, refused.status];
    expect(statuses).toEqual([200, 200, 200, 503]);
    expect(await placeOf(tickets.province)).toEqual({ status: 200, body: { state: "unknown" } });
    const others = [refused];
    for (const refused of others.filter((r) => r.status === 503)) {
      expect(refused.headers.get("retry-after")).toBe("5");
      const body = (await refused.json()) as { error: { vi: string; en: string } };
      expect(body.error.vi).toContain("thử lại");
      expect(body.error.en).toContain("retry");
    }
    const first = await annex;
    expect(new TextDecoder().decode((await first.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("refuses a malformed ticket by name, and a caller without a session", async () => {
    const bad = await fetch(`${server.url}/api/v1/export-queue?ticket=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { fieldErrors: { field: string; vi: string; en: string }[] } };
    expect(body.error.fieldErrors.map((f) => f.field)).toEqual(["ticket"]);
    expect((await fetch(`${server.url}/api/v1/export-queue?ticket=${randomUUID()}`)).status).toBe(401);
  });

  it("renders at the lowest priority: the render thread's nice value is 19, the server's own thread's 0", () => {
    const niceOf = (task: string) =>
      Number(readFileSync(`/proc/self/task/${task}/stat`, "utf8").split(") ")[1]?.split(" ")[16]);
    const nice = readdirSync("/proc/self/task").map(niceOf);
    expect(niceOf(String(process.pid))).toBe(0);
    expect(nice).toContain(19);
  });
});
