import type { IncomingMessage, ServerResponse } from "node:http";
import { assertSignedIn, submitBaseline, submitReport, submitReportBatch, submitTeam, type Context } from "@pulse/api";
import {
  baselineChange,
  countsReport,
  fieldErrorsOf,
  reportBatch,
  teamChange,
  type BaselineChange,
  type CountsReport,
  type TeamChange,
} from "@pulse/schema";
import { z, type ZodType } from "zod";
import { readBody } from "../http/body";
import { mediaType, problem, sendJson } from "../http/problem";

/** Payloads above this are refused with 413 before being read further. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** What `POST /api/v1/reports` takes, as the OpenAPI document describes it. */
export const reportsRequestBody = z.union([
  countsReport.extend({ kind: z.literal("counts").optional() }),
  reportBatch,
  z.object({ reports: reportBatch }),
  teamChange.extend({ kind: z.literal("team") }),
  baselineChange.extend({ kind: z.literal("baseline") }),
]);

/** The body, told apart by its shape: a batch (an array, or `{reports}`), or one entry by its `kind`. */
type ReportsRequest =
  | { kind: "batch"; value: unknown }
  | { kind: "counts"; value: unknown }
  | { kind: "team"; value: unknown }
  | { kind: "baseline"; value: unknown };

function requestOf(body: unknown): ReportsRequest {
  if (Array.isArray(body)) return { kind: "batch", value: body };
  if (body === null || typeof body !== "object") return { kind: "counts", value: body };
  const { kind, ...entry } = body as { kind?: unknown; reports?: unknown };
  if ("reports" in entry) return { kind: "batch", value: entry.reports };
  if (kind === "team" || kind === "baseline") return { kind, value: entry };
  return { kind: "counts", value: kind === "counts" ? entry : body };
}

/** The body as its schema reads it, or a 422 naming every field at fault (vi and en). */
function parsed<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw problem(422, "invalidReport", { fieldErrors: fieldErrorsOf(result.error) });
  return result.data;
}

/**
 * `POST /api/v1/reports` for other systems: one report, an array, or `{ "reports": [...] }`
 * (all or nothing), or one team or baseline change, through the ingest service as every way in.
 * Answers 200 with receipts; 400 malformed JSON, 413 over 1 MB, 415 not JSON, 422 invalid, 409 a
 * reused key, 401/403, 429 and 503 with Retry-After (the server maps the service's refusals).
 */
export async function handleReportsPost(req: IncomingMessage, res: ServerResponse, ctx: Context): Promise<void> {
  if (mediaType(req.headers["content-type"]) !== "application/json")
    throw problem(415, "unsupportedMediaType", { values: { type: "application/json" } });
  const text = await readBody(req, MAX_BODY_BYTES);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw problem(400, "malformedJson");
  }
  assertSignedIn(ctx);
  const request = requestOf(body);
  const receipts =
    request.kind === "batch"
      ? await submitReportBatch(ctx, parsed<CountsReport[]>(reportBatch, request.value))
      : [
          request.kind === "team"
            ? await submitTeam(ctx, parsed<TeamChange>(teamChange, request.value))
            : request.kind === "baseline"
              ? await submitBaseline(ctx, parsed<BaselineChange>(baselineChange, request.value))
              : await submitReport(ctx, parsed<CountsReport>(countsReport, request.value)),
        ];
  sendJson(res, 200, { receipts });
}
