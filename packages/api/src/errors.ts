import { ReportConflictError, ReportValidationError } from "@pulse/db/ledger";
import { fieldErrorsOf, type FieldError } from "@pulse/schema";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

/** Carries field errors to the error formatter. */
export class FieldErrorsCause extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.en}`).join("; "));
  }
}

/** The field errors behind a tRPC error, whether zod or a reference check found them. */
export function fieldErrorsOfCause(cause: unknown): FieldError[] | null {
  if (cause instanceof ZodError) return fieldErrorsOf(cause);
  if (cause instanceof FieldErrorsCause) return cause.errors;
  return null;
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

/** Ingest failures as tRPC errors a client can act on (HTTP maps them to 409, 422, 503). */
export async function asIngestErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ReportConflictError) {
      throw new TRPCError({
        code: "CONFLICT",
        message: `Mã chống trùng ${error.idempotencyKey} đã dùng cho một báo cáo khác / ${error.message}`,
        cause: error,
      });
    }
    if (error instanceof ReportValidationError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: new FieldErrorsCause(error.errors) });
    }
    if (isDatabaseUnavailable(error)) {
      throw new TRPCError({
        code: "SERVICE_UNAVAILABLE",
        message: "Cơ sở dữ liệu tạm thời không truy cập được, hãy gửi lại / Database unavailable, retry",
        cause: error,
      });
    }
    throw error;
  }
}
