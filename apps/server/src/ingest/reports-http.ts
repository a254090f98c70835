import type { IncomingMessage, ServerResponse } from "node:http";
import { fieldErrorsOfCause, RateLimitedError } from "@pulse/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Caller } from "../services";
import { readBody } from "../http/body";
import { HttpProblem, mediaType, sendJson as send, sendProblem } from "../http/problem";

/** Payloads above this are refused with 413 before being read further. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a client should wait before retrying when the database is unreachable. */
const RETRY_AFTER_SECONDS = 5;
/**
 * `POST /api/v1/reports` for other systems: one report, an array, or `{ "reports": [...] }`
 * (all or nothing), or one team or baseline change, through the same procedures as the app.
 * Answers 200 with receipts, 400 malformed JSON, 413 over 1 MB, 415 not JSON, 422 invalid (every field named, vi and en),
 * 409 a reused idempotency key, 401 not signed in, 403 outside the caller's scope or role, 429 and 503
 * with Retry-After (throttled; database unreachable).
 */
export async function handleReportsPost(req: IncomingMessage, res: ServerResponse, caller: Caller): Promise<void> {
  try {
    if (req.method !== "POST") throw new HttpProblem(405, "Chỉ nhận POST", "Only POST is accepted");
    if (mediaType(req.headers["content-type"]) !== "application/json") {
      throw new HttpProblem(415, "Nội dung phải là application/json", "Content-Type must be application/json");
    }
    const text = await readBody(req, MAX_BODY_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpProblem(400, "JSON không hợp lệ", "Malformed JSON");
    }
    const batch = Array.isArray(body) ? body : (body as { reports?: unknown } | null)?.reports;
    if (batch !== undefined) {
      const receipts = await caller.reports.submitBatch(batch as never);
      return send(res, 200, { receipts });
    }
    // One entry: counts by default; `"kind": "team"` or `"baseline"` for the other ledger entries.
    const { kind, ...entry } = (body ?? {}) as { kind?: unknown };
    const receipt =
      kind === "team"
        ? await caller.reports.teamChange(entry as never)
        : kind === "baseline"
          ? await caller.reports.baseline(entry as never)
          : await caller.reports.submit(body as never);
    send(res, 200, { receipts: [receipt] });
  } catch (error) {
    if (error instanceof HttpProblem) {
      return sendProblem(res, error);
    }
    // A fault of ours, not of the report: logged and answered as a plain 500 (or 503 when the
    // database is away) by the server, never with its internals in the message.
    if (error instanceof TRPCError && error.code === "INTERNAL_SERVER_ERROR") throw error.cause ?? error;
    if (error instanceof TRPCError) {
      const fieldErrors = fieldErrorsOfCause(error.cause) ?? [];
      const status = error.code === "BAD_REQUEST" ? 422 : getHTTPStatusCodeFromError(error);
      const [vi, en] =
        error.code === "BAD_REQUEST" ? ["Báo cáo không hợp lệ", "Invalid report"] : error.message.split(" / ");
      const retryAfter =
        error.cause instanceof RateLimitedError
          ? error.cause.retryAfterSeconds
          : status === 503
            ? RETRY_AFTER_SECONDS
            : null;
      const headers: Record<string, string> = retryAfter ? { "retry-after": String(retryAfter) } : {};
      return send(res, status, { error: { vi, en: en ?? vi, code: error.code, fieldErrors } }, headers);
    }
    throw error;
  }
}
