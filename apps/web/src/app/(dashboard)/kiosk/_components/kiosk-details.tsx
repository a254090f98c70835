"use client";

import type { FieldError, Scope } from "@pulse/schema";
import { useTranslations } from "next-intl";
import type { UseFormRegister } from "react-hook-form";
import { FieldMessage } from "../../../_components/field-message";

/** What both forms ask: a name, the scope to show, an optional expiry. */
export interface KioskDetailsValues {
  name: string;
  scopeKind: Scope["kind"];
  scopeCode: string;
  expiresAt: string;
  /** the code a TV shows (pairing only) */
  code?: string;
}

export function toKioskInput(values: KioskDetailsValues) {
  const scope: Scope =
    values.scopeKind === "nation" ? { kind: "nation" } : { kind: values.scopeKind, code: values.scopeCode.trim() };
  return { name: values.name, scope, ...(values.expiresAt ? { expiresAt: new Date(values.expiresAt) } : {}) };
}

const input = "w-full rounded border border-slate-300 px-3 py-2";

export function KioskDetailsFields({
  register,
  errors,
  scopeKinds,
}: {
  register: UseFormRegister<KioskDetailsValues>;
  errors: FieldError[];
  scopeKinds: Scope["kind"][];
}) {
  const t = useTranslations("kiosk");
  return (
    <>
      <label className="block">
        <span className="mb-1 block font-semibold">{t("name")}</span>
        <input className={input} placeholder={t("namePlaceholder")} {...register("name")} />
        <FieldMessage errors={errors} field="name" />
      </label>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="mb-1 font-semibold">{t("scope")}</legend>
        <select className={input} aria-label={t("scope")} {...register("scopeKind")}>
          {scopeKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`scopeKinds.${kind}`)}
            </option>
          ))}
        </select>
        <input className={input} aria-label={t("scopeCode")} inputMode="numeric" {...register("scopeCode")} />
        <FieldMessage errors={errors} field="scope" />
      </fieldset>
      <label className="block">
        <span className="mb-1 block font-semibold">{t("expiresAt")}</span>
        <input className={input} type="datetime-local" {...register("expiresAt")} />
        <FieldMessage errors={errors} field="expiresAt" />
      </label>
    </>
  );
}
