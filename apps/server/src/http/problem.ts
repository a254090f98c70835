import type { ServerResponse } from "node:http";
import type { FieldError } from "@pulse/schema";

/** A refusal the HTTP endpoints answer with: a status and a message in Vietnamese and English. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly vi: string,
    readonly en: string,
    readonly fieldErrors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(en);
  }
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

export function sendProblem(res: ServerResponse, problem: HttpProblem): void {
  sendJson(
    res,
    problem.status,
    { error: { vi: problem.vi, en: problem.en, fieldErrors: problem.fieldErrors } },
    problem.headers,
  );
}

/** The media type of a request, without parameters, lower case. */
export function mediaType(value: string | undefined): string {
  return (value ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}
