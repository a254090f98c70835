import type { IncomingMessage, ServerResponse } from "node:http";
import type { Context } from "@pulse/api";
import {
  EXPORT_PDF_PATH,
  EXPORT_QUEUE_PATH,
  exportPdfQuery,
  exportQueueQuery,
  PLACES_PATH,
  placesQuery,
  recipientLinkQuery,
  SUBSCRIPTION_PATHS,
} from "@pulse/schema";
import type { ZodType } from "zod";
import { handleImportPost, sendExampleCsv } from "../ingest/import/import-http";
import { sendImportTemplate } from "../ingest/import/import-template";
import { handleReportsPost, reportsRequestBody } from "../ingest/reports-http";
import { handleExportPdf, handleExportQueue } from "../pdf/export-http";
import type { Services } from "../services";
import { handleOutboxGet, handleRecipientLink } from "../subscriptions/subscriptions-http";
import { sendOpenApi } from "./openapi";
import { handlePlacesGet } from "./places-http";
import { sendJson } from "./problem";

/** What a route handler gets: the request's tRPC context (who is asking) and the process's services. */
export interface RouteInput {
  req: IncomingMessage;
  res: ServerResponse;
  /** resolved on demand: public routes never look anyone up */
  context: () => Promise<Context>;
  services: Services;
}

/** A REST route, declared with what it takes and answers: the server dispatches on it, `/api/v1/openapi.json` describes it. */
export interface Route {
  method: "GET" | "POST";
  path: string;
  summary: string;
  /** the body's media type and (for JSON) its schema */
  body?: { mediaType: string; schema?: ZodType };
  query?: ZodType;
  /** status → what it means; every refusal's body is `{ error: { vi, en, fieldErrors } }` */
  responses: Record<number, string>;
  handle(input: RouteInput): Promise<void>;
}

const REFUSALS = {
  401: "Not signed in",
  403: "Outside the caller's scope or role",
  429: "Throttled: retry after Retry-After seconds",
  503: "Database unavailable: retry after Retry-After seconds, nothing was written",
};

export const ROUTES: Route[] = [
  {
    method: "POST",
    path: "/api/v1/reports",
    summary:
      "Submit one report, a batch (all or nothing), or a team or baseline change; a repeated key returns its first receipt",
    body: { mediaType: "application/json", schema: reportsRequestBody },
    responses: {
      200: 'Receipts, one per report, in order; a probable typo\'s says review: "held" (kept, not counted, until approved)',
      400: "Malformed JSON",
      409: "Idempotency key reused with other content",
      413: "Body over 1 MB",
      415: "Not application/json",
      422: "Invalid: every field at fault named, in Vietnamese and English",
      ...REFUSALS,
    },
    handle: async ({ req, res, context }) => handleReportsPost(req, res, await context()),
  },
  {
    method: "POST",
    path: "/api/v1/imports",
    summary:
      "Import a CSV or .xlsx file of reports (?skipInvalid=true to write the good rows, &sheet=NAME for a workbook's sheet); Accept: application/x-ndjson streams progress",
    body: { mediaType: "text/csv" },
    responses: {
      200: "Imported (or the NDJSON stream of progress, problems and result)",
      413: "File too large",
      415: "Neither CSV nor .xlsx",
      422: "Rejected: every bad row with line, column and reason; nothing written",
      ...REFUSALS,
    },
    handle: async ({ req, res, context, services }) =>
      handleImportPost(req, res, await context(), services.logger, services.maxImportBytes),
  },
  {
    method: "GET",
    path: "/api/v1/imports/example.csv",
    summary: "The example CSV file",
    responses: { 200: "text/csv" },
    handle: ({ res }) => sendExampleCsv(res),
  },
  ...(["csv", "xlsx"] as const).map((format) => ({
    method: "GET" as const,
    path: `/api/v1/imports/template.${format}`,
    summary: `The import template (${format}): every village of your scope, Vietnamese headers, figures to fill in`,
    responses: { 200: format === "csv" ? "text/csv" : "Excel workbook", ...REFUSALS },
    handle: async ({ res, context }: RouteInput) => sendImportTemplate(res, await context(), format),
  })),
  {
    method: "GET",
    path: EXPORT_PDF_PATH,
    summary: "The PDF report of a scope the caller may read",
    query: exportPdfQuery,
    responses: { 200: "application/pdf", 400: "Invalid parameters", 404: "Unknown unit", ...REFUSALS },
    handle: async ({ req, res, context, services }) => handleExportPdf(req, res, await context(), services.pdf),
  },
  {
    method: "GET",
    path: EXPORT_QUEUE_PATH,
    summary:
      "Where a PDF export asked with `ticket` stands: its figures being read, its place in the queue, or rendering",
    query: exportQueueQuery,
    responses: {
      200: "application/json: {state: preparing|rendering|unknown (done)} or {state: waiting, place}",
      400: "Invalid parameters",
      ...REFUSALS,
    },
    handle: async ({ req, res, context, services }) => handleExportQueue(req, res, await context(), services.pdf),
  },
  {
    method: "GET",
    path: PLACES_PATH,
    summary:
      "For the field page: a commune's figures and villages (?commune=00082), or a province's communes (?province=01)",
    query: placesQuery,
    responses: { 200: "application/json", 400: "Invalid parameters", 404: "Unknown unit", ...REFUSALS },
    handle: async ({ req, res, context }) => handlePlacesGet(req, res, await context()),
  },
  ...(["GET", "POST"] as const).flatMap((method) =>
    (["confirm", "unsubscribe"] as const)
      .filter((purpose) => method === "GET" || purpose === "unsubscribe")
      .map((purpose) => ({
        method,
        path: SUBSCRIPTION_PATHS[purpose],
        summary:
          purpose === "confirm"
            ? "The link of a confirmation message: the address starts receiving its subscription's reports"
            : "The unsubscribe link of a scheduled report (POST: a mail client's one-click button, RFC 8058)",
        query: recipientLinkQuery,
        responses: {
          200: "text/html page in the subscription's language",
          400: "Malformed link",
          404: "Unknown or altered link",
        },
        handle: async ({ req, res, services }: RouteInput) => handleRecipientLink(req, res, services, purpose),
      })),
  ),
  {
    method: "GET",
    path: SUBSCRIPTION_PATHS.outbox,
    summary:
      "A message of one of your subscriptions written to the outbox (?file=NAME.eml), when no SMTP server is set",
    responses: { 200: "message/rfc822", 400: "Invalid file name", 404: "No such message of yours", ...REFUSALS },
    handle: async ({ req, res, context, services }) => handleOutboxGet(req, res, await context(), services),
  },
  {
    method: "GET",
    path: "/api/v1/openapi.json",
    summary: "This document",
    responses: { 200: "OpenAPI 3.1" },
    handle: async ({ res }) => sendOpenApi(res, ROUTES),
  },
  {
    method: "GET",
    path: "/healthz",
    summary: "Whether the server answers",
    responses: { 200: "{ ok: true }" },
    handle: async ({ res }) => sendJson(res, 200, { ok: true }),
  },
];
