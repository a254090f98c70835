import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { assertSignedIn, type Context } from "@pulse/api";
import { confirmRecipient, getRecipient, outboxFileOwner, unsubscribeRecipient, writeAudit } from "@pulse/db/queries";
import { MESSAGES } from "@pulse/messages";
import { fieldError, recipientLinkQuery } from "@pulse/schema";
import { problem } from "../http/problem";
import { formatters } from "../pdf/layout/format";
import type { Services } from "../services";
import { escapeHtml } from "./html";
import type { LinkPurpose } from "./links";
import { isOutboxFileName } from "./mailer";
import { unitNameOf } from "./report-delivery";

const queryOf = (req: IncomingMessage) => Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);

/** A small page in the subscription's language (both, when the link says nothing we can trust). */
function sendPage(res: ServerResponse, status: number, lang: "vi" | "en" | null, lines: string[]): void {
  const title = lang
    ? MESSAGES[lang].mail.page.title
    : `${MESSAGES.vi.mail.page.title} / ${MESSAGES.en.mail.page.title}`;
  const body = `<!doctype html><html lang="${lang ?? "vi"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="/icon.svg"><title>${escapeHtml(title)}</title></head>
<body style="font-family:Arial,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1f2937">
<h1 style="font-size:1.25rem">${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}</body></html>`;
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(body);
}

const invalidLink = (res: ServerResponse, status: number) =>
  sendPage(res, status, null, [MESSAGES.vi.mail.page.invalid, MESSAGES.en.mail.page.invalid]);

/**
 * The links in a subscription's messages: `confirm` starts the deliveries to an address,
 * `unsubscribe` ends them (also POSTed by a mail client's own button, RFC 8058). Each opens only
 * its own address, by the server's signature; following one twice changes nothing more.
 */
export async function handleRecipientLink(
  req: IncomingMessage,
  res: ServerResponse,
  services: Services,
  purpose: LinkPurpose,
): Promise<void> {
  req.resume();
  const parsed = recipientLinkQuery.safeParse(queryOf(req));
  if (!parsed.success) return invalidLink(res, 400);
  const found = await getRecipient(services.db, parsed.data.r);
  if (!found || !services.links.verify(purpose, found.recipient, parsed.data.t)) return invalidLink(res, 404);
  const { recipient, subscription } = found;
  const at = new Date();
  if (purpose === "confirm") await confirmRecipient(services.db, { recipientId: recipient.id, at });
  else await unsubscribeRecipient(services.db, { recipientId: recipient.id, at });
  await writeAudit(services.db, {
    actor: `recipient:${recipient.id}`,
    action: purpose === "confirm" ? "subscription.confirm" : "subscription.unsubscribe",
    target: subscription.id,
    details: { email: recipient.email },
  });
  const f = formatters(subscription.lang);
  const unit = await unitNameOf(services, subscription.scope, subscription.lang);
  const text = f.t(purpose === "confirm" ? "mail.page.confirmed" : "mail.page.unsubscribed", {
    email: recipient.email,
    unit,
  });
  // a new address may be due a report already today: plan now rather than at the next tick
  if (purpose === "confirm") void services.deliveries?.planNow();
  sendPage(res, 200, subscription.lang, [text]);
}

/**
 * `GET /api/v1/outbox?file=…`: a message written to the outbox (no SMTP server set), for the
 * user whose subscription it belongs to.
 */
export async function handleOutboxGet(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Context,
  services: Services,
): Promise<void> {
  const file = queryOf(req).file ?? "";
  if (!isOutboxFileName(file)) throw problem(400, "invalidParameters", { fieldErrors: [fieldError("file", "format")] });
  assertSignedIn(ctx);
  const owner = await outboxFileOwner(services.db, file);
  if (ctx.principal.kind !== "user" || owner !== ctx.principal.userId || !services.deliveries)
    throw problem(404, "notFound");
  const content = await readFile(join(services.deliveries.outboxDir, file)).catch(() => null);
  if (!content) throw problem(404, "notFound");
  res.writeHead(200, {
    "content-type": "message/rfc822",
    "content-length": String(content.byteLength),
    "content-disposition": `attachment; filename="${file}"`,
    "cache-control": "private, no-store",
  });
  res.end(content);
}
