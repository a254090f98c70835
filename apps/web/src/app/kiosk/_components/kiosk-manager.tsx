"use client";

import { SubmitButton } from "../../_components/submit-button";
import type { FieldError, Scope } from "@pulse/schema";
import { scopeKey } from "@pulse/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useFormatter, useTranslations } from "next-intl";
import { useSyncExternalStore, type ReactNode } from "react";
import { useForm } from "react-hook-form";
import { useTRPC } from "../../../trpc/react";
import { FieldMessage, KioskDetailsFields, toKioskInput, type KioskDetailsValues } from "./kiosk-details";

const SCOPE_DEPTH: Scope["kind"][] = ["nation", "province", "commune"];

function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof TRPCClientError)) return [];
  return ((error.data as { fieldErrors?: FieldError[] | null } | undefined)?.fieldErrors ?? []) as FieldError[];
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded bg-white p-4 ring-1 ring-slate-200">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

const noSubscription = () => () => undefined;

/**
 * This page's origin for the links it shows. The server renders without it and the browser
 * fills it in after hydration (reading `window` during the first render made the texts differ:
 * React's hydration error #418).
 */
const usePageOrigin = () =>
  useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );

/** Pair a TV by code, create a token for a link, list screens with their last connection, revoke. */
export function KioskManager({ scope }: { scope: Scope }) {
  const t = useTranslations("kiosk");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery({ ...trpc.kiosk.list.queryOptions(), refetchInterval: 10_000 });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.kiosk.list.queryKey() });
  const scopeKinds = SCOPE_DEPTH.slice(SCOPE_DEPTH.indexOf(scope.kind));
  const defaults: KioskDetailsValues = {
    name: "",
    scopeKind: scope.kind,
    scopeCode: scope.kind === "nation" ? "" : scope.code,
    expiresAt: "",
  };

  const pairForm = useForm<KioskDetailsValues>({ defaultValues: { ...defaults, code: "" } });
  const pair = useMutation(trpc.kiosk.pair.mutationOptions({ onSuccess: refresh }));
  const createForm = useForm<KioskDetailsValues>({ defaultValues: defaults });
  const create = useMutation(trpc.kiosk.create.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.kiosk.revoke.mutationOptions({ onSuccess: refresh }));
  const origin = usePageOrigin();
  const time = (date: Date | null, none: string) =>
    date ? format.dateTime(date, { dateStyle: "short", timeStyle: "short" }) : none;
  const failure = (error: unknown) =>
    error && fieldErrorsOf(error).length === 0 ? (
      <p role="alert" className="text-sm text-red-700">
        {t("error", { message: error instanceof Error ? error.message : String(error) })}
      </p>
    ) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title={t("pairTitle")}>
        <p className="mb-3 text-sm text-slate-700">{t("pairHelp", { url: `${origin}/pair` })}</p>
        <form
          className="space-y-3"
          onSubmit={pairForm.handleSubmit((values) =>
            pair.mutate({ code: values.code ?? "", ...toKioskInput(values) }, { onSuccess: () => pairForm.reset() }),
          )}
        >
          <label className="block">
            <span className="mb-1 block font-semibold">{t("code")}</span>
            <input
              className="w-full rounded border border-slate-300 px-3 py-2 font-mono text-xl tracking-widest uppercase"
              autoComplete="off"
              {...pairForm.register("code")}
            />
            <FieldMessage errors={fieldErrorsOf(pair.error)} field="code" />
          </label>
          <KioskDetailsFields register={pairForm.register} errors={fieldErrorsOf(pair.error)} scopeKinds={scopeKinds} />
          <SubmitButton pending={pair.isPending}>{t("pair")}</SubmitButton>
          {pair.data && (
            <p role="status" className="text-sm text-emerald-800">
              {t("paired", { name: pair.data.name })}
            </p>
          )}
          {failure(pair.error)}
        </form>
      </Card>

      <Card title={t("createTitle")}>
        <form className="space-y-3" onSubmit={createForm.handleSubmit((values) => create.mutate(toKioskInput(values)))}>
          <KioskDetailsFields
            register={createForm.register}
            errors={fieldErrorsOf(create.error)}
            scopeKinds={scopeKinds}
          />
          <SubmitButton pending={create.isPending}>{t("create")}</SubmitButton>
          {create.data && (
            <div role="status" className="rounded bg-amber-50 p-3 text-sm ring-1 ring-amber-300">
              <p className="mb-1">{t("created", { name: create.data.token.name })}</p>
              <code
                data-testid="kiosk-link"
                className="block break-all"
              >{`${origin}/?token=${create.data.secret}`}</code>
            </div>
          )}
          {failure(create.error)}
        </form>
      </Card>

      <section className="lg:col-span-2">
        <h2 className="mb-2 text-lg font-semibold">{t("listTitle")}</h2>
        {tokens.data?.length === 0 && <p>{t("none")}</p>}
        {tokens.data && tokens.data.length > 0 && (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-slate-600">
                {(["name", "scope", "created", "expires", "lastSeen", "status"] as const).map((c) => (
                  <th key={c} className="py-2 pr-3">
                    {t(`columns.${c}`)}
                  </th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id} className="border-b border-slate-200">
                  <td className="py-2 pr-3 font-medium">{token.name}</td>
                  <td className="pr-3 font-mono">{scopeKey(token.scope)}</td>
                  <td className="pr-3">{time(token.createdAt, "")}</td>
                  <td className="pr-3">{time(token.expiresAt, t("noExpiry"))}</td>
                  <td className="pr-3">{time(token.lastSeenAt, t("never"))}</td>
                  <td className="pr-3">{t(`status.${token.status}`)}</td>
                  <td className="text-right">
                    {token.status === "active" && (
                      <button
                        type="button"
                        className="rounded px-2 py-1 text-red-800 underline hover:bg-red-50"
                        onClick={() => {
                          if (window.confirm(t("confirmRevoke", { name: token.name }))) revoke.mutate({ id: token.id });
                        }}
                      >
                        {t("revoke")}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
