import { Piscina } from "piscina";
import type { ReportInput } from "./report-input";
import { createSharedRenders, type SharedPdf } from "./shared-renders";

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
  const shared = createSharedRenders({ reuseMs: reuseSeconds * 1000 });
  const render = async (input: ReportInput) => {
    if (pool.queueSize >= maxQueue) throw new PdfQueueFullError("PDF render queue full");
    return pool.run(input);
  };
  return {
    render,
    renderShared: (key, input) => shared.get(key, async () => render(await input())),
    close: () => pool.destroy(),
  };
}
