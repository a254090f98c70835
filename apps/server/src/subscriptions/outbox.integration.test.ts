import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseHandle } from "@pulse/db/client";
import { seededDatabase, testEnv } from "@pulse/db/testing";
import type { Principal } from "@pulse/api";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, contextFor } from "../services";
import { startTestApp, TEST_WEB_ORIGIN, type TestApp } from "../testing/test-app";
import { dueNowTime, readUntil } from "../testing/waits";

/** Without SMTP_URL (the demo): every message is an .eml file in a folder, listed and opened from the page. */
describe(`the outbox of scheduled reports, on ${testEnv.PULSE_TEST_DB}`, () => {
  let handle: DatabaseHandle;
  let server: TestApp;
  let outboxDir = "";
  let owner: { token: string; principal: Principal };
  let otherToken = "";

  const outbox = (file: string, token: string) =>
    fetch(`${server.url}/api/v1/outbox?file=${encodeURIComponent(file)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  const listed = async () =>
    (await callerFor(contextFor(server.app.services, owner.principal, null)).subscriptions.list())[0];

  beforeAll(async () => {
    handle = await seededDatabase();
    outboxDir = await mkdtemp(join(tmpdir(), "pulse-outbox-"));
    server = await startTestApp(handle, {}, undefined, undefined, {
      mail: { outboxDir, from: "Commune Pulse <pulse@test>" },
      planEveryMs: 200,
      retryLimit: 1,
      retryDelaySeconds: 1,
      leaseSeconds: 30,
    });
    const account = { email: "xa@cua-nam.test", role: "commune", scope: { kind: "commune", code: "00082" } } as const;
    const { token, userId } = await server.signedIn(account);
    owner = {
      token,
      principal: {
        kind: "user",
        userId,
        sessionId: "t",
        email: account.email,
        name: "",
        role: "commune",
        scope: account.scope,
      },
    };
    otherToken = (
      await server.signedIn({ email: "khac@xa.test", role: "commune", scope: { kind: "commune", code: "00082" } })
    ).token;
  });
  afterAll(async () => {
    await server.close();
    await handle.close();
    await rm(outboxDir, { recursive: true, force: true });
  });

  it("writes the confirmation and the report as .eml files its owner opens, and no one else", async () => {
    await callerFor(contextFor(server.app.services, owner.principal, null)).subscriptions.create({
      scope: { kind: "commune", code: "00082" },
      cadence: "daily",
      time: await dueNowTime(),
      lang: "vi",
      addresses: ["chu.tich@cua-nam.test"],
    });
    const pending = await readUntil(listed, (s) => Boolean(s?.recipients[0]?.confirmationFile));
    const file = pending?.recipients[0]?.confirmationFile ?? "";
    expect(await readdir(outboxDir)).toEqual([file]);

    const response = await outbox(file, owner.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("message/rfc822");
    const confirmation = await simpleParser(Buffer.from(await response.arrayBuffer()));
    expect(confirmation.subject).toBe("[Commune Pulse] Xác nhận nhận báo cáo: Phường Cửa Nam");
    expect((await outbox(file, otherToken)).status).toBe(404);
    expect((await outbox("../../etc/passwd", owner.token)).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/outbox?file=${file}`)).status).toBe(401);

    const link = confirmation.text?.match(/http\S+\/confirm\?\S+/)?.[0] ?? "";
    expect((await fetch(link.replace(TEST_WEB_ORIGIN, server.url))).status).toBe(200);
    const sent = await readUntil(listed, (s) => s?.deliveries[0]?.status === "sent");
    const reportFile = sent?.deliveries[0]?.outboxFile ?? "";
    const report = await simpleParser(Buffer.from(await (await outbox(reportFile, owner.token)).arrayBuffer()));
    expect(report.subject).toMatch(/^\[Commune Pulse\] Báo cáo hằng ngày: Phường Cửa Nam, ngày /);
    expect(report.attachments[0]?.contentType).toBe("application/pdf");
    expect((await readdir(outboxDir)).sort()).toEqual([file, reportFile].sort());
  });
});
