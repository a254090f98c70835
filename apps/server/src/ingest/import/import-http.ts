import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDatabaseUnavailable, openImport, type Context, type ImportWriter } from "@pulse/api";
import { problemText } from "@pulse/messages";
import type { Logger } from "pino";
import { saveBody, sizeText } from "../../http/body";
import { mediaType, problem, problemOfError, sendJson, sendProblem, type HttpProblem } from "../../http/problem";
import { XLSX_MEDIA_TYPE, type CsvProblem, type ImportEvent } from "@pulse/schema";
import { importFile } from "./import-file";

/** What an upload may declare: CSV, Excel (Windows browsers call a .csv `application/vnd.ms-excel`). */
export const IMPORT_MEDIA_TYPES = ["text/csv", XLSX_MEDIA_TYPE, "application/vnd.ms-excel"];

/** Uploads above this are refused (a million rows is about 80 MB). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** A plain-JSON answer lists at most this many problems; the NDJSON stream lists them all. */
const LISTED_PROBLEMS = 1000;

/** Streams the request body to a file, refusing it past `maxBytes`. */
const saveUpload = (req: IncomingMessage, path: string, maxBytes: number) =>
  saveBody(req, createWriteStream(path), maxBytes, () => tooLarge(maxBytes));

const tooLarge = (maxBytes: number) => problem(413, "fileTooLarge", { values: { size: sizeText(maxBytes) } });

/**
 * `POST /api/v1/imports[?skipInvalid=true][&sheet=NAME]` with a CSV or `.xlsx` body: the import, for the web
 * page and `npm run import`. With `Accept: application/x-ndjson` it streams progress, every
 * problem and the result; otherwise it answers once: 200 imported, 422 rejected (problems listed).
 */
export async function handleImportPost(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: Context,
  logger: Logger,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<void> {
  // Refused before the upload is read: the rest of it is drained so the connection stays usable.
  const refuse = (refusal: HttpProblem) => {
    req.resume();
    sendProblem(res, refusal);
  };
  // The role first (a viewer or a screen may not import at all), then every row's commune.
  let writer: ImportWriter;
  try {
    writer = await openImport(ctx);
  } catch (error) {
    const { problem: refusal, internal } = problemOfError(error);
    if (internal) throw error;
    return refuse(refusal);
  }
  if (!IMPORT_MEDIA_TYPES.includes(mediaType(req.headers["content-type"]))) {
    return refuse(problem(415, "unsupportedMediaType", { values: { type: `text/csv, ${XLSX_MEDIA_TYPE}` } }));
  }
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const skipInvalid = ["true", "1"].includes(query.get("skipInvalid") ?? "");
  const sheet = query.get("sheet")?.trim() || undefined;
  const streaming = (req.headers.accept ?? "").includes("application/x-ndjson");
  const path = join(tmpdir(), `pulse-import-${randomUUID()}.csv`);
  try {
    const bytes = await saveUpload(req, path, maxBytes);
    const listed: CsvProblem[] = [];
    const emit = (event: ImportEvent) => void res.write(`${JSON.stringify(event)}\n`);
    if (streaming) {
      res.writeHead(200, { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" });
      emit({ type: "uploaded", bytes });
    }
    try {
      const result = await importFile(ctx.db, path, writer, {
        skipInvalid,
        sheet,
        onProgress: (p) => streaming && emit({ type: "progress", ...p }),
        onProblem: (p) =>
          streaming ? emit({ type: "problem", ...p }) : listed.length < LISTED_PROBLEMS && listed.push(p),
      });
      logger.info({ ...result, bytes, skipInvalid, sheet }, "import finished");
      const { peakRssBytes: _rss, ...summary } = result;
      await writer.finish({ ...summary, bytes });
      if (streaming) {
        emit({ type: "result", ...result });
        res.end();
      } else sendJson(res, result.status === "imported" ? 200 : 422, { result, problems: listed });
    } catch (error) {
      const retryable = isDatabaseUnavailable(error);
      logger.error({ err: error }, "CSV import failed");
      const { vi, en } = problemText(retryable ? "importDatabaseUnavailable" : "importFailed");
      if (!streaming) {
        return sendJson(res, retryable ? 503 : 500, { error: { vi, en } }, retryable ? { "retry-after": "5" } : {});
      }
      emit({ type: "error", vi, en, retryable });
      res.end();
    }
  } finally {
    await rm(path, { force: true });
  }
}

const EXAMPLE_CSV = new URL("../../../examples/reports.csv", import.meta.url);

/** The example file the README and the import page point to. */
export async function sendExampleCsv(res: ServerResponse): Promise<void> {
  const body = await readFile(EXAMPLE_CSV);
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": 'attachment; filename="commune-pulse-example.csv"',
  });
  res.end(body);
}
