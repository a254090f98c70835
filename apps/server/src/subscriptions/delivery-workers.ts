import { claimDelivery, finishDelivery, markConfirmationSent } from "@pulse/db/queries";
import type PgBoss from "pg-boss";
import { deliverReport, sendConfirmation, type DeliveryTools } from "./report-delivery";

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * One try of a scheduled report. It is claimed in our table first (with a lease), so a second
 * job for it, from another process's planner, finds it taken; a failure is recorded and thrown
 * for pg-boss to retry after its delay, and the last one is recorded as failed.
 */
export async function runReportJob(
  tools: DeliveryTools,
  leaseSeconds: number,
  job: PgBoss.JobWithMetadata<{ deliveryId: string }>,
): Promise<void> {
  const { db, logger } = tools.services;
  const now = new Date();
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const delivery = await claimDelivery(db, { id: job.data.deliveryId, now, leaseUntil });
  if (!delivery) return; // sent, being sent by another process, or removed
  try {
    const outcome = await deliverReport(tools, delivery, now);
    if (outcome.status === "sent")
      await finishDelivery(db, { id: delivery.id, status: "sent", at: new Date(), outboxFile: outcome.outboxFile });
    else await finishDelivery(db, { id: delivery.id, status: "skipped", at: new Date(), error: outcome.reason });
  } catch (error) {
    const last = job.retryCount >= job.retryLimit;
    logger.warn({ err: error, deliveryId: delivery.id, last }, "report delivery failed");
    await finishDelivery(db, {
      id: delivery.id,
      status: last ? "failed" : "retrying",
      at: new Date(),
      error: errorText(error),
    });
    if (!last) throw error;
  }
}

/** The confirmation message of a new address (retried by pg-boss like a report). */
export async function runConfirmationJob(
  tools: DeliveryTools,
  job: PgBoss.JobWithMetadata<{ recipientId: string }>,
): Promise<void> {
  const sent = await sendConfirmation(tools, job.data.recipientId);
  if (sent)
    await markConfirmationSent(tools.services.db, {
      recipientId: job.data.recipientId,
      at: new Date(),
      outboxFile: sent.outboxFile,
    });
}
