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

/** Where an export stands, for the page that waits for it: its figures being read, waiting behind others, or being rendered. */
export type ExportPlace = { state: "preparing" } | { state: "waiting"; place: number } | { state: "rendering" };

/** Renders report PDFs away from the event loop that serves sockets and HTTP, at a lower priority than it. */
export interface PdfRenderer {
  render(input: ReportInput): Promise<Uint8Array>;
  /**
   * the report `key` names, rendered once for everyone asking at once or within the reuse time;
   * `ticket` (the page's own random id) lets `placeOf` say where the request stands meanwhile
   */
  renderShared(key: string, input: () => Promise<ReportInput>, ticket?: string): Promise<SharedPdf>;
  /** where the export of `ticket` stands; null when it is unknown or done */
  placeOf(ticket: string): ExportPlace | null;
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

interface Job {
  key: string;
  input: ReportInput;
  resolve: (pdf: Uint8Array) => void;
  reject: (error: unknown) => void;
}

export function createPdfRenderer({ threads, maxQueue, reuseSeconds = 60 }: PdfRendererSettings): PdfRenderer {
  const pool = new Piscina<ReportInput, Uint8Array>({
    filename: new URL("./render-worker.mjs", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // A worker keeps its fonts and compiled code between PDFs.
    idleTimeout: Number.POSITIVE_INFINITY,
    // Layout makes millions of short-lived objects: a larger young generation halves the time in GC.
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  const shared = createSharedRenders<{ pdf: Uint8Array; input: ReportInput }>({ reuseMs: reuseSeconds * 1000 });
  // Our own queue in front of the pool, first come first served, so that a page can be told its place in it.
  const waiting: Job[] = [];
  const rendering = new Set<string>();
  const tickets = new Map<string, string>();

  const next = () => {
    while (rendering.size < threads && waiting.length > 0) {
      const job = waiting.shift();
      if (!job) return;
      rendering.add(job.key);
      pool
        .run(job.input)
        .then(job.resolve, job.reject)
        .finally(() => {
          rendering.delete(job.key);
          next();
        });
    }
  };
  const enqueue = (key: string, input: ReportInput) => {
    if (waiting.length >= maxQueue) return Promise.reject(new PdfQueueFullError("PDF render queue full"));
    const done = new Promise<Uint8Array>((resolve, reject) => waiting.push({ key, input, resolve, reject }));
    next();
    return done;
  };

  // A report's figures are read on the main thread (the indicators; on PGlite the queries too).
  // Eight different reports asked at once would hold it for most of a second in one stretch:
  // they are read one after another, each after the event loop has had a turn, so that the
  // reports and pushes arriving meanwhile are answered between them.
  let reading: Promise<unknown> = Promise.resolve();
  const readInTurn = <T>(read: () => Promise<T>): Promise<T> => {
    const turn = reading.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(read);
    reading = turn.catch(() => undefined);
    return turn;
  };

  return {
    render: (input) => enqueue("", input),
    async renderShared(key, input, ticket) {
      if (ticket) tickets.set(ticket, key);
      try {
        const { rendered, shared: wasShared } = await shared.get(key, async () => {
          const figures = await readInTurn(input);
          return { pdf: await enqueue(key, figures), input: figures };
        });
        return { ...rendered, shared: wasShared };
      } finally {
        if (ticket) tickets.delete(ticket);
      }
    },
    placeOf(ticket) {
      const key = tickets.get(ticket);
      if (key === undefined) return null;
      if (rendering.has(key)) return { state: "rendering" };
      const index = waiting.findIndex((job) => job.key === key);
      return index < 0 ? { state: "preparing" } : { state: "waiting", place: index + 1 };
    },
    close: () => pool.destroy(),
  };
}
