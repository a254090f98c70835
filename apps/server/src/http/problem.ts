import type { ServerResponse } from "node:http";
import {
  ApiProblem,
  fieldErrorsOfCause,
  isDatabaseUnavailable,
  RETRY_UNAVAILABLE_SECONDS,
  retryAfterOf,
  textOfError,
} from "@pulse/api";
import { problemText, type LocalizedText, type ProblemKey } from "@pulse/messages";
import type { FieldError } from "@pulse/schema";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";

/** A refusal the HTTP endpoints answer with: a status, its words in both languages, the fields at fault. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly text: LocalizedText,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en);
  }
}

/** A problem worded from the catalog's `problems` section. */
export const problem = (
  status: number,
  key: ProblemKey,
  {
    values,
    fieldErrors = [],
    headers = {},
  }: { values?: Record<string, string | number>; fieldErrors?: FieldError[]; headers?: Record<string, string> } = {},
) => new HttpProblem(status, problemText(key, values), fieldErrors, headers);

/**
 * Every failure as the HTTP answer a client can act on, in one place: refusals and bad input
 * with their words and fields (invalid input is 422), 429 and 503 with Retry-After; anything
 * else is a fault of ours, answered 500 without its internals (the caller logs it).
 */
export function problemOfError(error: unknown): { problem: HttpProblem; internal: boolean } {
  if (error instanceof HttpProblem) return { problem: error, internal: false };
  if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    const status = error.code === "BAD_REQUEST" ? 422 : getHTTPStatusCodeFromError(error);
    const retryAfter = retryAfterOf(error) ?? (status === 503 ? RETRY_UNAVAILABLE_SECONDS : null);
    const headers: Record<string, string> = retryAfter ? { "retry-after": String(retryAfter) } : {};
    return {
      problem: new HttpProblem(status, textOfError(error), fieldErrorsOfCause(error.cause) ?? [], headers),
      internal: false,
    };
  }
  const cause = error instanceof TRPCError ? (error.cause ?? error) : error;
  if (isDatabaseUnavailable(cause)) {
    const headers = { "retry-after": String(RETRY_UNAVAILABLE_SECONDS) };
    return { problem: problem(503, "databaseUnavailable", { headers }), internal: false };
  }
  if (cause instanceof ApiProblem) return { problem: new HttpProblem(500, cause.text), internal: true };
  return { problem: problem(500, "serverError"), internal: true };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export function sendProblem(res: ServerResponse, { status, text, fieldErrors, headers }: HttpProblem): void {
  sendJson(res, status, { error: { vi: text.vi, en: text.en, fieldErrors } }, headers);
}

/** The media type of a request, without parameters, lower case. */
export function mediaType(value: string | undefined): string {
  return (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
