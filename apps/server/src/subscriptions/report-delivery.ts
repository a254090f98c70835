import { covers, type Principal } from "@pulse/api";
import { getRecipient, getUserAccess, unitFullNames, type DeliveryRow } from "@pulse/db/queries";
import { hcmDay } from "@pulse/indicators";
import { fullNameIn } from "@pulse/messages";
import { formatters } from "../pdf/layout/format";
import { reportFileName, reportKey } from "../pdf/pdf-renderer";
import { loadReportInput } from "../pdf/report-input";
import { callerFor, contextFor, type Services } from "../services";
import { confirmationMessage } from "./confirmation-message";
import type { RecipientLinks } from "./links";
import type { Mailer } from "./mailer";
import { livePathOf, reportMessage } from "./report-message";

export interface DeliveryTools {
  services: Services;
  mailer: Mailer;
  links: RecipientLinks;
}

/** Why a delivery was skipped: a key of the catalog's `subscriptions.skipReasons`, kept as its last error. */
export type SkipReason = "removed" | "notReceiving" | "ownerScope";

export type DeliveryOutcome = { status: "sent"; outboxFile: string | null } | { status: "skipped"; reason: SkipReason };

/**
 * The owner of a subscription as the report's reader: a delivery shows only what its owner may
 * see today (an owner whose scope no longer covers the unit, or who is gone, sends nothing).
 */
async function ownerPrincipal(services: Services, ownerId: string): Promise<Principal | null> {
  const access = await getUserAccess(services.db, ownerId);
  return access ? { kind: "user", ...access, sessionId: "scheduled-delivery" } : null;
}

/** One scheduled report to one address: the figures, the PDF (rendered once for all asking), the message. */
export async function deliverReport(tools: DeliveryTools, delivery: DeliveryRow, now: Date): Promise<DeliveryOutcome> {
  const { services, mailer, links } = tools;
  const found = await getRecipient(services.db, delivery.recipientId);
  if (!found) return { status: "skipped", reason: "removed" };
  const { recipient, subscription } = found;
  if (!recipient.confirmedAt || recipient.unsubscribedAt) return { status: "skipped", reason: "notReceiving" };
  const owner = await ownerPrincipal(services, subscription.ownerId);
  if (owner?.kind !== "user" || !covers(owner.scope, subscription.scope, services.provinceOf))
    return { status: "skipped", reason: "ownerScope" };

  const request = {
    scope: subscription.scope,
    campaignId: subscription.campaignId ?? undefined,
    lang: subscription.lang,
    annex: false,
  };
  const context = contextFor(services, owner, null);
  const { pdf, input } = await services.pdf.renderShared(reportKey(request), () =>
    loadReportInput(callerFor(context), request, now),
  );
  const { outboxFile } = await mailer.send({
    ...reportMessage({
      input,
      cadence: subscription.cadence,
      to: recipient.email,
      owner: owner.name || owner.email,
      liveUrl: `${services.webOrigin}${livePathOf(subscription.scope)}`,
      unsubscribeUrl: links.url("unsubscribe", recipient),
      pdf,
      pdfName: reportFileName(request, hcmDay(new Date(input.generatedAt))),
    }),
    fileStem: `report-${delivery.id}`,
  });
  return { status: "sent", outboxFile };
}

/** A unit's name in a language: "Tỉnh Tuyên Quang", or the nation. */
export async function unitNameOf(services: Services, scope: Parameters<typeof unitFullNames>[1], lang: "vi" | "en") {
  const names = await unitFullNames(services.db, scope);
  return names ? fullNameIn(names, lang) : formatters(lang).t("pdf.nation");
}

/** The confirmation link to a new address; null when there is nothing to send (removed, or already sent). */
export async function sendConfirmation(tools: DeliveryTools, recipientId: string) {
  const { services, mailer, links } = tools;
  const found = await getRecipient(services.db, recipientId);
  if (!found || found.recipient.confirmationSentAt || found.recipient.confirmedAt) return null;
  const { recipient, subscription } = found;
  const owner = await getUserAccess(services.db, subscription.ownerId);
  const message = confirmationMessage({
    subscription,
    unit: await unitNameOf(services, subscription.scope, subscription.lang),
    to: recipient.email,
    owner: owner ? owner.name || owner.email : "Commune Pulse",
    confirmUrl: links.url("confirm", recipient),
  });
  return mailer.send({ ...message, fileStem: `confirm-${recipient.id}` });
}
