import { randomUUID } from "node:crypto";
import type { DeliveryRequests } from "@pulse/api";
import type { DatabaseHandle } from "@pulse/db/client";
import { listReceivingRecipients, listWaitingAlertEmails, planDeliveries } from "@pulse/db/queries";
import { dueSlot, latestSlot } from "@pulse/indicators";
import type PgBoss from "pg-boss";
import { runAlertEmailJob } from "../alerts/alert-email";
import type { Services } from "../services";
import { openJobQueue, QUEUES, type RetrySettings } from "./job-queue";
import type { RecipientLinks } from "./links";
import { createMailer, type MailerSettings } from "./mailer";
import type { DeliveryTools } from "./report-delivery";
import { runConfirmationJob, runReportJob } from "./delivery-workers";

export interface DeliverySettings extends RetrySettings {
  /** where the job queue lives: the product's database */
  database: DatabaseHandle;
  mail: MailerSettings;
  /** how often each process looks for reports due (each is recorded once, whoever looks) */
  planEveryMs: number;
}

export interface Deliveries {
  requests: DeliveryRequests;
  outboxDir: string;
  /** opens the queue and starts this process's workers and planner */
  start(services: Services): Promise<void>;
  /** records the reports due at `at` (now) and queues them, with the alert emails due (the planner's tick, on demand) */
  planNow(at?: Date): Promise<void>;
  stop(): Promise<void>;
}

const WORK_OPTIONS = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: 1 };

/**
 * Scheduled reports by email. Every process plans: the deliveries due are rows with a unique
 * (address, slot), so a report is recorded once however many processes look, and one missed
 * while all were down is recorded when the first comes back. Each is sent through pg-boss
 * (retried with growing delays), claimed in our table first, so it goes out once.
 */
export function createDeliveries(settings: DeliverySettings, links: RecipientLinks): Deliveries {
  const mailer = createMailer(settings.mail);
  let boss: PgBoss | null = null;
  let tools: DeliveryTools | null = null;
  let timer: NodeJS.Timeout | null = null;
  let planning: Promise<void> | null = null;

  const queue = () => {
    if (!boss) throw new Error("the delivery queue is not started");
    return boss;
  };

  /** A message for each user whose alert notices are due: at once, or those up to their digest's latest time. */
  async function planAlertEmails(services: Services, now: Date): Promise<void> {
    for (const waiting of await listWaitingAlertEmails(services.db, now)) {
      const upTo =
        waiting.mode === "digest"
          ? latestSlot({ cadence: "daily", weekday: null, minuteOfDay: waiting.minuteOfDay }, now)
          : null;
      if (upTo && waiting.oldestAt > upTo) continue;
      const data = { userId: waiting.userId, upTo: upTo?.toISOString() ?? null };
      await queue().send(QUEUES.alertEmail, data, { singletonKey: waiting.userId });
    }
  }

  async function plan(services: Services, now: Date): Promise<void> {
    const due = (await listReceivingRecipients(services.db)).flatMap(({ recipientId, subscription }) => {
      const slotAt = dueSlot(subscription, now);
      return slotAt ? [{ id: randomUUID(), subscriptionId: subscription.id, recipientId, slotAt }] : [];
    });
    for (const id of await planDeliveries(services.db, { due, now }))
      await queue().send(QUEUES.report, { deliveryId: id }, { singletonKey: id });
    await planAlertEmails(services, now);
  }

  /** Plans at `at` after the tick under way, if any: an explicit call (a check that told users by email, a test) is never dropped. */
  const planNow = (at = new Date()): Promise<void> => {
    if (!tools) return Promise.resolve();
    const services = tools.services;
    // a failed tick (the database away) is retried at the next
    const run = () =>
      plan(services, at).catch((err: unknown) => services.logger.warn({ err }, "planning deliveries failed"));
    const mine: Promise<void> = (planning ?? Promise.resolve()).then(run).finally(() => {
      if (planning === mine) planning = null;
    });
    planning = mine;
    return mine;
  };

  return {
    outboxDir: settings.mail.outboxDir,
    requests: {
      async confirmAddresses(recipientIds) {
        for (const id of recipientIds)
          await queue().send(QUEUES.confirmation, { recipientId: id }, { singletonKey: id });
      },
    },
    async start(services) {
      tools = { services, mailer, links };
      boss = await openJobQueue(settings.database, settings, services.logger);
      const started = tools;
      await boss.work<{ deliveryId: string }>(QUEUES.report, WORK_OPTIONS, async ([job]) =>
        job ? runReportJob(started, settings.leaseSeconds, job) : undefined,
      );
      await boss.work<{ recipientId: string }>(QUEUES.confirmation, WORK_OPTIONS, async ([job]) =>
        job ? runConfirmationJob(started, job) : undefined,
      );
      await boss.work<{ userId: string; upTo: string | null }>(QUEUES.alertEmail, WORK_OPTIONS, async ([job]) =>
        job
          ? runAlertEmailJob(started, settings, job.data.userId, job.data.upTo ? new Date(job.data.upTo) : null)
          : undefined,
      );
      // the timer's ticks never pile up behind a slow one
      timer = setInterval(() => void (planning ?? planNow()), settings.planEveryMs);
      timer.unref();
      await planNow();
    },
    planNow,
    async stop() {
      if (timer) clearInterval(timer);
      await planning;
      await boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
      mailer.close();
    },
  };
}
