import { request } from "node:http";
import type { DatabaseHandle } from "@pulse/db/client";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from "../testing/test-app";

const IMPORT_LIMIT = 256 * 1024;

interface Answer {
  status: number;
  body: string;
}

/**
 * Sends `bytes` of body in 16 KB chunks, chunked (no Content-Length) or declared, and reads the
 * answer: a client that only sees a reset connection would retry forever.
 */
function send(url: string, bytes: number, headers: Record<string, string>, declared: boolean): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { ...headers, ...(declared ? { "content-length": String(bytes) } : {}) },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    const chunk = Buffer.alloc(16 * 1024, "a");
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

describe(`bodies over the limit on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let token = "";
  beforeAll(async () => {
    handle = await seededDatabase();
    server = await startTestApp(handle, {}, undefined, IMPORT_LIMIT);
    ({ token } = await server.signedIn({ email: "admin@body.test", role: "admin", scope: { kind: "nation" } }));
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
  });

  const routes = () => [
    { path: "/api/v1/reports", type: "application/json", bytes: 2 * 1024 * 1024, vi: /quá 1 MB/ },
    { path: "/trpc/reports.submit", type: "application/json", bytes: 2 * 1024 * 1024, vi: null },
    { path: "/api/auth/sign-in/email", type: "application/json", bytes: 256 * 1024, vi: /quá 64 KB/ },
    { path: "/api/v1/imports", type: "text/csv", bytes: 1024 * 1024, vi: /Tệp lớn hơn 256 KB/ },
  ];

  for (const declared of [false, true]) {
    it(`answers 413 on every body-reading route, ${declared ? "with" : "without"} Content-Length`, async () => {
      const answers = [];
      for (const route of routes()) {
        const answer = await send(
          `${server.url}${route.path}`,
          route.bytes,
          { "content-type": route.type, authorization: `Bearer ${token}`, origin: TEST_WEB_ORIGIN },
          declared,
        ).catch((error: Error) => ({ status: error.message, body: "" }));
        answers.push({ path: route.path, status: answer.status, named: route.vi ? route.vi.test(answer.body) : true });
      }
      expect(answers).toEqual(routes().map(({ path }) => ({ path, status: 413, named: true })));
    });
  }

  it("still answers on the same server afterwards", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
