"use client";

import { textIn } from "@pulse/messages/names";
import type { FieldError } from "@pulse/schema";
import { useLocale, useTranslations } from "next-intl";

/** A field's errors as the server words them, in the page's language. */
export function FieldErrors({ errors, field }: { errors: FieldError[]; field: string }) {
  const locale = useLocale();
  const mine = errors.filter((e) => e.field === field);
  if (mine.length === 0) return null;
  return (
    <p className="mt-1 text-sm text-red-700" data-field-error={field}>
      {mine.map((e) => textIn(e, locale)).join("; ")}
    </p>
  );
}

/** A counter: a large numeric field with − and + for small numbers. */
export function CounterField({
  label,
  field,
  value,
  onChange,
  errors,
}: {
  label: string;
  field: string;
  value: string;
  onChange: (text: string) => void;
  errors: FieldError[];
}) {
  const t = useTranslations("field");
  const current = /^\d+$/.test(value.trim()) ? Number(value) : 0;
  const step = "h-12 w-12 shrink-0 rounded bg-slate-200 text-2xl font-bold text-slate-900 active:bg-slate-300";
  return (
    <div>
      <label className="block font-semibold" htmlFor={field}>
        {label}
      </label>
      <div className="mt-1 flex items-center gap-2">
        <button
          type="button"
          className={step}
          aria-label={t("decrease", { label })}
          onClick={() => onChange(current > 1 ? String(current - 1) : "")}
        >
          −
        </button>
        <input
          id={field}
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete="off"
          className="h-12 min-w-0 flex-1 rounded border border-slate-400 px-3 text-right text-xl tabular-nums"
          aria-invalid={errors.some((e) => e.field === field)}
          name={field}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        <button
          type="button"
          className={step}
          aria-label={t("increase", { label })}
          onClick={() => onChange(String(current + 1))}
        >
          +
        </button>
      </div>
      <FieldErrors errors={errors} field={field} />
    </div>
  );
}
