"use client";

import type { FieldError } from "@pulse/schema";
import { textIn } from "@pulse/messages/names";
import { TRPCClientError } from "@trpc/client";
import { useLocale } from "next-intl";

/** The field errors a refused tRPC call carries (named fields, both languages). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof TRPCClientError)) return [];
  return ((error.data as { fieldErrors?: FieldError[] | null } | undefined)?.fieldErrors ?? []) as FieldError[];
}

/** A server field error under its field, in the reader's language. */
export function FieldMessage({ errors, field }: { errors: FieldError[]; field: string }) {
  const locale = useLocale();
  const error = errors.find((e) => e.field === field || e.field.startsWith(`${field}.`));
  return error ? <span className="mt-1 block text-sm text-red-700">{textIn(error, locale)}</span> : null;
}
