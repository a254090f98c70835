import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { actorOf, communeScope, isDatabaseUnavailable, refusal, type Context } from "@pulse/api";
import { writeAudit } from "@pulse/db/queries";
import type { Logger } from "pino";
import { accessProblem, throttledFor } from "../../http/access-problems";
import { saveBody, sizeText } from "../../http/body";
import { HttpProblem, mediaType, sendJson, sendProblem } from "../../http/problem";
import type { CsvProblem, ImportEvent } from "@pulse/schema";
import { importCsvFile } from "./import-csv";

/** Uploads above this are refused (a million rows is about 80 MB). */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** A plain-JSON answer lists at most this many problems; the NDJSON stream lists them all. */
const LISTED_PROBLEMS = 1000;

/** Streams the request body to a file, refusing it past `maxBytes`. */
const saveUpload = (req: IncomingMessage, path: string, maxBytes: number) =>
  saveBody(req, createWriteStream(path), maxBytes, () => tooLarge(maxBytes));

const tooLarge = (maxBytes: number) =>
  new HttpProblem(413, `Tệp lớn hơn ${sizeText(maxBytes)}`, `File larger than ${sizeText(maxBytes)}`);

/**
 * `POST /api/v1/imports[?skipInvalid=true]` with a `text/csv` body: the CSV import, for the web
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
  const { db, live, principal, provinceOf } = ctx;
  // Refused before the upload is read: the rest of it is drained so the connection stays usable.
  const refuse = (problem: HttpProblem) => {
    req.resume();
    sendProblem(res, problem);
  };
  if (req.method !== "POST") return refuse(new HttpProblem(405, "Chỉ nhận POST", "Only POST is accepted"));
  // The role first (a viewer or a screen may not import at all), then every row's commune.
  const refused = refusal(principal, "write", [], provinceOf);
  if (refused) return refuse(accessProblem(refused));
  const throttled = await throttledFor(ctx);
  if (throttled) return refuse(throttled);
  if (mediaType(req.headers["content-type"]) !== "text/csv") {
    return refuse(new HttpProblem(415, "Nội dung phải là text/csv", "Content-Type must be text/csv"));
  }
  const query = new URL(req.url ?? "/", "http://localhost").searchParams;
  const skipInvalid = ["true", "1"].includes(query.get("skipInvalid") ?? "");
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
      const result = await importCsvFile(db, path, {
        skipInvalid,
        live,
        mayWrite: (communeCode) => refusal(principal, "write", [communeScope(communeCode)], provinceOf) === null,
        onProgress: (p) => streaming && emit({ type: "progress", ...p }),
        onProblem: (p) =>
          streaming ? emit({ type: "problem", ...p }) : listed.length < LISTED_PROBLEMS && listed.push(p),
      });
      logger.info({ ...result, bytes, skipInvalid }, "CSV import finished");
      const { peakRssBytes: _rss, ...summary } = result;
      await writeAudit(db, {
        actor: actorOf(principal),
        action: "import.csv",
        ip: ctx.clientIp,
        details: { ...summary, bytes },
      });
      if (streaming) {
        emit({ type: "result", ...result });
        res.end();
      } else sendJson(res, result.status === "imported" ? 200 : 422, { result, problems: listed });
    } catch (error) {
      const retryable = isDatabaseUnavailable(error);
      logger.error({ err: error }, "CSV import failed");
      const [vi, en] = retryable
        ? [
            "Cơ sở dữ liệu tạm thời không truy cập được; hãy nhập lại tệp, các dòng đã ghi không bị tính hai lần",
            "Database unavailable; import the file again, rows already written will not count twice",
          ]
        : ["Lỗi máy chủ khi nhập tệp; hãy nhập lại", "Server error during import; import the file again"];
      if (!streaming) {
        return sendJson(res, retryable ? 503 : 500, { error: { vi, en } }, retryable ? { "retry-after": "5" } : {});
      }
      emit({ type: "error", vi, en, retryable });
      res.end();
    }
  } catch (error) {
    if (error instanceof HttpProblem) return sendProblem(res, error);
    throw error;
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
