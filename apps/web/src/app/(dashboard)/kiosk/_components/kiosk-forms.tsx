"use client";

import type { Scope } from "@pulse/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "../../../../trpc/react";
import { FieldMessage, fieldErrorsOf } from "../../../_components/field-message";
import { SubmitButton } from "../../../_components/submit-button";
import { KioskDetailsFields, toKioskInput, type KioskDetailsValues } from "./kiosk-details";

const SCOPE_DEPTH: Scope["kind"][] = ["nation", "province", "commune"];

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded bg-white p-4 ring-1 ring-slate-200">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** A failure no field explains, said once under the form. */
function Failure({ error }: { error: unknown }) {
  const t = useTranslations("kiosk");
  if (!error || fieldErrorsOf(error).length > 0) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {t("error", { message: error instanceof Error ? error.message : String(error) })}
    </p>
  );
}

/** The form's defaults and the scope kinds this user may give a screen: its own and below. */
function useKioskDefaults(scope: Scope) {
  const defaults: KioskDetailsValues = {
    name: "",
    scopeKind: scope.kind,
    scopeCode: scope.kind === "nation" ? "" : scope.code,
    expiresAt: "",
  };
  return { defaults, scopeKinds: SCOPE_DEPTH.slice(SCOPE_DEPTH.indexOf(scope.kind)) };
}

function useRefreshList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: trpc.kiosk.list.queryKey() });
}

/** Pair a TV that shows a code at /pair. */
export function PairForm({ scope, origin }: { scope: Scope; origin: string }) {
  const t = useTranslations("kiosk");
  const trpc = useTRPC();
  const { defaults, scopeKinds } = useKioskDefaults(scope);
  const form = useForm<KioskDetailsValues>({ defaultValues: { ...defaults, code: "" } });
  const pair = useMutation(trpc.kiosk.pair.mutationOptions({ onSuccess: useRefreshList() }));
  const errors = fieldErrorsOf(pair.error);
  return (
    <Card title={t("pairTitle")}>
      <p className="mb-3 text-sm text-slate-700">{t("pairHelp", { url: `${origin}/pair` })}</p>
      <form
        className="space-y-3"
        onSubmit={form.handleSubmit((values) =>
          pair.mutate({ code: values.code ?? "", ...toKioskInput(values) }, { onSuccess: () => form.reset() }),
        )}
      >
        <label className="block">
          <span className="mb-1 block font-semibold">{t("code")}</span>
          <input
            className="w-full rounded border border-slate-300 px-3 py-2 font-mono text-xl tracking-widest uppercase"
            autoComplete="off"
            {...form.register("code")}
          />
          <FieldMessage errors={errors} field="code" />
        </label>
        <KioskDetailsFields register={form.register} errors={errors} scopeKinds={scopeKinds} />
        <SubmitButton pending={pair.isPending}>{t("pair")}</SubmitButton>
        {pair.data && (
          <p role="status" className="text-sm text-emerald-800">
            {t("paired", { name: pair.data.name })}
          </p>
        )}
        <Failure error={pair.error} />
      </form>
    </Card>
  );
}

/** Create a token for a screen that opens a link (the secret is shown once). */
export function CreateForm({ scope, origin }: { scope: Scope; origin: string }) {
  const t = useTranslations("kiosk");
  const trpc = useTRPC();
  const { defaults, scopeKinds } = useKioskDefaults(scope);
  const form = useForm<KioskDetailsValues>({ defaultValues: defaults });
  const create = useMutation(trpc.kiosk.create.mutationOptions({ onSuccess: useRefreshList() }));
  return (
    <Card title={t("createTitle")}>
      <form className="space-y-3" onSubmit={form.handleSubmit((values) => create.mutate(toKioskInput(values)))}>
        <KioskDetailsFields register={form.register} errors={fieldErrorsOf(create.error)} scopeKinds={scopeKinds} />
        <SubmitButton pending={create.isPending}>{t("create")}</SubmitButton>
        {create.data && (
          <div role="status" className="rounded bg-amber-50 p-3 text-sm ring-1 ring-amber-300">
            <p className="mb-1">{t("created", { name: create.data.token.name })}</p>
            <code data-testid="kiosk-link" className="block break-all">{`${origin}/?token=${create.data.secret}`}</code>
          </div>
        )}
        <Failure error={create.error} />
      </form>
    </Card>
  );
}
