import { randomUUID } from "node:crypto";
import { openDatabase, type DatabaseHandle } from "@pulse/db/client";
import { confirmRecipient, createSubscription, findUserIdByEmail } from "@pulse/db/queries";
import { deliveries } from "@pulse/db/tables";
import { minuteOfDayOf } from "@pulse/indicators";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exited, freePort, startServerProcess, type RunningProcess } from "../testing/child-process";
import { dueNowTime } from "../testing/waits";
import { postgresDatabaseWithAccount } from "../testing/postgres-database";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Server processes as `npm start` runs them, on one Postgres database, with an SMTP server in
 * this process: a report due is sent once however many processes plan it, and once after a
 * restart when it fell due while none ran. Postgres whatever the suite's engine.
 */
describe("scheduled reports with several server processes", () => {
  let database: Awaited<ReturnType<typeof postgresDatabaseWithAccount>> | undefined;
  let handle: DatabaseHandle | undefined;
  let smtp: SmtpSink;
  let env: Record<string, string> = {};
  let ownerId = "";
  const servers: RunningProcess[] = [];
  const account = { email: "tinh@ha-noi.test", role: "province", scope: { kind: "province", code: "01" } } as const;

  const startServer = async () => servers.push(await startServerProcess(await freePort(), env));
  /** A daily report of Ha Noi due this minute, to one confirmed address. */
  const subscribeDueNow = async (email: string) => {
    const db = (handle as DatabaseHandle).db;
    const recipientId = randomUUID();
    const { subscription } = await createSubscription(db, {
      id: randomUUID(),
      ownerId,
      scope: account.scope,
      campaignId: null,
      cadence: "daily",
      weekday: null,
      minuteOfDay: minuteOfDayOf(await dueNowTime()),
      lang: "vi",
      recipients: [{ id: recipientId, email }],
    });
    await confirmRecipient(db, { recipientId, at: new Date() });
    return subscription.id;
  };
  const deliveriesOf = (subscriptionId: string) =>
    (handle as DatabaseHandle).db.select().from(deliveries).where(eq(deliveries.subscriptionId, subscriptionId));
  const received = (email: string) =>
    smtp.messages.filter((m) => m.to && "text" in m.to && m.to.text === email && m.subject?.includes("Báo cáo"));

  beforeAll(async () => {
    database = await postgresDatabaseWithAccount("pulse_mail", account);
    handle = await openDatabase({ url: database.url, maxConnections: 2 });
    ownerId = (await findUserIdByEmail(handle.db, account.email)) ?? "";
    smtp = await startSmtpSink();
    env = {
      DATABASE_URL: database.url,
      PULSE_DEMO: "false",
      SMTP_URL: smtp.url,
      DELIVERY_PLAN_SECONDS: "1",
      DELIVERY_RETRY_DELAY_SECONDS: "1",
      DELIVERY_LEASE_SECONDS: "10",
    };
    await startServer();
    await startServer();
  }, 240_000);

  afterAll(async () => {
    for (const server of servers) if (server.exitCode === null) server.kill("SIGKILL");
    await Promise.all(servers.map(exited));
    await smtp?.close();
    await handle?.close();
    await database?.drop();
  });

  it("two processes, one report due now: delivered exactly once", async () => {
    const id = await subscribeDueNow("hai.tien.trinh@xa.test");
    await smtp.waitFor(1, 60_000);
    // both planners look every second: give them several more looks
    await pause(4_000);
    expect(received("hai.tien.trinh@xa.test")).toHaveLength(1);
    expect(await deliveriesOf(id)).toMatchObject([{ status: "sent", attempts: 1 }]);
  }, 90_000);

  it("a report falls due while every process is down: delivered once when one is back", async () => {
    for (const server of servers) server.kill("SIGKILL");
    await Promise.all(servers.map(exited));
    const id = await subscribeDueNow("sau.khoi.dong@xa.test");
    await pause(1_500);
    expect(received("sau.khoi.dong@xa.test")).toHaveLength(0);

    await startServer();
    const deadline = Date.now() + 60_000;
    while (received("sau.khoi.dong@xa.test").length === 0 && Date.now() < deadline) await pause(100);
    await startServer();
    await pause(4_000);
    expect(received("sau.khoi.dong@xa.test")).toHaveLength(1);
    expect(await deliveriesOf(id)).toMatchObject([{ status: "sent", attempts: 1 }]);
    // and the report sent before the restart is not sent again
    expect(received("hai.tien.trinh@xa.test")).toHaveLength(1);
  }, 240_000);
});
