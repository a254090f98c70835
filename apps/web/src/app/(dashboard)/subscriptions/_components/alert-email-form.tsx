"use client";

import { ALERT_EMAIL_MODES, type AlertEmailSettingsInput } from "@pulse/schema";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTRPC } from "../../../../trpc/react";
import { FieldMessage, fieldErrorsOf } from "../../../_components/field-message";
import { SubmitButton } from "../../../_components/submit-button";

const input = "w-full rounded border border-slate-300 px-3 py-2";

/** What went out so far: sent (and when last), waiting, failed. */
function EmailSummary(props: { sent: number; waiting: number; failed: number; lastSentAt: Date | null }) {
  const t = useTranslations("alerts.email");
  const format = useFormatter();
  const parts = [
    t("sent", { count: props.sent }) +
      (props.lastSentAt
        ? `, ${t("lastSent", { at: format.dateTime(props.lastSentAt, { timeStyle: "short", dateStyle: "short" }) })}`
        : ""),
    t("waiting", { count: props.waiting }),
  ];
  return (
    <p className="text-sm text-slate-700" data-testid="alert-email-summary">
      {parts.join(" · ")}
      {props.failed > 0 && <span className="block text-red-700">{t("failed", { count: props.failed })}</span>}
    </p>
  );
}

/** How the signed-in user gets alerts by email: none, as they come, or a daily digest at a time; in vi or en. */
export function AlertEmailForm() {
  const t = useTranslations("alerts.email");
  const ts = useTranslations("subscriptions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const settings = useQuery(trpc.alerts.emailSettings.queryOptions());
  const form = useForm<AlertEmailSettingsInput>({ defaultValues: { mode: "off", time: "07:00", lang: "vi" } });
  const loaded = settings.data;
  useEffect(() => {
    // what is stored, unless the user has started changing it
    if (loaded && !form.formState.isDirty) form.reset({ mode: loaded.mode, time: loaded.time, lang: loaded.lang });
  }, [loaded, form]);
  const save = useMutation(
    trpc.alerts.setEmailSettings.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.alerts.emailSettings.queryKey() }),
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const mode = useWatch({ control: form.control, name: "mode" });
  return (
    <section className="rounded bg-white p-4 ring-1 ring-slate-200" aria-labelledby="alert-email-title">
      <h2 id="alert-email-title" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("intro", { email: loaded?.email ?? "" })}</p>
      <form className="space-y-3" onSubmit={form.handleSubmit((values) => save.mutate(values))}>
        <fieldset>
          <legend className="mb-1 font-semibold">{t("mode")}</legend>
          {ALERT_EMAIL_MODES.map((m) => (
            <label key={m} className="flex items-center gap-2 py-1">
              <input type="radio" value={m} {...form.register("mode")} />
              {t(`modes.${m}`)}
            </label>
          ))}
          <FieldMessage errors={errors} field="mode" />
        </fieldset>
        <div className="grid grid-cols-2 gap-2">
          {mode === "digest" && (
            <label className="block">
              <span className="mb-1 block font-semibold">{t("time")}</span>
              <input className={input} type="time" {...form.register("time")} />
              <FieldMessage errors={errors} field="time" />
            </label>
          )}
          {mode !== "off" && (
            <label className="block">
              <span className="mb-1 block font-semibold">{t("lang")}</span>
              <select className={input} {...form.register("lang")}>
                <option value="vi">{ts("langs.vi")}</option>
                <option value="en">{ts("langs.en")}</option>
              </select>
            </label>
          )}
        </div>
        <SubmitButton pending={save.isPending}>{t("save")}</SubmitButton>
        {save.isSuccess && (
          <p role="status" className="text-sm text-emerald-800">
            {t("saved")}
          </p>
        )}
        {save.error && errors.length === 0 && (
          <p role="alert" className="text-sm text-red-700">
            {save.error.message}
          </p>
        )}
      </form>
      {loaded && <EmailSummary {...loaded} />}
    </section>
  );
}
