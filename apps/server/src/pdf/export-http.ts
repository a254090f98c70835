import type { IncomingMessage, ServerResponse } from "node:http";
import { actorOf, assertAllowed, throttle, type Context } from "@pulse/api";
import { writeAudit } from "@pulse/db/queries";
import { hcmDay } from "@pulse/indicators";
import { exportPdfQuery, exportQueueQuery, fieldErrorsOf, scopeKey } from "@pulse/schema";
import { problem } from "../http/problem";
import { callerFor } from "../services";
import { PdfQueueFullError, reportFileName, reportKey, type PdfRenderer, type SharedPdf } from "./pdf-renderer";
import { loadReportInput } from "./report-input";

const busy = () => problem(503, "pdfBusy", { headers: { "retry-after": "5" } });

/**
 * `GET /api/v1/export.pdf?scope=…&campaign=…&lang=vi|en[&annex=communes]`: the report of a scope
 * the caller may read, rendered in a worker thread — once for everyone asking for the same report
 * at once or within the reuse time — and written to the audit log for each caller. Refusals
 * (400, 401, 403) come before any work.
 */
export async function handleExportPdf(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Context,
  renderer: PdfRenderer,
): Promise<void> {
  const params = Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
  const parsed = exportPdfQuery.safeParse(params);
  if (!parsed.success) {
    throw problem(400, "invalidParameters", { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const { scope, campaign, lang, annex, ticket } = parsed.data;
  await assertAllowed(ctx, "read", [scope]);
  // a person asking again and again (a reused PDF costs little, but not nothing): 429 + Retry-After
  await throttle(ctx, "export");

  const now = ctx.now();
  const started = performance.now();
  const key = reportKey({ scope, campaignId: campaign, lang, annex: annex !== undefined });
  let rendered: SharedPdf;
  try {
    rendered = await renderer.renderShared(
      key,
      () => loadReportInput(callerFor(ctx), { scope, campaignId: campaign, lang, annex: annex !== undefined }, now),
      ticket,
    );
  } catch (error) {
    if (error instanceof PdfQueueFullError) throw busy();
    throw error;
  }
  const { pdf, shared } = rendered;
  // Who took which figures away, and when: as for imports and access changes.
  await writeAudit(ctx.db, {
    actor: actorOf(ctx.principal),
    action: "export.pdf",
    target: scopeKey(scope),
    ip: ctx.clientIp,
    details: { lang, annex: annex !== undefined, campaign: campaign ?? null, bytes: pdf.byteLength, shared },
  });
  const day = hcmDay(now);
  const name = reportFileName({ scope, lang, annex: annex !== undefined }, day);
  res.writeHead(200, {
    "content-type": "application/pdf",
    "content-length": String(pdf.byteLength),
    "content-disposition": `attachment; filename="${name}"`,
    "cache-control": "private, no-store",
    // the wait (figures, queue, layout and render in the worker), and whether another's render was shared
    "server-timing": `render;dur=${(performance.now() - started).toFixed(1)}${shared ? ', shared;desc="shared render"' : ""}`,
  });
  res.end(pdf);
}

/**
 * `GET /api/v1/export-queue?ticket=…`: where the caller's export with that ticket stands — its
 * figures being read, its place in the render queue, or being rendered; 404 once it is done or
 * unknown. A ticket is the page's own random id: it says nothing of anyone else's reports.
 */
export async function handleExportQueue(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Context,
  renderer: PdfRenderer,
) {
  const params = Object.fromEntries(new URL(req.url ?? "/", "http://localhost").searchParams);
  const parsed = exportQueueQuery.safeParse(params);
  if (!parsed.success) throw problem(400, "invalidParameters", { fieldErrors: fieldErrorsOf(parsed.error) });
  await assertAllowed(ctx, "read", []);
  const place = renderer.placeOf(parsed.data.ticket);
  // 200 even when done or unknown: a page polling as its export finishes must not log a failed request
  res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(place ?? { state: "unknown" }));
}
