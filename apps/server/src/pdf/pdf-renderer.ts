import { Piscina } from "piscina";
import { scopeKey } from "@pulse/schema";
import type { ReportInput, ReportRequest } from "./report-input";
import { createSharedRenders } from "./shared-renders";

/** A report rendered, the figures it was made from, and whether another request's render was shared. */
export interface SharedPdf {
  pdf: Uint8Array;
  input: ReportInput;
  shared: boolean;
}

/** Renders report PDFs away from the event loop that serves sockets and HTTP. */
export interface PdfRenderer {
  render(input: ReportInput): Promise<Uint8Array>;
  /** the report `key` names, rendered once for everyone asking at once or within the reuse time */
  renderShared(key: string, input: () => Promise<ReportInput>): Promise<SharedPdf>;
  close(): Promise<void>;
}

export interface PdfRendererSettings {
  /** render threads; one leaves the other core of a two-core machine to the live hub */
  threads: number;
  /** renders waiting beyond this are refused (the caller answers 503 and a retry delay) */
  maxQueue: number;
  /** how long a rendered report is handed to others asking for the same one; default 60 s */
  reuseSeconds?: number;
}

/** What makes two reports the same one: scope, campaign, language and annex (an export and a scheduled delivery share it). */
export function reportKey(request: Omit<ReportRequest, "lang"> & { lang: string }): string {
  return [scopeKey(request.scope), request.campaignId ?? "", request.lang, request.annex ? "communes" : ""].join("|");
}

/** commune-pulse-province-01-2026-12-04-vi.pdf */
export function reportFileName(request: Omit<ReportRequest, "campaignId">, day: string): string {
  const annex = request.annex ? "-annex" : "";
  return `commune-pulse-${scopeKey(request.scope).replace(":", "-")}${annex}-${day}-${request.lang}.pdf`;
}

export class PdfQueueFullError extends Error {}

export function createPdfRenderer({ threads, maxQueue, reuseSeconds = 60 }: PdfRendererSettings): PdfRenderer {
  const pool = new Piscina<ReportInput, Uint8Array>({
    filename: new URL("./render-worker.mjs", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
    // A worker keeps its fonts and compiled code between PDFs.
    idleTimeout: Number.POSITIVE_INFINITY,
    // Layout makes millions of short-lived objects: a larger young generation halves the time in GC.
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  const shared = createSharedRenders<{ pdf: Uint8Array; input: ReportInput }>({ reuseMs: reuseSeconds * 1000 });
  const render = async (input: ReportInput) => {
    if (pool.queueSize >= maxQueue) throw new PdfQueueFullError("PDF render queue full");
    return pool.run(input);
  };
  return {
    render,
    async renderShared(key, input) {
      const { rendered, shared: wasShared } = await shared.get(key, async () => {
        const figures = await input();
        return { pdf: await render(figures), input: figures };
      });
      return { ...rendered, shared: wasShared };
    },
    close: () => pool.destroy(),
  };
}
