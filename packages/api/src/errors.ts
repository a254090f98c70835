import { ReportConflictError, ReportValidationError, ReviewDecidedError } from "@pulse/db/ledger";
import { problemText, type LocalizedText } from "@pulse/messages";
import { fieldErrorsOf, type FieldError } from "@pulse/schema";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { ZodError } from "zod";

/** A refusal's words and field errors as data: the error formatter and the HTTP edge read them here. */
export class ApiProblem extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly fieldErrors: FieldError[] = [],
    /** when the client may try again (throttled, database away) */
    readonly retryAfterSeconds: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = "ApiProblem";
  }
}

/** How long the client should wait before retrying the failed call, if it should. */
export function retryAfterOf(error: TRPCError): number | null {
  return error.cause instanceof ApiProblem ? error.cause.retryAfterSeconds : null;
}

/** How long a client waits before retrying when the database is unreachable (nothing was written). */
export const RETRY_UNAVAILABLE_SECONDS = 5;

/** A tRPC error whose message is `text` in English, and whose data carries both languages. */
export function apiError(
  code: TRPC_ERROR_CODE_KEY,
  text: LocalizedText,
  {
    fieldErrors,
    retryAfterSeconds = null,
    cause,
  }: { fieldErrors?: FieldError[]; retryAfterSeconds?: number | null; cause?: unknown } = {},
): TRPCError {
  return new TRPCError({
    code,
    message: text.en,
    cause: new ApiProblem(text, fieldErrors, retryAfterSeconds, { cause }),
  });
}

/** The field errors behind a tRPC error, whether zod or a reference check found them. */
export function fieldErrorsOfCause(cause: unknown): FieldError[] | null {
  if (cause instanceof ZodError) return fieldErrorsOf(cause);
  if (cause instanceof ApiProblem && cause.fieldErrors.length > 0) return cause.fieldErrors;
  return null;
}

/** What a failed call says to a person, in both languages: never our internals. */
export function textOfError(error: TRPCError): LocalizedText {
  if (error.cause instanceof ApiProblem) return error.cause.text;
  if (error.code === "INTERNAL_SERVER_ERROR") return problemText("serverError");
  if (error.code === "BAD_REQUEST") return problemText("invalidInput");
  return { vi: error.message, en: error.message };
}

const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|CONNECTION_(CLOSED|ENDED|DESTROYED)|CONNECT_TIMEOUT|57P0[1-3]|08[0-9A-Z]{3}|terminating connection/;

/** Whether the database could not be reached: the client should retry, nothing was written. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (UNAVAILABLE.test(`${String(code ?? "")} ${String(message ?? "")}`)) return true;
    current = cause;
  }
  return false;
}

/** 503 with Retry-After: the database could not be reached, nothing was written. */
export const databaseUnavailableError = (cause: unknown) =>
  apiError("SERVICE_UNAVAILABLE", problemText("databaseUnavailable"), {
    retryAfterSeconds: RETRY_UNAVAILABLE_SECONDS,
    cause,
  });

/** Ingest failures as tRPC errors a client can act on (HTTP maps them to 409, 422, 503). */
export async function asIngestErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportConflictError)
      throw apiError("CONFLICT", problemText("keyReused", { key: error.idempotencyKey }), { cause: error });
    if (error instanceof ReviewDecidedError)
      throw apiError(
        "CONFLICT",
        error.review ? problemText("reviewDecided", { state: error.review }) : problemText("notHeld"),
        { cause: error },
      );
    if (error instanceof ReportValidationError)
      throw apiError("BAD_REQUEST", problemText("invalidReport"), { fieldErrors: error.errors, cause: error });
    if (isDatabaseUnavailable(error)) throw databaseUnavailableError(error);
    throw error;
  }
}
